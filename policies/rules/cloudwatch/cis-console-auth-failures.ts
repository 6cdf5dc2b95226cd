import { CIS_V3_SOURCE, SECURITY_HUB_SOURCE, cisMonitoringRule } from '../private/cis-monitoring';

/**
 * CIS AWS Foundations 4.6 (Security Hub CloudWatch.6): a metric filter and alarm for console authentication failures, notifying a
 * subscribed, encrypted topic.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-6
 */
export default cisMonitoringRule({
  id: 'CloudWatch.Cis46ConsoleAuthFailures',
  cis: '4.6',
  watches: 'console authentication failures',
  securityHubControl: 'CloudWatch.6',
  patterns: [
    { pattern: '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}', source: `${SECURITY_HUB_SOURCE}#cloudwatch-6` },
    { pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }', source: `${CIS_V3_SOURCE}, 4.6` },
  ],
  controls: { 'pci-dss-4.0': ['10.2.1.4'], 'hipaa': ['164.308(a)(5)(ii)(C)'], 'nist-csf-2.0': ['DE.CM-03'] },
});
