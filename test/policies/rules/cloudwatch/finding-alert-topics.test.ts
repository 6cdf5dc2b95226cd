import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subs from 'aws-cdk-lib/aws-sns-subscriptions';
import { SecurityAlerts } from '../../../../constructs/detection/security-alerts';
import { ThreatDetection } from '../../../../constructs/detection/threat-detection';
import rule from '../../../../policies/rules/cloudwatch/finding-alert-topics';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass, judge } from '../../rule-harness';
import { baselineTemplate, idsOfType, onlyOfType, withUnknownCondition } from '../account/baseline-fixture';

const handWritten = (topic: Record<string, unknown>, keyServices = ['events.amazonaws.com']) => ({
  Resources: {
    Key: {
      Type: 'AWS::KMS::Key',
      Properties: { KeyPolicy: { Statement: keyServices.map((Service) => ({ Effect: 'Allow', Principal: { Service }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*' })) } },
    },
    Topic: { Type: 'AWS::SNS::Topic', Properties: { KmsMasterKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] }, Subscription: [{ Protocol: 'email', Endpoint: 'a@example.com' }], ...topic } },
    Route: { Type: 'AWS::Events::Rule', Properties: { EventPattern: { source: ['aws.securityhub'] }, Targets: [{ Id: 't', Arn: { Ref: 'Topic' } }] } },
  },
});

describe('EventBridge.FindingAlertTopics', () => {
  test('Compliant: ThreatDetection routes to the SecurityAlerts topic (our constructs)', () => {
    const results = expectPass(rule, baselineTemplate());
    expect(results.filter((r) => r.status === 'pass')).toHaveLength(2);
  });

  test('Compliant: SecurityAlerts.addEventRoute and an L2 rule on another source (not applicable)', () => {
    const { stack } = testStack();
    const alerts = new SecurityAlerts(stack, 'Alerts', { emails: ['secops@example.com'] });
    alerts.addEventRoute('Inspector', { eventPattern: { source: ['aws.inspector2'] } });
    new events.Rule(stack, 'Other', { eventPattern: { source: ['aws.ec2'] }, targets: [new targets.SnsTopic(new sns.Topic(stack, 'Plain'))] });
    const results = expectPass(rule, stack);
    expect(results.map((r) => r.status).sort()).toEqual(['not-applicable', 'pass']);
  });

  test('Compliant: raw L1 rule to an L1 topic whose key admits EventBridge, subscribed by a resource', () => {
    const template: Record<string, any> = handWritten({});
    delete template.Resources.Topic.Properties.Subscription;
    (template.Resources as any).Sub = { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { Ref: 'Topic' }, Protocol: 'sqs', Endpoint: 'arn:q' } };
    expectPass(rule, template);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, handWritten({}));
  });

  test('Non-compliant 1: L1 route to an L2 topic encrypted with a key that does not admit EventBridge', () => {
    // (targets.SnsTopic would add the key-policy statement itself; a raw CfnRule does not.)
    const { stack } = testStack();
    const topic = new sns.Topic(stack, 'Topic', { masterKey: new kms.Key(stack, 'Key') });
    topic.addSubscription(new subs.EmailSubscription('a@example.com'));
    new events.CfnRule(stack, 'Route', { eventPattern: { source: ['aws.guardduty'] }, targets: [{ id: 'alerts', arn: topic.topicArn }] });
    expectFail(rule, stack, /does not let events.amazonaws.com call kms:GenerateDataKey\* and kms:Decrypt/);
  });

  test('Non-compliant 2: ThreatDetection to an unencrypted, unsubscribed topic', () => {
    const { stack } = testStack();
    new ThreatDetection(stack, 'Detection', { alertTopic: new sns.Topic(stack, 'Topic'), configRecorder: false, exportFindings: false });
    const failures = expectFail(rule, stack, /is not encrypted with a KMS key/);
    expect(failures).toHaveLength(2);
  });

  test('Non-compliant 3: the baseline topic with the AWS managed key, or without subscribers', () => {
    const template = baselineTemplate();
    const topic = onlyOfType(template, 'AWS::SNS::Topic').resource;
    topic.Properties.KmsMasterKeyId = 'alias/aws/sns';
    expectFail(rule, template, /AWS managed key alias\/aws\/sns, which EventBridge cannot use/);
    const again = baselineTemplate();
    for (const id of idsOfType(again, 'AWS::SNS::Subscription')) delete again.Resources[id];
    expectFail(rule, again, /has no subscription/);
  });

  test('Non-compliant 4: hand-written key that admits only CloudWatch', () => {
    expectFail(rule, handWritten({}, ['cloudwatch.amazonaws.com']), /does not let events.amazonaws.com/);
  });

  test('Non-compliant 5: a topic outside the templates cannot be shown to deliver', () => {
    const template = handWritten({});
    template.Resources.Route.Properties.Targets[0].Arn = { 'Fn::Sub': 'arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:elsewhere' } as any;
    expectFail(rule, template, /outside the templates judged/);
  });

  test('Non-compliant 6: fails closed when the target is unresolvable', () => {
    const template = withUnknownCondition(handWritten({}));
    template.Resources.Route.Properties.Targets[0].Arn = { 'Fn::If': ['Unknown', { Ref: 'Topic' }, 'arn:x'] } as any;
    const results = judge(rule, template);
    expect(results[0].message).toMatch(/could not resolve/);
  });
});
