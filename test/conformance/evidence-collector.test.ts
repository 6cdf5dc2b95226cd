import { Stack } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EvidenceCollector } from '../../constructs/detection/evidence-collector';
import { SecurityAlerts } from '../../constructs/detection/security-alerts';
import { describeFindings, EXPECTED_PLUGINS, runConformance, weakAcknowledgments } from '../util/conformance';

// The alert topic the baseline gives it: SecurityAlerts' CMK topic, whose key lets CloudWatch alarms
// publish (a plain CMK topic would silently drop the alarm: SNS.KeyAdmitsPublishers).
function alertTopic(stack: Stack): sns.ITopic {
  return new SecurityAlerts(stack, 'Alerts', { emails: ['secops@example.com'] }).topic;
}

const result = runConformance({
  EvidenceCollectorDefaults: (stack) => {
    new EvidenceCollector(stack, 'Evidence', { alertTopic: alertTopic(stack) });
  },
});

describe('conformance: EvidenceCollector', () => {
  test('no acknowledgment is stale: each one recorded in construct metadata matches a suppressed finding', () => {
    expect(result.all.stale).toEqual([]);
  });

  test('every pack ran', () => {
    expect(result.all.plugins).toEqual(expect.arrayContaining(EXPECTED_PLUGINS));
  });

  test('with default props it has zero unacknowledged findings', () => {
    expect(describeFindings(result.EvidenceCollectorDefaults.violations)).toEqual([]);
  });

  test('every acknowledgment is prefixed and carries a real reason', () => {
    expect(weakAcknowledgments(result.all.acknowledged)).toEqual([]);
  });
});
