import { Severity, defineRule, fail, isPlainObject, isUnresolved, pass, unresolved } from '../../../lib/engine';
import { trailBucket } from '../private/trail';

/**
 * The bucket a CloudTrail trail delivers to has S3 server access logging on, so every read and delete
 * of the log files is itself recorded.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html
 */
export default defineRule({
  id: 'CloudTrail.BucketAccessLogging',
  severity: Severity.ERROR,
  title: 'The CloudTrail bucket has server access logging on',
  fix: 'Set LoggingConfiguration.DestinationBucketName on the trail bucket (AuditTrail\'s SecureBucket logs to an access-log bucket)',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  controls: {
    'cis-aws-3.0': ['3.4'],
    'pci-dss-4.0': ['10.2.1'],
    'iso-27001-2022': ['A.8.15', 'A.8.16'],
    'nist-csf-2.0': ['PR.PS-04'],
    'nist-800-53-r5': ['AU-9(a)', 'AU-12(a)'],
    'gdpr': ['Art. 25'],
  },
  check: (trail, set) => {
    const bucket = trailBucket(set, trail);
    if (isUnresolved(bucket)) return unresolved("the trail's bucket", bucket, 'S3BucketName');
    if ('outside' in bucket) {
      return fail(`the trail delivers to bucket ${bucket.outside}, which the templates do not define, so its access logging cannot be shown; judge it with the templates that define it`, 'S3BucketName');
    }
    const logging = bucket.properties.LoggingConfiguration;
    if (isUnresolved(logging)) return unresolved(`the access logging of bucket ${bucket.logicalId}`, logging, 'S3BucketName');
    const destination = isPlainObject(logging) ? logging.DestinationBucketName : undefined;
    if (isUnresolved(destination)) return unresolved(`the access log destination of bucket ${bucket.logicalId}`, destination, 'S3BucketName');
    if (destination === undefined) return fail(`trail bucket ${bucket.logicalId} has no server access logging (LoggingConfiguration.DestinationBucketName)`, 'S3BucketName');
    return pass(`trail bucket ${bucket.logicalId} has server access logging on`);
  },
});
