import { Severity, defineRule, describe, fail, isUnresolved, pass, unresolved } from '../../../lib/engine';

/**
 * S3 buckets keep every version of an object (versioning enabled), so an overwrite or delete can be undone.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
 */
export default defineRule({
  id: 'S3.Versioning',
  severity: Severity.ERROR,
  title: 'S3 buckets have versioning enabled',
  fix: 'Set VersioningConfiguration.Status to Enabled (SecureBucket does; on an s3.Bucket use versioned: true)',
  resourceTypes: ['AWS::S3::Bucket'],
  controls: {
    'nist-800-53-r5': ['CP-10', 'CP-6(2)', 'CP-9(a)', 'SI-12', 'SI-13(5)'],
    'hipaa': ['164.308(a)(7)(ii)(A)', '164.312(c)(1)'],
    'iso-27001-2022': ['A.8.13'],
    'nist-csf-2.0': ['PR.DS-01', 'PR.DS-11'],
    'gdpr': ['Art. 32'],
  },
  equivalents: {
    'cdk-nag': ['HIPAA.Security-S3BucketVersioningEnabled', 'NIST.800.53.R5-S3BucketVersioningEnabled', 'PCI.DSS.321-S3BucketVersioningEnabled'],
    'cfn-guard': ['CT.S3.PR.11'],
  },
  check: (bucket) => {
    const status = bucket.get('VersioningConfiguration.Status');
    if (isUnresolved(status)) return unresolved('the bucket\'s versioning status', status, 'VersioningConfiguration.Status');
    if (status !== 'Enabled') {
      return fail(`versioning is ${status === undefined ? 'not configured' : describe(status)}, so an overwrite or delete cannot be undone`, 'VersioningConfiguration.Status');
    }
    return pass('versioning is enabled');
  },
});
