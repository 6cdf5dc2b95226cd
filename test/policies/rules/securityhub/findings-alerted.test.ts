import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import { SecurityHubSeverity, ThreatDetection } from '../../../../constructs/detection/threat-detection';
import rule from '../../../../policies/rules/securityhub/findings-alerted';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { baselineTemplate, idsOfType, withUnknownCondition } from '../account/baseline-fixture';

function route(template: Record<string, any>): { id: string; resource: Record<string, any> } {
  const id = idsOfType(template, 'AWS::Events::Rule').find((i) => template.Resources[i].Properties.EventPattern.source[0] === 'aws.securityhub')!;
  return { id, resource: template.Resources[id] };
}

const handWritten = (properties: Record<string, unknown>) => ({
  Resources: {
    Topic: { Type: 'AWS::SNS::Topic' },
    Route: { Type: 'AWS::Events::Rule', Properties: { Targets: [{ Id: 't', Arn: { Ref: 'Topic' } }], ...properties } },
  },
});

describe('SecurityHub.FindingsAlerted', () => {
  test('Compliant: the account baseline built from our constructs', () => {
    const [result] = expectPass(rule, baselineTemplate());
    expect(result.message).toMatch(/routes Security Hub findings to SNS topic AlertsTopic/);
  });

  test('Compliant: L2 rule with an SnsTopic target', () => {
    const { stack } = testStack();
    new events.Rule(stack, 'Route', { eventPattern: { source: ['aws.securityhub'], detailType: ['Security Hub Findings - Imported'] }, targets: [new targets.SnsTopic(new sns.Topic(stack, 'Topic'))] });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 CfnRule', () => {
    const { stack } = testStack();
    const topic = new sns.CfnTopic(stack, 'Topic');
    new events.CfnRule(stack, 'Route', { eventPattern: { source: ['aws.securityhub'] }, state: 'ENABLED', targets: [{ id: 't', arn: topic.ref }] });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template filtering on HIGH and CRITICAL', () => {
    expectPass(rule, handWritten({ EventPattern: { source: ['aws.securityhub'], detail: { findings: { Severity: { Label: ['HIGH', 'CRITICAL'] } } } } }));
  });

  test('Non-compliant 1: the route removed from the baseline fails against the stack', () => {
    const template = baselineTemplate();
    delete template.Resources[route(template).id];
    const [failure] = expectFail(rule, template, /no enabled EventBridge rule on the default bus routes Security Hub findings/);
    expect(failure.logicalId).toBeNull();
  });

  test('Non-compliant 2: the baseline route without targets fails naming it', () => {
    const template = baselineTemplate();
    const { id, resource } = route(template);
    resource.Properties.Targets = [];
    const [failure] = expectFail(rule, template, /targets no SNS topic/);
    expect(failure.logicalId).toBe(id);
  });

  test('Non-compliant 3: ThreatDetection alerting on CRITICAL only', () => {
    const { stack } = testStack();
    new ThreatDetection(stack, 'Detection', { alertTopic: new sns.Topic(stack, 'Topic'), guardDuty: false, configRecorder: false, securityHubMinimumSeverity: SecurityHubSeverity.CRITICAL });
    expectFail(rule, stack, /leaves out HIGH findings/);
  });

  test('Non-compliant 4: hand-written route of PASSED findings only', () => {
    expectFail(rule, handWritten({ EventPattern: { source: ['aws.securityhub'], detail: { findings: { Compliance: { Status: ['PASSED'] } } } } }), /leaves out FAILED control findings/);
  });

  test('Non-compliant 5: fails closed when the event pattern is unresolvable', () => {
    expectFail(rule, withUnknownCondition(handWritten({ EventPattern: { 'Fn::If': ['Unknown', { source: ['aws.securityhub'] }, { source: ['x'] }] } })), /could not resolve/);
  });
});
