import { Severity, asNumber, defineRule, fail, isPlainObject, isUnresolved, pass, unresolved } from '../../../lib/engine';
import { bucketWideLifecycleRules } from '../private/s3';

/**
 * S3 buckets have a bucket-wide lifecycle rule; a versioned bucket's rule expires noncurrent versions,
 * so old versions are not kept forever (storage limitation).
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lifecycle-mgmt.html
 */
export default defineRule({
  id: 'S3.LifecycleNoncurrentExpiration',
  severity: Severity.WARNING,
  title: 'S3 buckets have a lifecycle rule that expires noncurrent versions',
  fix: 'Add an enabled, unfiltered lifecycle rule with NoncurrentVersionExpiration (SecureBucket does, prop noncurrentVersionExpiration; on an s3.Bucket use lifecycleRules: [{ noncurrentVersionExpiration }])',
  resourceTypes: ['AWS::S3::Bucket'],
  controls: {
    'fsbp': ['S3.13'],
    'pci-dss-4.0': ['3.2.1'],
    'nist-800-53-r5': ['SI-12', 'CP-10'],
    'iso-27001-2022': ['A.8.10'],
    'nist-csf-2.0': ['ID.AM-08'],
    'gdpr': ['Art. 5(1)(e)'],
  },
  equivalents: { 'cfn-guard': ['CT.S3.PR.3', 'CT.S3.PR.6'] },
  check: (bucket) => {
    const rules = bucketWideLifecycleRules(bucket);
    if (isUnresolved(rules)) return unresolved('the bucket\'s lifecycle rules', rules, 'LifecycleConfiguration.Rules');
    if (rules.length === 0) return fail('the bucket has no enabled lifecycle rule that applies to every object', 'LifecycleConfiguration');
    const versioning = bucket.get('VersioningConfiguration.Status');
    if (isUnresolved(versioning)) return unresolved('the bucket\'s versioning status', versioning, 'VersioningConfiguration.Status');
    if (versioning === undefined) return pass(`lifecycle rule ${rules[0].index} applies to every object (the bucket is not versioned)`);
    for (const { index, rule } of rules) {
      const nested = isPlainObject(rule.NoncurrentVersionExpiration) ? rule.NoncurrentVersionExpiration.NoncurrentDays : rule.NoncurrentVersionExpiration;
      const days = asNumber(nested ?? rule.NoncurrentVersionExpirationInDays);
      if (isUnresolved(days)) return unresolved('the noncurrent version expiration', days, `LifecycleConfiguration.Rules.${index}.NoncurrentVersionExpiration`);
      if (days !== undefined && days > 0) return pass(`lifecycle rule ${index} expires noncurrent versions after ${days} days`);
    }
    return fail('the bucket is versioned but no enabled, unfiltered lifecycle rule expires noncurrent versions, so old versions are kept forever', 'LifecycleConfiguration.Rules');
  },
});
