import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import { SecurityAlerts } from '../../../../constructs/detection/security-alerts';
import rule from '../../../../policies/rules/sns/no-public-topic-policy';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, topic, topicPolicy, unknown } from './fixtures';

const openPublish = (extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sns:Publish', Resource: { Ref: 'Topic' }, ...extra });

describe('SNS.NoPublicTopicPolicy', () => {
  test('is non-waivable', () => {
    expect(rule.nonWaivable).toBe(true);
  });

  test('Compliant: SecurityAlerts defaults', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecurityAlerts(stack, 'Alerts', { emails: ['secops@example.com'] });
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 topic granting publish to a role', () => {
    const { stack } = testStack();
    const t = new sns.Topic(stack, 'Topic');
    t.addToResourcePolicy(new iam.PolicyStatement({ principals: [new iam.AccountRootPrincipal()], actions: ['sns:Publish'], resources: [t.topicArn] }));
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 policy with "*" narrowed by aws:SourceOwner', () => {
    const { stack } = testStack();
    const t = new sns.CfnTopic(stack, 'Topic');
    new sns.CfnTopicPolicy(stack, 'Policy', { topics: [t.ref], policyDocument: { Statement: [openPublish({ Resource: t.ref, Condition: { StringEquals: { 'aws:SourceOwner': stack.account } } })] } });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written inline policy narrowed by aws:PrincipalOrgID', () => {
    const inline = { Type: 'AWS::SNS::TopicInlinePolicy', Properties: { TopicArn: { Ref: 'Topic' }, PolicyDocument: { Statement: [openPublish({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123def4' } } })] } } };
    expectPass(rule, template({ Topic: topic(), Inline: inline }));
  });

  test('Non-compliant 1: L2 topic granting publish to AnyPrincipal', () => {
    const { stack } = testStack();
    const t = new sns.Topic(stack, 'Topic');
    t.addToResourcePolicy(new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['sns:Subscribe'], resources: [t.topicArn] }));
    expectFail(rule, stack, /allows any principal/);
  });

  test('Non-compliant 2: raw L1 policy narrowed only by a Null check', () => {
    const { stack } = testStack();
    const t = new sns.CfnTopic(stack, 'Topic');
    new sns.CfnTopicPolicy(stack, 'Policy', { topics: [t.ref], policyDocument: { Statement: [openPublish({ Resource: t.ref, Condition: { Null: { 'aws:SourceArn': 'false' } } })] } });
    expectFail(rule, stack, /without a condition/);
  });

  test('Non-compliant 3: hand-written template with Principal "*"', () => {
    expectFail(rule, template({ Topic: topic(), TopicPolicy: topicPolicy('Topic', [openPublish({ Principal: '*' })]) }), /allows any principal/);
  });

  test('Non-compliant 4: fails closed when the principal cannot be resolved', () => {
    expectFail(rule, template({ Topic: topic(), TopicPolicy: topicPolicy('Topic', [openPublish({ Principal: unknown('*', { Service: 'events.amazonaws.com' }) })]) }), /could not resolve/);
  });

  test('Non-compliant 5: escape hatch that opens a SecurityAlerts statement to everyone is caught', () => {
    const { stack } = testStack();
    const alerts = new SecurityAlerts(stack, 'Alerts', { emails: ['secops@example.com'] });
    const policy = alerts.topic.node.findChild('Policy').node.defaultChild as sns.CfnTopicPolicy;
    policy.addPropertyOverride('PolicyDocument.Statement.1.Principal', '*');
    policy.addPropertyDeletionOverride('PolicyDocument.Statement.1.Condition');
    expectFail(rule, stack, /AllowEventBridgeRulesOfThisAccount/);
  });
});
