import { CIS_V3_SOURCE, SECURITY_HUB_SOURCE, cisMonitoringRule } from '../private/cis-monitoring';

/**
 * CIS AWS Foundations 4.8 (Security Hub CloudWatch.8): a metric filter and alarm for S3 bucket policy changes, notifying a
 * subscribed, encrypted topic.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-8
 */
export default cisMonitoringRule({
  id: 'CloudWatch.Cis48S3BucketPolicyChanges',
  cis: '4.8',
  watches: 'S3 bucket policy changes',
  securityHubControl: 'CloudWatch.8',
  patterns: [
    { pattern: '{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}', source: `${SECURITY_HUB_SOURCE}#cloudwatch-8` },
    { pattern: '{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) }', source: `${CIS_V3_SOURCE}, 4.8` },
  ],
  controls: { 'pci-dss-4.0': ['10.2.1.7'] },
});
