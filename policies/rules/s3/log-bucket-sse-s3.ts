import { Severity, defineRule, describe, fail, isUnresolved, notApplicable, pass, unresolved } from '../../../lib/engine';
import { defaultEncryptionOf, logSourcesOf, logTargetReason } from '../private/s3';

/**
 * A bucket that receives server access logs declares SSE-S3 (AES256) default encryption.
 *
 * Server access log delivery supports only SSE-S3 on the target bucket: with SSE-KMS default
 * encryption logs may silently not be delivered, and without a declared default the template holds no
 * evidence of encryption at rest. Only log targets are judged; every other bucket is judged by
 * `S3.KmsCmkEncryption`.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
 */
export default defineRule({
  id: 'S3.LogBucketSseS3',
  severity: Severity.ERROR,
  title: 'Server access log buckets declare SSE-S3 (AES256) default encryption',
  fix: 'Set BucketEncryption to AES256 on the log bucket (the log bucket SecureBucket defines does; on an s3.Bucket use encryption: BucketEncryption.S3_MANAGED)',
  resourceTypes: ['AWS::S3::Bucket'],
  controls: {
    'nist-800-53-r5': ['SC-28(1)', 'AU-9(a)'],
    'hipaa': ['164.312(a)(2)(iv)'],
    'iso-27001-2022': ['A.8.24', 'A.8.15'],
    'nist-csf-2.0': ['PR.DS-01'],
    'gdpr': ['Art. 32'],
  },
  check: (bucket, set) => {
    const sources = logSourcesOf(set, bucket);
    if (sources.length === 0) return notApplicable('the bucket receives no server access logs in this set; S3.KmsCmkEncryption judges it');
    const rules = defaultEncryptionOf(bucket);
    if (isUnresolved(rules)) return unresolved('the log bucket\'s default encryption', rules, 'BucketEncryption');
    const r = rules[0];
    if (!r) return fail(`${logTargetReason(sources, 'it declares no default encryption')}; declare SSE-S3 (AES256)`, 'BucketEncryption');
    const path = `BucketEncryption.ServerSideEncryptionConfiguration.${r.index}.ServerSideEncryptionByDefault.SSEAlgorithm`;
    if (isUnresolved(r.algorithm)) return unresolved('the log bucket\'s encryption algorithm', r.algorithm, path);
    if (r.algorithm !== 'AES256') {
      return fail(
        `${logTargetReason(sources, `its default encryption is ${describe(r.algorithm)}`)}; S3 log delivery supports only SSE-S3 (AES256), so logs may be lost`,
        path,
      );
    }
    return pass(logTargetReason(sources, 'it uses SSE-S3 (AES256), the default encryption S3 log delivery supports'));
  },
});
