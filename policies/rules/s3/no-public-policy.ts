import { Severity, defineRule, pass } from '../../../lib/engine';
import { publicAccessFinding } from '../private/policy-principals';

/**
 * S3 bucket policies never allow everyone (`*`) without a condition that ties the principal to an
 * account, organization or source.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
 */
export default defineRule({
  id: 'S3.NoPublicPolicy',
  severity: Severity.ERROR,
  title: 'S3 bucket policies do not allow public access',
  fix: 'Name the principals that need access, or add a condition on aws:PrincipalAccount, aws:PrincipalOrgID, aws:SourceArn or aws:SourceVpce to every Allow with Principal "*" (SecureBucket grants only named principals through bucket.grant*())',
  resourceTypes: ['AWS::S3::BucketPolicy'],
  nonWaivable: true,
  controls: {
    'fsbp': ['S3.2', 'S3.3'],
    'pci-dss-4.0': ['1.4.4', '7.2.1'],
    'nist-800-53-r5': ['AC-3', 'AC-4', 'AC-6'],
    'hipaa': ['164.312(a)(1)'],
    'iso-27001-2022': ['A.5.15', 'A.8.3'],
    'nist-csf-2.0': ['PR.AA-05', 'PR.DS-01'],
    'gdpr': ['Art. 25', 'Art. 32'],
  },
  equivalents: {
    'cdk-nag': [
      'HIPAA.Security-S3BucketPublicReadProhibited', 'HIPAA.Security-S3BucketPublicWriteProhibited',
      'NIST.800.53.R5-S3BucketPublicReadProhibited', 'NIST.800.53.R5-S3BucketPublicWriteProhibited',
      'PCI.DSS.321-S3BucketPublicReadProhibited', 'PCI.DSS.321-S3BucketPublicWriteProhibited',
    ],
  },
  check: (policy) =>
    publicAccessFinding(policy.properties.PolicyDocument, 'bucket policy', 'PolicyDocument') ??
    pass('no statement allows everyone without a narrowing condition'),
});
