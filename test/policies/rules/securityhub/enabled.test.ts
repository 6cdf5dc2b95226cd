import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import * as sns from 'aws-cdk-lib/aws-sns';
import { ThreatDetection } from '../../../../constructs/detection/threat-detection';
import rule from '../../../../policies/rules/securityhub/enabled';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { baselineTemplate, onlyOfType, removeType, withUnknownCondition } from '../account/baseline-fixture';

describe('SecurityHub.Enabled', () => {
  test('Compliant: the account baseline built from our constructs', () => {
    const [result] = expectPass(rule, baselineTemplate());
    expect(result.resourceType).toBe('AWS::SecurityHub::Hub');
  });

  test('Compliant: raw L1 CfnHub with no properties', () => {
    const { stack } = testStack();
    new securityhub.CfnHub(stack, 'Hub');
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, { Resources: { Hub: { Type: 'AWS::SecurityHub::Hub', Properties: { AutoEnableControls: 'true' } } } });
  });

  test('Non-compliant 1: the hub removed from the baseline fails against the stack', () => {
    const [failure] = expectFail(rule, removeType(baselineTemplate(), 'AWS::SecurityHub::Hub'), /no AWS::SecurityHub::Hub is defined/);
    expect(failure.logicalId).toBeNull();
    expect(failure.stack).toBe('fixture-0');
  });

  test('Non-compliant 2: AutoEnableControls false fails naming the hub', () => {
    const template = baselineTemplate();
    const { id, resource } = onlyOfType(template, 'AWS::SecurityHub::Hub');
    resource.Properties.AutoEnableControls = false;
    const [failure] = expectFail(rule, template, /AutoEnableControls false/);
    expect(failure.logicalId).toBe(id);
  });

  test('Non-compliant 3: ThreatDetection with securityHub off; escape hatch on the hub is caught', () => {
    const { stack } = testStack();
    new ThreatDetection(stack, 'Detection', { alertTopic: new sns.Topic(stack, 'Topic'), securityHub: false, guardDuty: false, configRecorder: false });
    expectFail(rule, stack, /no AWS::SecurityHub::Hub/);
    const other = testStack().stack;
    const detection = new ThreatDetection(other, 'Detection', { alertTopic: new sns.Topic(other, 'Topic'), guardDuty: false, configRecorder: false });
    detection.hub!.addPropertyOverride('AutoEnableControls', false);
    expectFail(rule, other, /AutoEnableControls false/);
  });

  test('Non-compliant 4: fails closed when the hub is deployed only under an unknown condition', () => {
    const template = withUnknownCondition({ Resources: { Hub: { Type: 'AWS::SecurityHub::Hub', Condition: 'Unknown' } } });
    expectFail(rule, template, /could not resolve whether Hub is deployed/);
  });
});
