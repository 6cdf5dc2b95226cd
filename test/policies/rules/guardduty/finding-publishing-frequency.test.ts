import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as sns from 'aws-cdk-lib/aws-sns';
import { FindingPublishingFrequency, ThreatDetection } from '../../../../constructs/detection/threat-detection';
import rule from '../../../../policies/rules/guardduty/finding-publishing-frequency';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { detectorTemplate } from './plan-suite';

describe('GuardDuty.FindingPublishingFrequency', () => {
  test('Compliant: ThreatDetection with default props (our construct)', () => {
    const { stack } = testStack();
    new ThreatDetection(stack, 'Detection', { alertTopic: new sns.Topic(stack, 'Topic'), configRecorder: false, exportFindings: false });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 CfnDetector publishing every 15 minutes', () => {
    const { stack } = testStack();
    new guardduty.CfnDetector(stack, 'Detector', { enable: true, findingPublishingFrequency: 'FIFTEEN_MINUTES' });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, detectorTemplate({ FindingPublishingFrequency: 'FIFTEEN_MINUTES' }));
  });

  test('Non-compliant 1: ThreatDetection slowed to six hours', () => {
    const { stack } = testStack();
    new ThreatDetection(stack, 'Detection', {
      alertTopic: new sns.Topic(stack, 'Topic'),
      configRecorder: false,
      exportFindings: false,
      findingPublishingFrequency: FindingPublishingFrequency.SIX_HOURS,
    });
    expectFail(rule, stack, /every SIX_HOURS/);
  });

  test('Non-compliant 2: raw L1 CfnDetector without the property (GuardDuty default six hours)', () => {
    const { stack } = testStack();
    new guardduty.CfnDetector(stack, 'Detector', { enable: true });
    expectFail(rule, stack, /is not set/);
  });

  test('Non-compliant 3: hand-written template with ONE_HOUR; escape hatch caught', () => {
    expectFail(rule, detectorTemplate({ FindingPublishingFrequency: 'ONE_HOUR' }), /every ONE_HOUR/);
    const { stack } = testStack();
    const detection = new ThreatDetection(stack, 'Detection', { alertTopic: new sns.Topic(stack, 'Topic'), configRecorder: false, exportFindings: false });
    detection.detector!.addPropertyOverride('FindingPublishingFrequency', 'ONE_HOUR');
    expectFail(rule, stack, /every ONE_HOUR/);
  });

  test('Non-compliant 4: fails closed when the frequency is unresolvable', () => {
    expectFail(rule, {
      Parameters: { Frequency: { Type: 'String' } },
      ...detectorTemplate({ FindingPublishingFrequency: { Ref: 'Frequency' } }),
    }, /could not resolve/);
  });
});
