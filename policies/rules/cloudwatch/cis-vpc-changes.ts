import { CIS_V3_SOURCE, SECURITY_HUB_SOURCE, cisMonitoringRule } from '../private/cis-monitoring';

/**
 * CIS AWS Foundations 4.14 (Security Hub CloudWatch.14): a metric filter and alarm for VPC changes, notifying a
 * subscribed, encrypted topic.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-14
 */
export default cisMonitoringRule({
  id: 'CloudWatch.Cis414VpcChanges',
  cis: '4.14',
  watches: 'VPC changes',
  securityHubControl: 'CloudWatch.14',
  patterns: [
    { pattern: '{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}', source: `${SECURITY_HUB_SOURCE}#cloudwatch-14` },
    { pattern: '{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) }', source: `${CIS_V3_SOURCE}, 4.14` },
  ],
  controls: { 'pci-dss-4.0': ['10.2.1.7'] },
});
