import { Stack } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { DataKey } from '../../constructs/data/data-key';
import { EvidenceCollector } from '../../constructs/detection/evidence-collector';
import { describeFindings, EXPECTED_PLUGINS, runConformance, weakAcknowledgments } from '../util/conformance';

// The alert topic SecurityAlerts would provide: encrypted with a DataKey, TLS-only publishing.
function alertTopic(stack: Stack): sns.ITopic {
  const key = new DataKey(stack, 'AlertsKey', { dataClass: 'alerts' });
  return new sns.Topic(stack, 'Alerts', { masterKey: key.key, enforceSSL: true });
}

const result = runConformance({
  EvidenceCollectorDefaults: (stack) => {
    new EvidenceCollector(stack, 'Evidence', { alertTopic: alertTopic(stack) });
  },
});

describe('conformance: EvidenceCollector', () => {
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
