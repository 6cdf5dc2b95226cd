import { CIS_V3_SOURCE, SECURITY_HUB_SOURCE, cisMonitoringRule } from '../private/cis-monitoring';

/**
 * CIS AWS Foundations 4.9 (Security Hub CloudWatch.9): a metric filter and alarm for AWS Config configuration changes, notifying a
 * subscribed, encrypted topic.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-9
 */
export default cisMonitoringRule({
  id: 'CloudWatch.Cis49ConfigChanges',
  cis: '4.9',
  watches: 'AWS Config configuration changes',
  securityHubControl: 'CloudWatch.9',
  patterns: [
    { pattern: '{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}', source: `${SECURITY_HUB_SOURCE}#cloudwatch-9` },
    { pattern: '{ ($.eventSource = config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||($.eventName=DeleteDeliveryChannel) ||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder)) }', source: `${CIS_V3_SOURCE}, 4.9` },
  ],
  controls: { 'pci-dss-4.0': ['10.2.1.7'] },
});
