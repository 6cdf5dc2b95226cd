import { Severity, asBoolean, asNumber, defineRule, fail, isPlainObject, isUnresolved, notApplicable, pass, unresolved, unresolvedIn } from '../../../lib/engine';
import { trailBucket } from '../private/trail';

/** Shortest default Object Lock retention of a trail bucket, in days (a year of audit logs). */
export const MIN_TRAIL_LOCK_DAYS = 365;

/**
 * The bucket a CloudTrail trail delivers to has S3 Object Lock with a default retention of at least a
 * year, so log files are write-once (governance or compliance mode; the finding says which). A
 * warning: log file validation already makes tampering evident, and Object Lock can only be turned on
 * when the bucket is created.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html
 */
export default defineRule({
  id: 'CloudTrail.BucketObjectLock',
  severity: Severity.WARNING,
  title: `The CloudTrail bucket keeps log files write-once for at least ${MIN_TRAIL_LOCK_DAYS} days`,
  fix: `Enable Object Lock on the trail bucket with a default retention of ${MIN_TRAIL_LOCK_DAYS} days or more (AuditTrail objectLock: GOVERNANCE, 365 days by default)`,
  resourceTypes: ['AWS::CloudTrail::Trail'],
  controls: {
    'pci-dss-4.0': ['10.3.2', '10.3.3', '10.5.1'],
    'hipaa': ['164.312(c)(1)'],
    'iso-27001-2022': ['A.8.15', 'A.5.33'],
    'nist-csf-2.0': ['PR.DS-01'],
    'nist-800-53-r5': ['AU-9(a)', 'AU-11'],
    'gdpr': ['Art. 32'],
  },
  check: (trail, set) => {
    const bucket = trailBucket(set, trail);
    if (isUnresolved(bucket)) return unresolved("the trail's bucket", bucket, 'S3BucketName');
    if ('outside' in bucket) return notApplicable(`the trail delivers to bucket ${bucket.outside}, which the templates do not define: judge it where it is defined`);
    const enabled = asBoolean(bucket.properties.ObjectLockEnabled);
    if (isUnresolved(enabled)) return unresolved(`ObjectLockEnabled of bucket ${bucket.logicalId}`, enabled, 'S3BucketName');
    if (enabled !== true) return fail(`trail bucket ${bucket.logicalId} does not have Object Lock enabled, so log files can be deleted`, 'S3BucketName');
    const config = bucket.properties.ObjectLockConfiguration;
    const gaps = unresolvedIn(config);
    if (isUnresolved(config) || gaps.length > 0) return unresolved(`the Object Lock retention of bucket ${bucket.logicalId}`, isUnresolved(config) ? config : gaps[0], 'S3BucketName');
    const retention = isPlainObject(config) && isPlainObject(config.Rule) && isPlainObject(config.Rule.DefaultRetention) ? config.Rule.DefaultRetention : undefined;
    if (!retention) return fail(`trail bucket ${bucket.logicalId} has Object Lock but no default retention, so new log files are not locked`, 'S3BucketName');
    const days = asNumber(retention.Days);
    const years = asNumber(retention.Years);
    if (isUnresolved(days) || isUnresolved(years)) return unresolved('the default retention', isUnresolved(days) ? days : years, 'S3BucketName');
    const total = days ?? (years === undefined ? 0 : years * 365);
    if (total < MIN_TRAIL_LOCK_DAYS) return fail(`trail bucket ${bucket.logicalId} locks log files for ${total} days, below ${MIN_TRAIL_LOCK_DAYS}`, 'S3BucketName');
    return pass(`trail bucket ${bucket.logicalId} locks log files for ${total} days in ${String(retention.Mode ?? 'an unstated').toLowerCase()} mode`);
  },
});
