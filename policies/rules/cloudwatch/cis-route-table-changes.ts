import { CIS_V3_SOURCE, SECURITY_HUB_SOURCE, cisMonitoringRule } from '../private/cis-monitoring';

/**
 * CIS AWS Foundations 4.13 (Security Hub CloudWatch.13): a metric filter and alarm for route table changes, notifying a
 * subscribed, encrypted topic.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-13
 */
export default cisMonitoringRule({
  id: 'CloudWatch.Cis413RouteTableChanges',
  cis: '4.13',
  watches: 'route table changes',
  securityHubControl: 'CloudWatch.13',
  patterns: [
    { pattern: '{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}', source: `${SECURITY_HUB_SOURCE}#cloudwatch-13` },
    { pattern: '{ ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }', source: `${CIS_V3_SOURCE}, 4.13` },
  ],
  controls: { 'pci-dss-4.0': ['10.2.1.7'] },
});
