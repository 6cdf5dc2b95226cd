import { Bastion } from '../../constructs/network/bastion';
import { SegmentedVpc } from '../../constructs/network/segmented-vpc';
import { describeFindings, EXPECTED_PLUGINS, runConformance, weakAcknowledgments } from '../util/conformance';

const result = runConformance({
  SegmentedVpcDefaults: (stack) => {
    new SegmentedVpc(stack, 'Network');
  },
  BastionDefaults: (stack) => {
    // The VPC's key needs its own alias: SegmentedVpcDefaults uses the default one in the same account.
    const network = new SegmentedVpc(stack, 'Network', { flowLogsDataClass: 'bastion-vpc-flow-logs' });
    new Bastion(stack, 'Bastion', { vpc: network.vpc });
  },
});

describe('conformance: network constructs with defaults', () => {
  test('every pack ran', () => {
    expect(result.all.plugins).toEqual(expect.arrayContaining(EXPECTED_PLUGINS));
  });
  test.each(['SegmentedVpcDefaults', 'BastionDefaults'])('%s has zero unacknowledged findings', (name) => {
    expect(describeFindings(result[name].violations)).toEqual([]);
  });
  test('every acknowledgment is prefixed and carries a real reason', () => {
    expect(describeFindings(weakAcknowledgments(result.all.acknowledged))).toEqual([]);
  });
  test('no acknowledgment is stale: each one recorded in construct metadata matches a suppressed finding', () => {
    expect(result.all.stale).toEqual([]);
  });
});
