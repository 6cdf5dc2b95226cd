import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import { SecurityAlerts } from '../../../../constructs/detection/security-alerts';
import rule from '../../../../policies/rules/sns/service-principal-scoped';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, topic, topicPolicy, unknown } from './fixtures';

const servicePublish = (condition?: unknown) => ({
  Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: { Ref: 'Topic' }, ...(condition ? { Condition: condition } : {}),
});

describe('SNS.ServicePrincipalScoped', () => {
  test('Compliant: SecurityAlerts defaults', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecurityAlerts(stack, 'Alerts', { emails: ['secops@example.com'] });
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 topic with a scoped service statement', () => {
    const { stack } = testStack();
    const t = new sns.Topic(stack, 'Topic');
    t.addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')], actions: ['sns:Publish'], resources: [t.topicArn],
      conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
    }));
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 policy scoped by aws:SourceArn', () => {
    const { stack } = testStack();
    const t = new sns.CfnTopic(stack, 'Topic');
    new sns.CfnTopicPolicy(stack, 'Policy', { topics: [t.ref], policyDocument: { Statement: [{ ...servicePublish({ ArnLike: { 'aws:SourceArn': stack.formatArn({ service: 'events', resource: 'rule', resourceName: '*' }) } }), Resource: t.ref }] } });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, template({ Topic: topic(), TopicPolicy: topicPolicy('Topic', [servicePublish({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } })]) }));
  });

  test('Non-compliant 1: L2 events target, which grants EventBridge without a condition', () => {
    const { stack } = testStack();
    const t = new sns.Topic(stack, 'Topic');
    new events.Rule(stack, 'Rule', { eventPattern: { source: ['aws.guardduty'] }, targets: [new targets.SnsTopic(t)] });
    expectFail(rule, stack, /events.amazonaws.com without aws:SourceAccount/);
  });

  test('Non-compliant 2: raw L1 policy scoped by a negated condition', () => {
    const { stack } = testStack();
    const t = new sns.CfnTopic(stack, 'Topic');
    new sns.CfnTopicPolicy(stack, 'Policy', { topics: [t.ref], policyDocument: { Statement: [{ ...servicePublish({ StringNotEquals: { 'aws:SourceAccount': '444455556666' } }), Resource: t.ref }] } });
    expectFail(rule, stack, /confused deputy/);
  });

  test('Non-compliant 3: hand-written template without a condition', () => {
    expectFail(rule, template({ Topic: topic(), TopicPolicy: topicPolicy('Topic', [servicePublish()]) }), /events.amazonaws.com/);
  });

  test('Non-compliant 4: fails closed when the condition cannot be resolved', () => {
    expectFail(rule, template({ Topic: topic(), TopicPolicy: topicPolicy('Topic', [servicePublish({ StringEquals: { 'aws:SourceAccount': unknown('111122223333', '*') } })]) }), /could not resolve/);
  });

  test('Non-compliant 5: escape hatch that drops a SecurityAlerts statement\'s conditions is caught', () => {
    const { stack } = testStack();
    const alerts = new SecurityAlerts(stack, 'Alerts', { emails: ['secops@example.com'] });
    const policy = alerts.topic.node.findChild('Policy').node.defaultChild as sns.CfnTopicPolicy;
    policy.addPropertyDeletionOverride('PolicyDocument.Statement.2.Condition');
    expectFail(rule, stack, /AllowCloudWatchAlarmsOfThisAccount/);
  });
});
