import { Severity, defineRule, fail, isUnresolved, notApplicable, pass, unresolved } from '../../../lib/engine';
import { logSourcesOf, logTargetReason } from '../private/s3';

/**
 * S3 buckets send server access logs to a log bucket.
 *
 * Not applicable to a bucket that is itself a server access log target: logging it to itself loops,
 * and logging it elsewhere only moves the gap (CloudTrail records API access to it).
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html
 */
export default defineRule({
  id: 'S3.AccessLogging',
  severity: Severity.ERROR,
  title: 'S3 buckets send server access logs to a log bucket',
  fix: 'Set LoggingConfiguration.DestinationBucketName to a log bucket (SecureBucket does; on an s3.Bucket use serverAccessLogsBucket)',
  resourceTypes: ['AWS::S3::Bucket'],
  controls: {
    'cis-aws-3.0': ['3.4'],
    'fsbp': ['S3.9'],
    'pci-dss-4.0': ['10.2.1'],
    'nist-800-53-r5': ['AU-2(b)', 'AU-12(a)', 'CA-7'],
    'hipaa': ['164.312(b)'],
    'iso-27001-2022': ['A.8.15'],
    'nist-csf-2.0': ['PR.PS-04'],
    'gdpr': ['Art. 32'],
  },
  equivalents: {
    'cdk-nag': ['AwsSolutions-S1', 'HIPAA.Security-S3BucketLoggingEnabled', 'NIST.800.53.R5-S3BucketLoggingEnabled', 'PCI.DSS.321-S3BucketLoggingEnabled'],
    'cfn-guard': ['CT.S3.PR.2'],
  },
  check: (bucket, set) => {
    const dest = bucket.get('LoggingConfiguration.DestinationBucketName');
    if (isUnresolved(dest)) return unresolved('the access log destination bucket', dest, 'LoggingConfiguration.DestinationBucketName');
    if (dest !== undefined && dest !== '') return pass('server access logs go to a log bucket');
    const sources = logSourcesOf(set, bucket);
    if (sources.length > 0) return notApplicable(logTargetReason(sources, 'logging a log bucket to itself loops, and CloudTrail records API access to it'));
    return fail('the bucket has no server access logging (LoggingConfiguration.DestinationBucketName)', 'LoggingConfiguration');
  },
});
