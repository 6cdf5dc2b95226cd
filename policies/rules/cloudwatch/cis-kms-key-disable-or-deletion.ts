import { CIS_V3_SOURCE, SECURITY_HUB_SOURCE, cisMonitoringRule } from '../private/cis-monitoring';

/**
 * CIS AWS Foundations 4.7 (Security Hub CloudWatch.7): a metric filter and alarm for disabling or scheduled deletion of customer managed keys, notifying a
 * subscribed, encrypted topic.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-7
 */
export default cisMonitoringRule({
  id: 'CloudWatch.Cis47KmsKeyDisableOrDeletion',
  cis: '4.7',
  watches: 'disabling or scheduled deletion of customer managed keys',
  securityHubControl: 'CloudWatch.7',
  patterns: [
    { pattern: '{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}', source: `${SECURITY_HUB_SOURCE}#cloudwatch-7` },
    { pattern: '{($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion)) }', source: `${CIS_V3_SOURCE}, 4.7` },
  ],
  controls: { 'pci-dss-4.0': ['10.2.1.7'] },
});
