import { Severity, asList, defineRule, describe, fail, isPlainObject, isUnresolved, pass, unresolved, unresolvedIn } from '../../../lib/engine';

/** Canned ACLs that grant nobody but the bucket owner (the only ones BucketOwnerEnforced accepts). */
const OWNER_ONLY_ACLS = ['Private', 'BucketOwnerFullControl'];

/**
 * S3 buckets turn ACLs off (object ownership `BucketOwnerEnforced`): access is granted only by policies.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
 */
export default defineRule({
  id: 'S3.AclsDisabled',
  severity: Severity.ERROR,
  title: 'S3 buckets turn ACLs off with object ownership BucketOwnerEnforced',
  fix: 'Set OwnershipControls to a single rule with ObjectOwnership BucketOwnerEnforced and drop AccessControl (SecureBucket does; on an s3.Bucket use objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED)',
  resourceTypes: ['AWS::S3::Bucket'],
  controls: {
    'fsbp': ['S3.12'],
    'pci-dss-4.0': ['7.2.1'],
    'nist-800-53-r5': ['AC-3', 'AC-3(7)', 'AC-6'],
    'hipaa': ['164.312(a)(1)'],
    'iso-27001-2022': ['A.5.15', 'A.8.3'],
    'nist-csf-2.0': ['PR.AA-05'],
    'gdpr': ['Art. 25'],
  },
  equivalents: { 'cfn-guard': ['CT.S3.PR.5'] },
  check: (bucket) => {
    const acl = bucket.properties.AccessControl;
    if (isUnresolved(acl)) return unresolved('the bucket\'s AccessControl', acl, 'AccessControl');
    if (acl !== undefined && !OWNER_ONLY_ACLS.includes(String(acl))) return fail(`the bucket grants access with the canned ACL ${describe(acl)}`, 'AccessControl');
    const rules = bucket.get('OwnershipControls.Rules');
    const missing = unresolvedIn([rules]).concat(unresolvedIn(rules));
    if (missing.length > 0) return unresolved('the bucket\'s object ownership', missing[0], 'OwnershipControls.Rules');
    const ownership = asList(rules).filter(isPlainObject).map((r) => r.ObjectOwnership);
    if (ownership.length === 0) return fail('the bucket declares no OwnershipControls, so ACLs stay in force', 'OwnershipControls');
    if (ownership.some((o) => o !== 'BucketOwnerEnforced')) {
      return fail(`object ownership is ${ownership.map(describe).join(', ')}, so ACLs still grant access; use BucketOwnerEnforced`, 'OwnershipControls.Rules');
    }
    return pass('ACLs are off (object ownership BucketOwnerEnforced)');
  },
});
