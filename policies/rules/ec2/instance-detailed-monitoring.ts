import { Severity, Unresolved, asBoolean, defineRule, fail, isPlainObject, pass, unresolved } from '../../../lib/engine';

/**
 * Instances and launch templates turn on detailed (one-minute) CloudWatch monitoring (`Monitoring`
 * true; `LaunchTemplateData.Monitoring.Enabled` true). A warning: it is monitoring hygiene.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/manage-detailed-monitoring.html
 */
export default defineRule({
  id: 'EC2.InstanceDetailedMonitoring',
  severity: Severity.WARNING,
  title: 'Instances have detailed monitoring on',
  fix: 'Set detailedMonitoring: true on ec2.Instance or ec2.LaunchTemplate (Bastion does)',
  resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate'],
  controls: {
    'nist-800-53-r5': ['CA-7', 'SI-4(a)', 'SI-4(2)'],
    'iso-27001-2022': ['A.8.16'],
    'nist-csf-2.0': ['DE.CM-09'],
  },
  equivalents: {
    'cdk-nag': ['AwsSolutions-EC28', 'HIPAA.Security-EC2InstanceDetailedMonitoringEnabled'],
    'cfn-guard': ['CT.EC2.PR.10', 'CT.EC2.PR.13'],
  },
  check: (resource) => {
    const isTemplate = resource.type === 'AWS::EC2::LaunchTemplate';
    const data = isTemplate ? resource.properties.LaunchTemplateData : undefined;
    if (data instanceof Unresolved) return unresolved('the launch template data', data, 'LaunchTemplateData');
    const raw = isTemplate ? (isPlainObject(data) && isPlainObject(data.Monitoring) ? data.Monitoring.Enabled : undefined) : resource.properties.Monitoring;
    const path = isTemplate ? 'LaunchTemplateData.Monitoring.Enabled' : 'Monitoring';
    const on = asBoolean(raw);
    if (on instanceof Unresolved) return unresolved('detailed monitoring', on, path);
    if (on !== true) return fail(`detailed monitoring is ${on === false ? 'off' : 'not set (off)'}: metrics arrive every five minutes`, path);
    return pass('detailed monitoring is on');
  },
});
