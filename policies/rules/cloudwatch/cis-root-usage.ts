import { CIS_V3_SOURCE, SECURITY_HUB_SOURCE, cisMonitoringRule } from '../private/cis-monitoring';

/**
 * CIS AWS Foundations 4.3 (Security Hub CloudWatch.1): a metric filter and alarm for use of the root user, notifying a
 * subscribed, encrypted topic.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-1
 */
export default cisMonitoringRule({
  id: 'CloudWatch.Cis43RootUsage',
  cis: '4.3',
  watches: 'use of the root user',
  securityHubControl: 'CloudWatch.1',
  patterns: [
    { pattern: '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}', source: `${SECURITY_HUB_SOURCE}#cloudwatch-1` },
    { pattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }', source: `${CIS_V3_SOURCE}, 4.3` },
  ],
  controls: { 'pci-dss-4.0': ['10.2.1.2'], 'nist-800-53-r5': ['AC-2(12)(a)'], 'nist-csf-2.0': ['DE.CM-03'] },
});
