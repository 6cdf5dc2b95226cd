import { Severity, asBoolean, asList, defineRule, fail, isPlainObject, isUnresolved, pass, unresolved } from '../../../lib/engine';
import { targets } from '../private/policy-principals';

const DESTINATIONS = ['LambdaConfigurations', 'QueueConfigurations', 'TopicConfigurations'] as const;

/**
 * S3 buckets send event notifications (EventBridge, or a Lambda function, queue or topic), so changes
 * to the data can be watched.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventBridge.html
 */
export default defineRule({
  id: 'S3.EventNotifications',
  severity: Severity.WARNING,
  title: 'S3 buckets send event notifications',
  fix: 'Set NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled: true (SecureBucket does; on an s3.Bucket use eventBridgeEnabled: true)',
  resourceTypes: ['AWS::S3::Bucket'],
  controls: {
    'nist-800-53-r5': ['CA-7', 'SI-4(a)'],
    'iso-27001-2022': ['A.8.16'],
    'nist-csf-2.0': ['DE.CM-09'],
  },
  equivalents: { 'cfn-guard': ['CT.S3.PR.4'] },
  check: (bucket, set) => {
    const config = bucket.properties.NotificationConfiguration;
    if (isUnresolved(config)) return unresolved('the bucket\'s notification configuration', config, 'NotificationConfiguration');
    if (isPlainObject(config)) {
      const eventBridge = asBoolean(isPlainObject(config.EventBridgeConfiguration) ? config.EventBridgeConfiguration.EventBridgeEnabled : undefined);
      if (isUnresolved(eventBridge)) return unresolved('EventBridgeEnabled', eventBridge, 'NotificationConfiguration.EventBridgeConfiguration');
      if (eventBridge === true) return pass('the bucket sends every event to EventBridge');
      const named = DESTINATIONS.find((d) => asList(config[d]).length > 0);
      if (named) return pass(`the bucket sends event notifications (${named})`);
    }
    // aws-cdk-lib's addEventNotification() writes the configuration through a custom resource.
    const custom = set.ofType('Custom::S3BucketNotifications').find((r) => targets(r.properties.BucketName, bucket));
    if (custom && isPlainObject(custom.properties.NotificationConfiguration)) {
      return pass(`the bucket's notifications are set by ${custom.logicalId}`);
    }
    return fail('the bucket sends no event notifications', 'NotificationConfiguration');
  },
});
