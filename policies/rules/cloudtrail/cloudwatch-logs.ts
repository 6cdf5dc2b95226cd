import { Severity, defineRule, fail, isUnresolved, pass, unresolved } from '../../../lib/engine';

/**
 * CloudTrail trails also deliver to a CloudWatch Logs log group, through a role CloudTrail assumes, so
 * metric filters and alarms (CIS 4.x) see API activity within minutes.
 *
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html
 */
export default defineRule({
  id: 'CloudTrail.CloudWatchLogs',
  severity: Severity.ERROR,
  title: 'CloudTrail trails deliver to CloudWatch Logs',
  fix: 'Set CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn (AuditTrail delivers to a SecureLogGroup)',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  controls: {
    'fsbp': ['CloudTrail.5'],
    'pci-dss-4.0': ['10.2.1', '10.4.1.1'],
    'hipaa': ['164.312(b)', '164.308(a)(1)(ii)(D)'],
    'iso-27001-2022': ['A.8.15', 'A.8.16'],
    'nist-csf-2.0': ['DE.CM-09', 'DE.AE-03'],
    'nist-800-53-r5': ['AU-6(1)', 'AU-6(3)', 'AU-12(a)', 'SI-4(2)'],
  },
  equivalents: {
    'cdk-nag': ['HIPAA.Security-CloudTrailCloudWatchLogsEnabled', 'NIST.800.53.R5-CloudTrailCloudWatchLogsEnabled', 'PCI.DSS.321-CloudTrailCloudWatchLogsEnabled'],
    'cfn-guard': ['CT.CLOUDTRAIL.PR.3'],
  },
  check: (trail) => {
    for (const name of ['CloudWatchLogsLogGroupArn', 'CloudWatchLogsRoleArn']) {
      const v = trail.properties[name];
      if (isUnresolved(v)) return unresolved(name, v, name);
      if (v === undefined || v === '') return fail(`the trail has no ${name}, so it does not deliver to CloudWatch Logs`, name);
    }
    return pass('the trail delivers to CloudWatch Logs');
  },
});
