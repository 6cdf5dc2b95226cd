import { CIS_V3_SOURCE, SECURITY_HUB_SOURCE, cisMonitoringRule } from '../private/cis-monitoring';

/**
 * CIS AWS Foundations 4.5 (Security Hub CloudWatch.5): a metric filter and alarm for CloudTrail configuration changes, notifying a
 * subscribed, encrypted topic.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-5
 */
export default cisMonitoringRule({
  id: 'CloudWatch.Cis45CloudTrailChanges',
  cis: '4.5',
  watches: 'CloudTrail configuration changes',
  securityHubControl: 'CloudWatch.5',
  patterns: [
    { pattern: '{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}', source: `${SECURITY_HUB_SOURCE}#cloudwatch-5` },
    { pattern: '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }', source: `${CIS_V3_SOURCE}, 4.5` },
  ],
  controls: { 'pci-dss-4.0': ['10.2.1.6'] },
});
