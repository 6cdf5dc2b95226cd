import { CIS_V3_SOURCE, SECURITY_HUB_SOURCE, cisMonitoringRule } from '../private/cis-monitoring';

/**
 * CIS AWS Foundations 4.12 (Security Hub CloudWatch.12): a metric filter and alarm for network gateway changes, notifying a
 * subscribed, encrypted topic.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-12
 */
export default cisMonitoringRule({
  id: 'CloudWatch.Cis412NetworkGatewayChanges',
  cis: '4.12',
  watches: 'network gateway changes',
  securityHubControl: 'CloudWatch.12',
  patterns: [
    { pattern: '{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}', source: `${SECURITY_HUB_SOURCE}#cloudwatch-12` },
    { pattern: '{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }', source: `${CIS_V3_SOURCE}, 4.12` },
  ],
  controls: { 'pci-dss-4.0': ['10.2.1.7'] },
});
