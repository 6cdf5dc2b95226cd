import { DataKey } from '../../constructs/data/data-key';
import { SecureLogGroup } from '../../constructs/data/secure-log-group';
import { describeFindings, EXPECTED_PLUGINS, runConformance, weakAcknowledgments } from '../util/conformance';

// One synth checks every data construct with default props against cdk-nag's four packs and the
// cfn-guard Control Tower rules.
const result = runConformance({
  DataKeyDefaults: (stack) => {
    new DataKey(stack, 'Key', { dataClass: 'customer-data' });
  },
  SecureLogGroupDefaults: (stack) => {
    new SecureLogGroup(stack, 'Logs');
  },
});

describe('conformance: data constructs with defaults', () => {
  test('no acknowledgment is stale: each one recorded in construct metadata matches a suppressed finding', () => {
    expect(result.all.stale).toEqual([]);
  });

  test('every pack ran', () => {
    expect(result.all.plugins).toEqual(expect.arrayContaining(EXPECTED_PLUGINS));
  });
  test.each(['DataKeyDefaults', 'SecureLogGroupDefaults'])('%s has zero unacknowledged findings', (name) => {
    expect(describeFindings(result[name].violations)).toEqual([]);
  });
  test('every acknowledgment is prefixed and carries a real reason', () => {
    expect(describeFindings(weakAcknowledgments(result.all.acknowledged))).toEqual([]);
  });
});
