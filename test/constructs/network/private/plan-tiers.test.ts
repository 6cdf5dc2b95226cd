import { planTiers } from '../../../../constructs/network/private/plan-tiers';
import { VpcTier } from '../../../../constructs/network/private/tiers';

describe('planTiers', () => {
  test('default masks in a /16 with 3 AZs: aligned blocks public, private, isolated', () => {
    // GIVEN
    const problems: string[] = [];
    // WHEN
    const layout = planTiers({ azCount: 3 }, problems);
    // THEN
    expect(problems).toEqual([]);
    expect(layout.vpcCidr).toBe('10.0.0.0/16');
    expect(layout.tiers[VpcTier.PUBLIC]).toMatchObject({ mask: 24, tierCidr: '10.0.0.0/22' });
    expect(layout.tiers[VpcTier.PRIVATE]).toMatchObject({ mask: 20, tierCidr: '10.0.64.0/18' });
    expect(layout.tiers[VpcTier.ISOLATED]).toMatchObject({ mask: 22, tierCidr: '10.0.128.0/20' });
  });

  test('a later tier with larger subnets starts on its own alignment, never inside an earlier tier', () => {
    const problems: string[] = [];
    const layout = planTiers({ cidr: '172.16.0.0/20', azCount: 2, publicCidrMask: 26, privateCidrMask: 23, isolatedCidrMask: 25 }, problems);
    expect(problems).toEqual([]);
    expect(layout.tiers[VpcTier.PUBLIC].tierCidr).toBe('172.16.0.0/25');
    expect(layout.tiers[VpcTier.PRIVATE].tierCidr).toBe('172.16.4.0/22');
    expect(layout.tiers[VpcTier.ISOLATED].tierCidr).toBe('172.16.8.0/24');
  });

  test('fails when the tiers do not fit in the VPC', () => {
    const problems: string[] = [];
    planTiers({ cidr: '10.0.0.0/24', azCount: 3, publicCidrMask: 26, privateCidrMask: 26, isolatedCidrMask: 26 }, problems);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^the tiers do not fit in cidr 10.0.0.0\/24.*use a larger cidr or larger publicCidrMask\/privateCidrMask\/isolatedCidrMask/);
  });

  test('fails when the cidr has host bits set, naming the network address', () => {
    const problems: string[] = [];
    planTiers({ cidr: '10.0.0.1/16', azCount: 2 }, problems);
    expect(problems).toEqual(['cidr must be a network address, got "10.0.0.1/16"; use "10.0.0.0/16"']);
  });

  test('fails when a mask is outside 16-28', () => {
    const problems: string[] = [];
    planTiers({ azCount: 2, privateCidrMask: 30 }, problems);
    expect(problems).toEqual(['privateCidrMask must be a whole number from 16 to 28 (the subnet limits), got 30']);
  });
});
