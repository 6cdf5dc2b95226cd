import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { SecurityAlerts } from '../../../../constructs/detection/security-alerts';
import { ResultStatus } from '../../../../lib/engine';
import rule from '../../../../policies/rules/sns/key-admits-publishers';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass, statuses } from '../../rule-harness';
import { template, topic, topicPolicy, unknown } from './fixtures';

const keyFor = (statements: unknown[]) => ({ Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true, KeyPolicy: { Statement: statements } } });
const keyUse = (service: unknown) => ({ Effect: 'Allow', Principal: { Service: service }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*' });
const publish = { Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: { Ref: 'Topic' } };

function alarmOn(stack: import('aws-cdk-lib').Stack, t: sns.ITopic): void {
  new cloudwatch.Alarm(stack, 'Alarm', { metric: new cloudwatch.Metric({ namespace: 'Acme', metricName: 'Errors' }), threshold: 1, evaluationPeriods: 1 })
    .addAlarmAction(new cwActions.SnsAction(t));
}

describe('SNS.KeyAdmitsPublishers', () => {
  test('Compliant: SecurityAlerts with a CloudWatch alarm and an EventBridge route', () => {
    // GIVEN
    const { stack } = testStack();
    const alerts = new SecurityAlerts(stack, 'Alerts', { emails: ['secops@example.com'] });
    // WHEN
    alarmOn(stack, alerts.topic);
    alerts.addEventRoute('GuardDuty', { eventPattern: { source: ['aws.guardduty'] } });
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 topic whose key grants CloudWatch', () => {
    const { stack } = testStack();
    const key = new kms.Key(stack, 'Key');
    key.addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')], actions: ['kms:Decrypt', 'kms:GenerateDataKey*'], resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
    }));
    alarmOn(stack, new sns.Topic(stack, 'Topic', { masterKey: key }));
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 topic and key', () => {
    const { stack } = testStack();
    const key = new kms.CfnKey(stack, 'Key', { keyPolicy: { Statement: [keyUse('events.amazonaws.com')] } });
    const t = new sns.CfnTopic(stack, 'Topic', { kmsMasterKeyId: key.attrArn });
    new sns.CfnTopicPolicy(stack, 'Policy', { topics: [t.ref], policyDocument: { Statement: [{ ...publish, Resource: t.ref }] } });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, template({ Key: keyFor([keyUse(['events.amazonaws.com'])]), Topic: topic({ KmsMasterKeyId: { Ref: 'Key' } }), TopicPolicy: topicPolicy('Topic', [publish]) }));
  });

  test('Not applicable: unencrypted topic, key outside the set, and no publisher', () => {
    const t = template({
      Plain: topic(),
      External: topic({ KmsMasterKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' }),
      Key: keyFor([]),
      Quiet: topic({ KmsMasterKeyId: { Ref: 'Key' } }),
    });
    expect(statuses(rule, t)).toEqual([ResultStatus.NOT_APPLICABLE, ResultStatus.NOT_APPLICABLE, ResultStatus.NOT_APPLICABLE]);
  });

  test('Non-compliant 1: L2 topic with a default-policy key and a CloudWatch alarm', () => {
    const { stack } = testStack();
    alarmOn(stack, new sns.Topic(stack, 'Topic', { masterKey: new kms.Key(stack, 'Key') }));
    expectFail(rule, stack, /cloudwatch.amazonaws.com publishes to the topic.*drops its messages/);
  });

  test('Non-compliant 2: raw L1 key that grants Decrypt only (weakened)', () => {
    const { stack } = testStack();
    const key = new kms.CfnKey(stack, 'Key', { keyPolicy: { Statement: [{ ...keyUse('events.amazonaws.com'), Action: 'kms:Decrypt' }] } });
    const t = new sns.CfnTopic(stack, 'Topic', { kmsMasterKeyId: key.ref });
    new sns.CfnTopicPolicy(stack, 'Policy', { topics: [t.ref], policyDocument: { Statement: [{ ...publish, Resource: t.ref }] } });
    expectFail(rule, stack, /events.amazonaws.com/);
  });

  test('Non-compliant 3: hand-written template whose key admits another service', () => {
    expectFail(rule, template({ Key: keyFor([keyUse('s3.amazonaws.com')]), Topic: topic({ KmsMasterKeyId: { Ref: 'Key' } }), TopicPolicy: topicPolicy('Topic', [publish]) }), /events.amazonaws.com publishes/);
  });

  test('Non-compliant 4: fails closed when the key policy cannot be resolved', () => {
    expectFail(rule, template({ Key: keyFor([keyUse(unknown('events.amazonaws.com', 's3.amazonaws.com'))]), Topic: topic({ KmsMasterKeyId: { Ref: 'Key' } }), TopicPolicy: topicPolicy('Topic', [publish]) }), /could not resolve/);
  });

  test('Non-compliant 5: escape hatch that removes the CloudWatch statement from the SecurityAlerts key is caught', () => {
    const { stack } = testStack();
    const alerts = new SecurityAlerts(stack, 'Alerts', { emails: ['secops@example.com'] });
    alarmOn(stack, alerts.topic);
    alerts.dataKey.cfnKey.addPropertyOverride('KeyPolicy.Statement.3.Principal.Service', 'events.amazonaws.com');
    expectFail(rule, stack, /cloudwatch.amazonaws.com publishes/);
  });
});
