import * as sns from 'aws-cdk-lib/aws-sns';
import { SecurityAlerts } from '../../../../constructs/detection/security-alerts';
import rule from '../../../../policies/rules/sns/ssl-publish-only';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, tlsDeny, topic, topicPolicy, unknown } from './fixtures';

describe('SNS.SslPublishOnly', () => {
  test('Compliant: SecurityAlerts defaults', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecurityAlerts(stack, 'Alerts', { emails: ['secops@example.com'] });
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 topic with enforceSSL', () => {
    const { stack } = testStack();
    new sns.Topic(stack, 'Topic', { enforceSSL: true });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 inline topic policy with Resource "*"', () => {
    const { stack } = testStack();
    const t = new sns.CfnTopic(stack, 'Topic');
    new sns.CfnTopicInlinePolicy(stack, 'Policy', { topicArn: t.ref, policyDocument: { Statement: [tlsDeny(t.logicalId, { Resource: '*' })] } });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, template({ Topic: topic(), TopicPolicy: topicPolicy('Topic', [tlsDeny('Topic')]) }));
  });

  test('Non-compliant 1: L2 topic without enforceSSL', () => {
    const { stack } = testStack();
    new sns.Topic(stack, 'Topic');
    expectFail(rule, stack, /no topic policy denies publishing without TLS/);
  });

  test('Non-compliant 2: raw L1 policy that denies only when SecureTransport is true (inverted)', () => {
    const { stack } = testStack();
    const t = new sns.CfnTopic(stack, 'Topic');
    new sns.CfnTopicPolicy(stack, 'Policy', { topics: [t.ref], policyDocument: { Statement: [tlsDeny(t.logicalId, { Condition: { Bool: { 'aws:SecureTransport': 'true' } } })] } });
    expectFail(rule, stack, /does not deny sns:Publish/);
  });

  test('Non-compliant 3: hand-written template whose deny names one account only', () => {
    expectFail(rule, template({ Topic: topic(), TopicPolicy: topicPolicy('Topic', [tlsDeny('Topic', { Principal: { AWS: 'arn:aws:iam::444455556666:root' } })]) }), /does not deny/);
  });

  test('Non-compliant 4: fails closed when the condition cannot be resolved', () => {
    const statement = tlsDeny('Topic', { Condition: { Bool: { 'aws:SecureTransport': unknown('false', 'true') } } });
    expectFail(rule, template({ Topic: topic(), TopicPolicy: topicPolicy('Topic', [statement]) }), /could not resolve/);
  });

  test('Non-compliant 5: escape hatch that turns the SecurityAlerts TLS deny into an allow is caught', () => {
    const { stack } = testStack();
    const alerts = new SecurityAlerts(stack, 'Alerts', { emails: ['secops@example.com'] });
    const policy = alerts.topic.node.findChild('Policy').node.defaultChild as sns.CfnTopicPolicy;
    policy.addPropertyOverride('PolicyDocument.Statement.0.Effect', 'Allow');
    expectFail(rule, stack, /does not deny/);
  });
});
