import { Severity, asBoolean, defineRule, fail, isUnresolved, notApplicable, pass, unresolved } from '../../../lib/engine';
import { defaultEncryptionOf } from '../private/s3';

/**
 * S3 buckets with SSE-KMS turn on the S3 Bucket Key, which cuts KMS requests (and the throttling and
 * cost they bring) by up to 99%.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-key.html
 */
export default defineRule({
  id: 'S3.BucketKey',
  severity: Severity.INFO,
  title: 'S3 buckets with SSE-KMS turn on the S3 Bucket Key',
  fix: 'Set BucketKeyEnabled: true on the SSE-KMS encryption rule (SecureBucket does; on an s3.Bucket use bucketKeyEnabled: true)',
  resourceTypes: ['AWS::S3::Bucket'],
  controls: {
    'nist-csf-2.0': ['PR.IR-04'],
  },
  check: (bucket) => {
    const rules = defaultEncryptionOf(bucket);
    if (isUnresolved(rules)) return unresolved('the bucket\'s default encryption', rules, 'BucketEncryption');
    const kms = rules.find((r) => r.algorithm === 'aws:kms' || isUnresolved(r.algorithm));
    if (!kms) return notApplicable('the bucket does not use SSE-KMS');
    const path = `BucketEncryption.ServerSideEncryptionConfiguration.${kms.index}.BucketKeyEnabled`;
    if (isUnresolved(kms.algorithm)) return unresolved('the bucket\'s encryption algorithm', kms.algorithm, path);
    const on = asBoolean(kms.bucketKey);
    if (isUnresolved(on)) return unresolved('BucketKeyEnabled', on, path);
    return on === true ? pass('the S3 Bucket Key is on') : fail('SSE-KMS without the S3 Bucket Key calls KMS for every object', path);
  },
});
