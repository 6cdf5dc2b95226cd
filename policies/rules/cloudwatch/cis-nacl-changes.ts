import { CIS_V3_SOURCE, SECURITY_HUB_SOURCE, cisMonitoringRule } from '../private/cis-monitoring';

/**
 * CIS AWS Foundations 4.11 (Security Hub CloudWatch.11): a metric filter and alarm for network ACL changes, notifying a
 * subscribed, encrypted topic.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-11
 */
export default cisMonitoringRule({
  id: 'CloudWatch.Cis411NaclChanges',
  cis: '4.11',
  watches: 'network ACL changes',
  securityHubControl: 'CloudWatch.11',
  patterns: [
    { pattern: '{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}', source: `${SECURITY_HUB_SOURCE}#cloudwatch-11` },
    { pattern: '{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }', source: `${CIS_V3_SOURCE}, 4.11` },
  ],
  controls: { 'pci-dss-4.0': ['10.2.1.7'] },
});
