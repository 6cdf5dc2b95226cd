import { Severity, asNumber, defineRule, fail, isUnresolved, pass, unresolved } from '../../../lib/engine';

/** Shortest retention the baseline accepts, in days (CIS, PCI DSS 10.5.1: a year). */
const MIN_RETENTION_DAYS = 365;

/**
 * CloudWatch Logs log groups keep events at least 365 days. `RetentionInDays` absent means events
 * never expire, which passes.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention
 */
export default defineRule({
  id: 'Logs.RetentionPeriod',
  severity: Severity.ERROR,
  title: 'CloudWatch Logs log groups keep events at least 365 days',
  fix: 'Set RetentionInDays to 365 or more, or leave it unset to keep events forever (SecureLogGroup keeps 365 days; on a logs.LogGroup use retention: RetentionDays.ONE_YEAR)',
  resourceTypes: ['AWS::Logs::LogGroup'],
  controls: {
    'pci-dss-4.0': ['10.5.1'],
    'nist-800-53-r5': ['AU-11', 'SI-12'],
    'hipaa': ['164.312(b)'],
    'iso-27001-2022': ['A.8.15'],
    'nist-csf-2.0': ['PR.PS-04'],
  },
  equivalents: {
    'cdk-nag': ['HIPAA.Security-CloudWatchLogGroupRetentionPeriod', 'NIST.800.53.R5-CloudWatchLogGroupRetentionPeriod', 'PCI.DSS.321-CloudWatchLogGroupRetentionPeriod'],
    'cfn-guard': ['CT.CLOUDWATCH.PR.2'],
  },
  check: (group) => {
    const days = asNumber(group.properties.RetentionInDays);
    if (isUnresolved(days)) return unresolved('RetentionInDays', days, 'RetentionInDays');
    if (days === undefined) return pass('log events never expire (no RetentionInDays)');
    if (days < MIN_RETENTION_DAYS) return fail(`log events expire after ${days} days, fewer than ${MIN_RETENTION_DAYS}`, 'RetentionInDays');
    return pass(`log events are kept ${days} days`);
  },
});
