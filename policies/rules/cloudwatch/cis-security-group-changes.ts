import { CIS_V3_SOURCE, SECURITY_HUB_SOURCE, cisMonitoringRule } from '../private/cis-monitoring';

/**
 * CIS AWS Foundations 4.10 (Security Hub CloudWatch.10): a metric filter and alarm for security group changes, notifying a
 * subscribed, encrypted topic.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-10
 */
export default cisMonitoringRule({
  id: 'CloudWatch.Cis410SecurityGroupChanges',
  cis: '4.10',
  watches: 'security group changes',
  securityHubControl: 'CloudWatch.10',
  patterns: [
    { pattern: '{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}', source: `${SECURITY_HUB_SOURCE}#cloudwatch-10` },
    { pattern: '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }', source: `${CIS_V3_SOURCE}, 4.10` },
  ],
  controls: { 'pci-dss-4.0': ['10.2.1.7'] },
});
