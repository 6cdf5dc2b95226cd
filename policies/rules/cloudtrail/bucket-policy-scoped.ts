import { Severity, asList, defineRule, fail, isPlainObject, isUnresolved, notApplicable, pass, unresolved, unresolvedIn } from '../../../lib/engine';
import { conditionValue, isAllow, statementsOf } from '../private/iam';
import { pointsTo } from '../private/refs';
import { trailBucket } from '../private/trail';

const SCOPING_KEYS = ['aws:SourceArn', 'aws:SourceAccount'];
const OPERATORS = ['StringEquals', 'StringLike', 'ArnEquals', 'ArnLike'];

/**
 * Every statement of the trail bucket policy that admits `cloudtrail.amazonaws.com` is scoped to a
 * trail or account with `aws:SourceArn` or `aws:SourceAccount`, so no trail of another account can
 * write into the bucket (the confused-deputy problem).
 *
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
 */
export default defineRule({
  id: 'CloudTrail.BucketPolicyScoped',
  severity: Severity.ERROR,
  title: 'The CloudTrail bucket admits CloudTrail only for named trails or accounts',
  fix: 'Add an aws:SourceArn (the trail ARN) or aws:SourceAccount condition to every bucket policy statement for cloudtrail.amazonaws.com (AuditTrail does)',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  controls: {
    'pci-dss-4.0': ['10.3.2'],
    'iso-27001-2022': ['A.8.15'],
    'nist-csf-2.0': ['PR.DS-01'],
    'nist-800-53-r5': ['AU-9(a)', 'AC-3'],
    'gdpr': ['Art. 32'],
  },
  check: (trail, set) => {
    const bucket = trailBucket(set, trail);
    if (isUnresolved(bucket)) return unresolved("the trail's bucket", bucket, 'S3BucketName');
    if ('outside' in bucket) return notApplicable(`the trail delivers to bucket ${bucket.outside}, which the templates do not define: judge it where it is defined`);
    const policies = set.ofType('AWS::S3::BucketPolicy').filter((p) => pointsTo(set, p.properties.Bucket, bucket, p.template));
    let admitted = 0;
    for (const policy of policies) {
      for (const s of statementsOf(policy.properties.PolicyDocument)) {
        if (!isAllow(s)) continue;
        const principal = s.Principal;
        const gaps = unresolvedIn([principal, s.Condition]);
        if (gaps.length > 0) return unresolved(`bucket policy ${policy.logicalId}`, gaps[0], 'S3BucketName');
        if (!isPlainObject(principal) || !asList(principal.Service).includes('cloudtrail.amazonaws.com')) continue;
        admitted++;
        const scoped = OPERATORS.some((op) => SCOPING_KEYS.some((k) => conditionValue(s, op, k) !== undefined));
        if (!scoped) return fail(`bucket policy ${policy.logicalId} admits CloudTrail${s.Sid ? ` (statement ${s.Sid})` : ''} without an aws:SourceArn or aws:SourceAccount condition`, 'S3BucketName');
      }
    }
    if (admitted === 0) return fail(`no bucket policy of trail bucket ${bucket.logicalId} admits CloudTrail, so the trail cannot deliver`, 'S3BucketName');
    return pass(`every bucket policy statement for CloudTrail on ${bucket.logicalId} is scoped by aws:SourceArn or aws:SourceAccount`);
  },
});
