import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as sns from 'aws-cdk-lib/aws-sns';
import { ThreatDetection } from '../../../../constructs/detection/threat-detection';
import rule from '../../../../policies/rules/guardduty/enabled';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass, judge } from '../../rule-harness';
import { baselineTemplate, onlyOfType, removeType, withUnknownCondition } from '../account/baseline-fixture';

describe('GuardDuty.Enabled', () => {
  test('Compliant: the account baseline built from our constructs', () => {
    const [result] = expectPass(rule, baselineTemplate());
    expect(result.resourceType).toBe('AWS::GuardDuty::Detector');
  });

  test('Compliant: raw L1 CfnDetector', () => {
    const { stack } = testStack();
    new guardduty.CfnDetector(stack, 'Detector', { enable: true });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template (Enable as the string "true")', () => {
    expectPass(rule, { Resources: { Detector: { Type: 'AWS::GuardDuty::Detector', Properties: { Enable: 'true' } } } });
  });

  test('Non-compliant 1: the detector removed from the baseline fails against the stack', () => {
    const failures = expectFail(rule, removeType(baselineTemplate(), 'AWS::GuardDuty::Detector'), /no GuardDuty detector is defined/);
    expect(failures[0].logicalId).toBeNull();
    expect(failures[0].stack).toBe('fixture-0');
  });

  test('Non-compliant 2: a disabled detector fails naming it', () => {
    const template = baselineTemplate();
    const { id, resource } = onlyOfType(template, 'AWS::GuardDuty::Detector');
    resource.Properties.Enable = false;
    const failures = expectFail(rule, template, /is not enabled/);
    expect(failures[0].logicalId).toBe(id);
    expect(failures[0].location).toBe('Properties/Enable');
  });

  test('Non-compliant 3: ThreatDetection with guardDuty off defines no detector', () => {
    const { stack } = testStack();
    new ThreatDetection(stack, 'Detection', { alertTopic: new sns.Topic(stack, 'Topic'), guardDuty: false, configRecorder: false });
    const failures = expectFail(rule, stack, /no GuardDuty detector/);
    expect(failures[0].stack).toBe('TestStack');
  });

  test('Non-compliant 4: escape hatch that disables the detector is caught', () => {
    const { stack } = testStack();
    const detection = new ThreatDetection(stack, 'Detection', { alertTopic: new sns.Topic(stack, 'Topic'), configRecorder: false, exportFindings: false });
    detection.detector!.addPropertyOverride('Enable', false);
    expectFail(rule, stack, /is not enabled/);
  });

  test('Non-compliant 5: fails closed when Enable is unresolvable', () => {
    const template = withUnknownCondition({ Resources: { Detector: { Type: 'AWS::GuardDuty::Detector', Properties: { Enable: { 'Fn::If': ['Unknown', true, false] } } } } });
    expectFail(rule, template, /could not resolve/);
  });

  test('Non-compliant 6: fails closed when the detector is deployed only under an unknown condition', () => {
    const template = withUnknownCondition({ Resources: { Detector: { Type: 'AWS::GuardDuty::Detector', Condition: 'Unknown', Properties: { Enable: true } } } });
    const results = judge(rule, template);
    expect(results.map((r) => r.status)).toEqual(['fail']);
    expect(results[0].message).toMatch(/could not resolve whether Detector is deployed/);
  });
});
