import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sns from 'aws-cdk-lib/aws-sns';
import { SecureBucket } from '../../../../constructs/data/secure-bucket';
import rule from '../../../../policies/rules/s3/event-notifications';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { bucket, template, unknown } from './fixtures';

describe('S3.EventNotifications', () => {
  test('Compliant: SecureBucket defaults', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureBucket(stack, 'Data');
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 bucket with eventBridgeEnabled', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket', { eventBridgeEnabled: true });
    expectPass(rule, stack);
  });

  test('Compliant: L2 bucket with addEventNotification (custom resource)', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket').addEventNotification(s3.EventType.OBJECT_REMOVED, new s3n.SnsDestination(new sns.Topic(stack, 'Topic')));
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 bucket with a topic configuration', () => {
    const { stack } = testStack();
    const topic = new sns.CfnTopic(stack, 'Topic');
    new s3.CfnBucket(stack, 'Bucket', { notificationConfiguration: { topicConfigurations: [{ event: 's3:ObjectRemoved:*', topic: topic.ref }] } });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, template({ Data: bucket({ NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: 'true' } } }) }));
  });

  test('Non-compliant 1: L2 bucket without notifications', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket');
    expectFail(rule, stack, /sends no event notifications/);
  });

  test('Non-compliant 2: raw L1 bucket with EventBridge off', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Bucket', { notificationConfiguration: { eventBridgeConfiguration: { eventBridgeEnabled: false } } });
    expectFail(rule, stack, /sends no event notifications/);
  });

  test('Non-compliant 3: hand-written template with empty configurations', () => {
    expectFail(rule, template({ Data: bucket({ NotificationConfiguration: { QueueConfigurations: [] } }) }), /sends no event notifications/);
  });

  test('Non-compliant 4: fails closed when EventBridgeEnabled cannot be resolved', () => {
    expectFail(rule, template({ Data: bucket({ NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: unknown(true, false) } } }) }), /could not resolve/);
  });

  test('Non-compliant 5: escape hatch that turns SecureBucket\'s EventBridge notifications off is caught', () => {
    const { stack } = testStack();
    const secure = new SecureBucket(stack, 'Data');
    (secure.bucket.node.defaultChild as s3.CfnBucket).addPropertyOverride('NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled', false);
    expectFail(rule, stack, /sends no event notifications/);
  });
});
