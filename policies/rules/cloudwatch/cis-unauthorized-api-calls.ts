import { CIS_V3_SOURCE, SECURITY_HUB_SOURCE, cisMonitoringRule } from '../private/cis-monitoring';

/**
 * CIS AWS Foundations 4.1 (Security Hub CloudWatch.2): a metric filter and alarm for unauthorized API calls, notifying a
 * subscribed, encrypted topic.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-2
 */
export default cisMonitoringRule({
  id: 'CloudWatch.Cis41UnauthorizedApiCalls',
  cis: '4.1',
  watches: 'unauthorized API calls',
  securityHubControl: 'CloudWatch.2',
  patterns: [
    { pattern: '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}', source: `${SECURITY_HUB_SOURCE}#cloudwatch-2` },
    { pattern: '{($.errorCode ="*UnauthorizedOperation") || ($.errorCode ="AccessDenied*") && ($.sourceIPAddress!="delivery.logs.amazonaws.com") && ($.eventName!="HeadBucket") }', source: `${CIS_V3_SOURCE}, 4.1` },
  ],
  controls: { 'pci-dss-4.0': ['10.2.1.4'], 'nist-csf-2.0': ['DE.CM-03'] },
});
