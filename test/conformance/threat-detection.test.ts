import { Stack } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { DataKey } from '../../constructs/data/data-key';
import { ThreatDetection, ThreatDetectionProps } from '../../constructs/detection/threat-detection';
import { describeFindings, EXPECTED_PLUGINS, runConformance, weakAcknowledgments } from '../util/conformance';

// The alert topic SecurityAlerts would provide: encrypted with a DataKey, TLS-only publishing.
function alertTopic(stack: Stack): sns.ITopic {
  const key = new DataKey(stack, 'AlertsKey', { dataClass: 'alerts' });
  return new sns.Topic(stack, 'Alerts', { masterKey: key.key, enforceSSL: true });
}

// ThreatDetection is one per account and Region (its keys' aliases are unique there), so each case
// gets its own synth with cdk-nag's four packs and the cfn-guard Control Tower rules.
function check(name: string, props: Partial<ThreatDetectionProps>) {
  return runConformance({
    [name]: (stack) => {
      new ThreatDetection(stack, 'ThreatDetection', { alertTopic: alertTopic(stack), ...props });
    },
  });
}

const defaults = check('ThreatDetectionDefaults', {});
const withInspector = check('ThreatDetectionWithInspector', { inspector: true });

describe('conformance: ThreatDetection', () => {
  test('every pack ran', () => {
    expect(defaults.all.plugins).toEqual(expect.arrayContaining(EXPECTED_PLUGINS));
    expect(withInspector.all.plugins).toEqual(expect.arrayContaining(EXPECTED_PLUGINS));
  });

  test('with default props it has zero unacknowledged findings', () => {
    expect(describeFindings(defaults.ThreatDetectionDefaults.violations)).toEqual([]);
  });

  test('with the Inspector custom resource it has zero unacknowledged findings', () => {
    expect(describeFindings(withInspector.ThreatDetectionWithInspector.violations)).toEqual([]);
  });

  test('every acknowledgment is prefixed and carries a real reason', () => {
    expect(describeFindings(weakAcknowledgments([...defaults.all.acknowledged, ...withInspector.all.acknowledged]))).toEqual([]);
  });
});
