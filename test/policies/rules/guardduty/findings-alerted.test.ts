import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import { ThreatDetection } from '../../../../constructs/detection/threat-detection';
import rule from '../../../../policies/rules/guardduty/findings-alerted';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { baselineTemplate, idsOfType, withUnknownCondition } from '../account/baseline-fixture';

/** The GuardDuty alert rule of the baseline template. */
function guardDutyRoute(template: Record<string, any>): { id: string; resource: Record<string, any> } {
  const id = idsOfType(template, 'AWS::Events::Rule').find((i) => template.Resources[i].Properties.EventPattern.source[0] === 'aws.guardduty')!;
  return { id, resource: template.Resources[id] };
}

const handWritten = (rule: Record<string, unknown>) => ({
  Resources: {
    Topic: { Type: 'AWS::SNS::Topic' },
    Route: { Type: 'AWS::Events::Rule', Properties: { State: 'ENABLED', Targets: [{ Id: 'alerts', Arn: { Ref: 'Topic' } }], ...rule } },
  },
});

describe('GuardDuty.FindingsAlerted', () => {
  test('Compliant: the account baseline built from our constructs', () => {
    const [result] = expectPass(rule, baselineTemplate());
    expect(result.message).toMatch(/routes GuardDuty findings to SNS topic AlertsTopic/);
  });

  test('Compliant: L2 events.Rule with an SnsTopic target', () => {
    const { stack } = testStack();
    new events.Rule(stack, 'Route', { eventPattern: { source: ['aws.guardduty'] }, targets: [new targets.SnsTopic(new sns.Topic(stack, 'Topic'))] });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 CfnRule with an event pattern as a JSON string and an external topic', () => {
    const { stack } = testStack();
    const route = new events.CfnRule(stack, 'Route', {
      eventPattern: { source: ['aws.other'] },
      targets: [{ id: 'alerts', arn: `arn:${stack.partition}:sns:eu-west-1:111122223333:secops` }],
    });
    route.addPropertyOverride('EventPattern', JSON.stringify({ 'source': ['aws.guardduty'], 'detail-type': ['GuardDuty Finding'] }));
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, handWritten({ EventPattern: { source: ['aws.guardduty'], detail: { severity: [{ numeric: ['>=', 7] }] } } }));
  });

  test('Non-compliant 1: the route removed from the baseline fails against the stack', () => {
    const template = baselineTemplate();
    delete template.Resources[guardDutyRoute(template).id];
    const failures = expectFail(rule, template, /no enabled EventBridge rule on the default bus routes GuardDuty findings/);
    expect(failures[0].logicalId).toBeNull();
  });

  test('Non-compliant 2: the baseline route disabled fails naming it', () => {
    const template = baselineTemplate();
    const { id, resource } = guardDutyRoute(template);
    resource.Properties.State = 'DISABLED';
    const failures = expectFail(rule, template, /its State is DISABLED/);
    expect(failures[0].logicalId).toBe(id);
  });

  test('Non-compliant 3: ThreatDetection that only alerts on findings above 8.0', () => {
    const { stack } = testStack();
    new ThreatDetection(stack, 'Detection', { alertTopic: new sns.Topic(stack, 'Topic'), configRecorder: false, exportFindings: false, minimumSeverity: 8 });
    expectFail(rule, stack, /High findings \(7.0-8.9\) raise no alert/);
  });

  test('Non-compliant 4: L2 rule on a custom event bus, or targeting a queue, does not count', () => {
    const { stack } = testStack();
    const bus = new events.EventBus(stack, 'Bus');
    new events.Rule(stack, 'OnBus', { eventBus: bus, eventPattern: { source: ['aws.guardduty'] }, targets: [new targets.SnsTopic(new sns.Topic(stack, 'Topic'))] });
    expectFail(rule, stack, /no enabled EventBridge rule/);
    const other = testStack().stack;
    new events.CfnRule(other, 'ToLambda', { eventPattern: { source: ['aws.guardduty'] }, targets: [{ id: 'x', arn: `arn:${other.partition}:lambda:eu-west-1:111122223333:function:f` }] });
    expectFail(rule, other, /targets no SNS topic/);
  });

  test('Non-compliant 5: hand-written rule for another detail type', () => {
    expectFail(rule, handWritten({ EventPattern: { 'source': ['aws.guardduty'], 'detail-type': ['GuardDuty Malware Protection Object Scan Result'] } }), /no enabled EventBridge rule/);
  });

  test('Non-compliant 6: fails closed when the route state is unresolvable', () => {
    const template = withUnknownCondition(handWritten({ EventPattern: { source: ['aws.guardduty'] }, State: { 'Fn::If': ['Unknown', 'ENABLED', 'DISABLED'] } }));
    expectFail(rule, template, /could not resolve/);
  });
});
