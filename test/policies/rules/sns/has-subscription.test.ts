import * as sns from 'aws-cdk-lib/aws-sns';
import * as subs from 'aws-cdk-lib/aws-sns-subscriptions';
import { SecurityAlerts } from '../../../../constructs/detection/security-alerts';
import rule from '../../../../policies/rules/sns/has-subscription';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, topic, unknown } from './fixtures';

describe('SNS.HasSubscription', () => {
  test('is a warning', () => {
    expect(rule.severity).toBe('warning');
  });

  test('Compliant: SecurityAlerts with emails', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecurityAlerts(stack, 'Alerts', { emails: ['secops@example.com'] });
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: SecurityAlerts with a Slack channel only', () => {
    const { stack } = testStack();
    new SecurityAlerts(stack, 'Alerts', { slack: { workspaceId: 'T0123ABCD', channelId: 'C0123ABCD' } });
    expectPass(rule, stack);
  });

  test('Compliant: L2 topic with an email subscription', () => {
    const { stack } = testStack();
    new sns.Topic(stack, 'Topic').addSubscription(new subs.EmailSubscription('ops@example.com'));
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 topic with an inline subscription', () => {
    const { stack } = testStack();
    new sns.CfnTopic(stack, 'Topic', { subscription: [{ protocol: 'email', endpoint: 'ops@example.com' }] });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template with a subscription in another template of the set', () => {
    const alerts = { Resources: { Topic: topic() }, Outputs: { Arn: { Value: { Ref: 'Topic' }, Export: { Name: 'AlertTopicArn' } } } };
    const subscriber = { Resources: { Sub: { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { 'Fn::ImportValue': 'AlertTopicArn' }, Protocol: 'email', Endpoint: 'ops@example.com' } } } };
    expectPass(rule, [alerts, subscriber]);
  });

  test('Non-compliant 1: L2 topic without subscribers', () => {
    const { stack } = testStack();
    new sns.Topic(stack, 'Topic');
    expectFail(rule, stack, /no subscription/);
  });

  test('Non-compliant 2: raw L1 subscription to another topic', () => {
    const { stack } = testStack();
    new sns.CfnTopic(stack, 'Topic');
    const other = new sns.CfnTopic(stack, 'Other');
    new sns.CfnSubscription(stack, 'Sub', { topicArn: other.ref, protocol: 'email', endpoint: 'ops@example.com' });
    const failures = expectFail(rule, stack, /no subscription/);
    expect(failures.map((f) => f.logicalId)).toEqual(['Topic']);
  });

  test('Non-compliant 3: hand-written template with an empty inline list', () => {
    expectFail(rule, template({ Topic: topic({ Subscription: [] }) }), /no subscription/);
  });

  test('Non-compliant 4: fails closed when the inline subscriptions cannot be resolved', () => {
    expectFail(rule, template({ Topic: topic({ Subscription: unknown([{ Protocol: 'email', Endpoint: 'a@example.com' }], []) }) }), /could not resolve/);
  });
});
