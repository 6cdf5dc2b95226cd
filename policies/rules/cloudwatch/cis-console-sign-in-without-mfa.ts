import { CIS_V3_SOURCE, SECURITY_HUB_SOURCE, cisMonitoringRule } from '../private/cis-monitoring';

/**
 * CIS AWS Foundations 4.2 (Security Hub CloudWatch.3): a metric filter and alarm for console sign-in without MFA, notifying a
 * subscribed, encrypted topic.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-3
 */
export default cisMonitoringRule({
  id: 'CloudWatch.Cis42ConsoleSignInWithoutMfa',
  cis: '4.2',
  watches: 'console sign-in without MFA',
  securityHubControl: 'CloudWatch.3',
  patterns: [
    { pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }', source: `${SECURITY_HUB_SOURCE}#cloudwatch-3` },
    { pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }', source: `${CIS_V3_SOURCE}, 4.2` },
  ],
  controls: { 'hipaa': ['164.308(a)(5)(ii)(C)'], 'nist-csf-2.0': ['DE.CM-03'] },
});
