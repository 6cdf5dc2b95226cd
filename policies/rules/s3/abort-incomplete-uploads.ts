import { Severity, asNumber, defineRule, fail, isUnresolved, pass, unresolved } from '../../../lib/engine';
import { bucketWideLifecycleRules } from '../private/s3';

/**
 * S3 buckets abort incomplete multipart uploads, whose parts hold data nobody sees or deletes.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpu-abort-incomplete-mpu-lifecycle-config.html
 */
export default defineRule({
  id: 'S3.AbortIncompleteUploads',
  severity: Severity.WARNING,
  title: 'S3 buckets abort incomplete multipart uploads',
  fix: 'Add AbortIncompleteMultipartUpload.DaysAfterInitiation to an enabled, unfiltered lifecycle rule (SecureBucket does, 7 days; on an s3.Bucket use lifecycleRules: [{ abortIncompleteMultipartUploadAfter }])',
  resourceTypes: ['AWS::S3::Bucket'],
  controls: {
    'pci-dss-4.0': ['3.2.1'],
    'nist-800-53-r5': ['SI-12'],
    'iso-27001-2022': ['A.8.10'],
    'nist-csf-2.0': ['ID.AM-08'],
    'gdpr': ['Art. 5(1)(e)'],
  },
  check: (bucket) => {
    const rules = bucketWideLifecycleRules(bucket);
    if (isUnresolved(rules)) return unresolved('the bucket\'s lifecycle rules', rules, 'LifecycleConfiguration.Rules');
    for (const { index, rule } of rules) {
      const abort = rule.AbortIncompleteMultipartUpload;
      const days = asNumber(isUnresolved(abort) ? abort : (abort as Record<string, unknown> | undefined)?.DaysAfterInitiation);
      if (isUnresolved(days)) return unresolved('the incomplete upload expiry', days, `LifecycleConfiguration.Rules.${index}.AbortIncompleteMultipartUpload`);
      if (days !== undefined && days > 0) return pass(`lifecycle rule ${index} aborts incomplete multipart uploads after ${days} days`);
    }
    return fail('no enabled, unfiltered lifecycle rule aborts incomplete multipart uploads', 'LifecycleConfiguration.Rules');
  },
});
