import { Severity, defineRule } from '../../../lib/engine';
import { retainFinding } from '../private/retention';

/**
 * S3 buckets are retained when the stack is deleted or the bucket is replaced.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html
 */
export default defineRule({
  id: 'S3.RetainOnDelete',
  severity: Severity.ERROR,
  title: 'S3 buckets are retained on stack deletion and replacement',
  fix: 'Set DeletionPolicy and UpdateReplacePolicy to Retain (SecureBucket does; on an s3.Bucket use removalPolicy: RemovalPolicy.RETAIN and no autoDeleteObjects)',
  resourceTypes: ['AWS::S3::Bucket'],
  controls: {
    'nist-800-53-r5': ['CP-10', 'SI-12'],
    'hipaa': ['164.308(a)(7)(ii)(A)', '164.312(c)(1)'],
    'iso-27001-2022': ['A.8.13'],
    'nist-csf-2.0': ['PR.DS-01', 'PR.DS-11'],
    'gdpr': ['Art. 32'],
  },
  check: (bucket) => retainFinding(bucket, 'bucket'),
});
