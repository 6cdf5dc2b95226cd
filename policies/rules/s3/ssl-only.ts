import { Severity, asList, defineRule, fail, pass, unresolved, unresolvedIn } from '../../../lib/engine';
import { conditionValue, grantsAction, isDeny, refersTo, statementsOf } from '../private/iam';
import { bucketPoliciesOf } from '../private/s3';

/**
 * S3 buckets deny every request that is not sent over TLS.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html
 */
export default defineRule({
  id: 'S3.SslOnly',
  severity: Severity.ERROR,
  title: 'S3 buckets deny requests that are not sent over TLS',
  fix: 'Add a bucket policy that denies s3:* on the bucket and its objects when aws:SecureTransport is false (SecureBucket does)',
  resourceTypes: ['AWS::S3::Bucket'],
  controls: {
    'cis-aws-3.0': ['2.1.1'],
    'fsbp': ['S3.5'],
    'pci-dss-4.0': ['4.2.1'],
    'nist-800-53-r5': ['SC-8', 'SC-8(1)'],
    'hipaa': ['164.312(e)(1)'],
    'iso-27001-2022': ['A.8.24'],
    'nist-csf-2.0': ['PR.DS-02'],
    'gdpr': ['Art. 32'],
  },
  equivalents: {
    'cdk-nag': ['AwsSolutions-S10', 'HIPAA.Security-S3BucketSSLRequestsOnly', 'NIST.800.53.R5-S3BucketSSLRequestsOnly', 'PCI.DSS.321-S3BucketSSLRequestsOnly'],
    'cfn-guard': ['CT.S3.PR.8'],
  },
  check: (bucket, set) => {
    const policies = bucketPoliciesOf(set, bucket);
    if (policies.length === 0) return fail('no bucket policy denies requests without TLS', 'BucketPolicy');
    for (const policy of policies) {
      const document = policy.properties.PolicyDocument;
      for (const s of statementsOf(document)) {
        if (!isDeny(s) || !grantsAction(s, 's3:GetObject')) continue;
        const secure = conditionValue(s, 'Bool', 'aws:SecureTransport');
        if (String(secure) !== 'false') continue;
        const resources = asList(s.Resource);
        const gaps = unresolvedIn(resources);
        if (gaps.length > 0) return unresolved('the TLS statement\'s resources', resources, 'PolicyDocument');
        const coversBucket = resources.some((r) => refersTo(r, bucket.logicalId) && !String(r).endsWith('/*'));
        const coversObjects = resources.some((r) => refersTo(r, bucket.logicalId) && String(r).endsWith('/*'));
        if (coversBucket && coversObjects) return pass(`bucket policy ${policy.logicalId} denies requests without TLS`);
      }
    }
    return fail('the bucket policy does not deny s3:* on the bucket and its objects when aws:SecureTransport is false', 'BucketPolicy');
  },
});
