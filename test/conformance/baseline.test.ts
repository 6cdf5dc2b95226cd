import { Validations } from 'aws-cdk-lib';
import { SecurityBaseline } from '../../constructs/baseline/security-baseline';
import { describeFindings, EXPECTED_PLUGINS, runConformance, weakAcknowledgments } from '../util/conformance';

// The whole account baseline with defaults, and with every optional part on, against cdk-nag's four
// packs and the cfn-guard Control Tower rules. Each case is its own synth: both define the same key
// aliases in the same account and Region.
const defaults = runConformance({
  BaselineDefaults: (stack) => {
    new SecurityBaseline(stack, 'Baseline', { alertEmails: ['secops@example.com'] });
  },
});
const everything = runConformance({
  BaselineEverything: (stack) => {
    const baseline = new SecurityBaseline(stack, 'Baseline', {
      alertEmails: ['secops@example.com'],
      slack: { workspaceId: 'T0123ABCD', channelId: 'C0123ABCD' },
      adminCidrs: ['203.0.113.0/24'],
      inspector: true,
    });
    // adminCidrs is a legal but weakened choice: it warns, and the user acknowledges it as a user would.
    Validations.of(baseline).acknowledge({
      id: 'Annotation::cdk-security-baseline:segmentedVpc.adminIngress',
      reason: 'The operations VPN range 203.0.113.0/24 needs SSH to the bastion during Session Manager outages; reviewed by secops.',
    });
  },
});

// A Region other than the account's home Region: only the regional parts.
const otherRegion = runConformance({
  BaselineOtherRegion: (stack) => {
    new SecurityBaseline(stack, 'Baseline', { alertEmails: ['secops@example.com'], homeRegion: 'us-east-1' });
  },
});

describe('conformance: SecurityBaseline', () => {
  test('every pack ran', () => {
    expect(defaults.all.plugins).toEqual(expect.arrayContaining(EXPECTED_PLUGINS));
    expect(everything.all.plugins).toEqual(expect.arrayContaining(EXPECTED_PLUGINS));
    expect(otherRegion.all.plugins).toEqual(expect.arrayContaining(EXPECTED_PLUGINS));
  });
  test('a Region other than the home Region has zero unacknowledged findings', () => {
    expect(describeFindings(otherRegion.BaselineOtherRegion.violations)).toEqual([]);
  });
  test('defaults have zero unacknowledged findings', () => {
    expect(describeFindings(defaults.BaselineDefaults.violations)).toEqual([]);
  });
  test('every optional part on has zero unacknowledged findings', () => {
    expect(describeFindings(everything.BaselineEverything.violations)).toEqual([]);
  });
  test('every acknowledgment is prefixed and carries a real reason', () => {
    const all = [...defaults.all.acknowledged, ...everything.all.acknowledged, ...otherRegion.all.acknowledged];
    // The loop below would pass on nothing: the baseline does acknowledge findings, under every pack.
    expect([...new Set(all.map((f) => f.plugin))].sort()).toEqual(EXPECTED_PLUGINS.filter((p) => p !== 'SecurityBaseline').sort());
    expect(describeFindings(weakAcknowledgments(all))).toEqual([]);
  });
  test('no acknowledgment is stale: each one recorded in construct metadata matches a suppressed finding', () => {
    expect(defaults.all.stale).toEqual([]);
    expect(everything.all.stale).toEqual([]);
    expect(otherRegion.all.stale).toEqual([]);
  });
});
