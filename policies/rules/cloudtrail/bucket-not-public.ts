import { Severity, asBoolean, defineRule, fail, isPlainObject, isUnresolved, notApplicable, pass, unresolved, unresolvedIn } from '../../../lib/engine';
import { hasWildcardPrincipal, isAllow, narrowsPrincipal, statementsOf } from '../private/iam';
import { pointsTo } from '../private/refs';
import { trailBucket } from '../private/trail';

const PUBLIC_ACLS = ['PublicRead', 'PublicReadWrite', 'AuthenticatedRead'];
const BLOCKS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];

/**
 * The bucket a CloudTrail trail delivers to is not public: no public canned ACL, no Block Public Access
 * setting turned off (absent means S3's default for new buckets, all on), and no bucket policy statement
 * that allows everyone without a condition tying it to an account, organization or source.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
 */
export default defineRule({
  id: 'CloudTrail.BucketNotPublic',
  severity: Severity.ERROR,
  nonWaivable: true,
  title: 'The CloudTrail bucket is not publicly accessible',
  fix: 'Keep every Block Public Access setting on, use no public ACL and allow no "*" principal in the trail bucket policy (AuditTrail\'s SecureBucket does)',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  controls: {
    'pci-dss-4.0': ['10.3.2', '10.3.1'],
    'hipaa': ['164.312(a)(1)'],
    'iso-27001-2022': ['A.8.15'],
    'nist-csf-2.0': ['PR.DS-01', 'PR.PS-04'],
    'nist-800-53-r5': ['AU-9(a)', 'AC-3'],
    'gdpr': ['Art. 25', 'Art. 32'],
  },
  check: (trail, set) => {
    const bucket = trailBucket(set, trail);
    if (isUnresolved(bucket)) return unresolved("the trail's bucket", bucket, 'S3BucketName');
    if ('outside' in bucket) return notApplicable(`the trail delivers to bucket ${bucket.outside}, which the templates do not define: judge it where it is defined`);
    const p = bucket.properties;
    if (isUnresolved(p.AccessControl)) return unresolved(`the ACL of bucket ${bucket.logicalId}`, p.AccessControl, 'S3BucketName');
    if (typeof p.AccessControl === 'string' && PUBLIC_ACLS.includes(p.AccessControl)) {
      return fail(`trail bucket ${bucket.logicalId} has the public canned ACL ${p.AccessControl}`, 'S3BucketName');
    }
    const pab = p.PublicAccessBlockConfiguration;
    if (isUnresolved(pab)) return unresolved(`the Block Public Access settings of bucket ${bucket.logicalId}`, pab, 'S3BucketName');
    if (isPlainObject(pab)) {
      for (const name of BLOCKS) {
        const v = asBoolean(pab[name]);
        if (isUnresolved(v)) return unresolved(`${name} of bucket ${bucket.logicalId}`, v, 'S3BucketName');
        if (v !== true) return fail(`trail bucket ${bucket.logicalId} has ${name} ${v === false ? 'off' : 'unset (off)'}`, 'S3BucketName');
      }
    }
    for (const policy of set.ofType('AWS::S3::BucketPolicy')) {
      if (!pointsTo(set, policy.properties.Bucket, bucket, policy.template)) continue;
      const statements = statementsOf(policy.properties.PolicyDocument);
      const gaps = unresolvedIn(statements.filter(isAllow).map((s) => [s.Principal, s.Condition]));
      if (gaps.length > 0) return unresolved(`the bucket policy ${policy.logicalId}`, gaps[0], 'S3BucketName');
      const open = statements.find((s) => isAllow(s) && hasWildcardPrincipal(s) && !narrowsPrincipal(s));
      if (open) return fail(`bucket policy ${policy.logicalId} of trail bucket ${bucket.logicalId} allows everyone${open.Sid ? ` (statement ${open.Sid})` : ''}`, 'S3BucketName');
    }
    return pass(`trail bucket ${bucket.logicalId} is not public`);
  },
});
