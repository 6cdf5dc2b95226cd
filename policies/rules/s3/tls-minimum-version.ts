import { Severity, asNumber, defineRule, fail, isUnresolved, pass, unresolved } from '../../../lib/engine';
import { conditionAt, findBucketDeny } from '../private/s3';

/** The lowest TLS version the bucket policy must deny below. */
const MIN_TLS = 1.2;

/**
 * S3 buckets deny requests made with TLS older than 1.2 (`s3:TlsVersion` below 1.2).
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/amazon-s3-policy-keys.html#example-object-tls-version
 */
export default defineRule({
  id: 'S3.TlsMinimumVersion',
  severity: Severity.ERROR,
  title: 'S3 buckets deny requests made with TLS older than 1.2',
  fix: 'Add a bucket policy statement that denies s3:* on the bucket and its objects when s3:TlsVersion is NumericLessThan 1.2 (SecureBucket does; on an s3.Bucket set minimumTLSVersion: 1.2)',
  resourceTypes: ['AWS::S3::Bucket'],
  controls: {
    'pci-dss-4.0': ['4.2.1'],
    'nist-800-53-r5': ['SC-8', 'SC-8(1)', 'SC-23'],
    'hipaa': ['164.312(e)(1)', '164.312(e)(2)(ii)'],
    'iso-27001-2022': ['A.8.24'],
    'nist-csf-2.0': ['PR.DS-02'],
    'gdpr': ['Art. 32'],
  },
  check: (bucket, set) => {
    let weakest: number | undefined;
    let gap: unknown;
    const found = findBucketDeny(set, bucket, (s) => {
      const v = asNumber(conditionAt(s, 'NumericLessThan', 's3:TlsVersion'));
      if (v === undefined) return false;
      if (isUnresolved(v)) {
        gap = gap ?? v;
        return false;
      }
      if (v >= MIN_TLS) return true;
      weakest = weakest === undefined ? v : Math.max(weakest, v);
      return false;
    });
    if (found && !('gap' in found)) return pass(`bucket policy ${found.policy.logicalId} denies TLS older than ${MIN_TLS}`);
    if (found) return unresolved('the resources of the bucket policy\'s TLS version statement', found.gap, 'BucketPolicy');
    if (gap !== undefined) return unresolved('the s3:TlsVersion value of the bucket policy', gap, 'BucketPolicy');
    if (weakest !== undefined) {
      return fail(`the bucket policy denies only TLS older than ${weakest}; deny s3:TlsVersion NumericLessThan ${MIN_TLS}`, 'BucketPolicy');
    }
    return fail(`no bucket policy denies requests with s3:TlsVersion below ${MIN_TLS} on the bucket and its objects`, 'BucketPolicy');
  },
});
