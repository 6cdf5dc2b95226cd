import { Severity, asBoolean, defineRule, fail, isUnresolved, pass, unresolved } from '../../../lib/engine';

/**
 * CloudTrail trails have log file integrity validation on: CloudTrail delivers signed digest files, so
 * a deleted or altered log file is detectable.
 *
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html
 */
export default defineRule({
  id: 'CloudTrail.LogFileValidation',
  severity: Severity.ERROR,
  title: 'CloudTrail trails have log file validation on',
  fix: 'Set EnableLogFileValidation to true (enableFileValidation; AuditTrail does)',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  controls: {
    'cis-aws-3.0': ['3.2'],
    'fsbp': ['CloudTrail.4'],
    'pci-dss-4.0': ['10.3.2', '10.3.3', '10.3.4'],
    'hipaa': ['164.312(b)', '164.312(c)(1)', '164.312(c)(2)'],
    'iso-27001-2022': ['A.8.15'],
    'nist-csf-2.0': ['PR.DS-01', 'PR.PS-04'],
    'nist-800-53-r5': ['AU-9(a)', 'SI-7(1)', 'SI-7(3)', 'SI-7(7)'],
    'gdpr': ['Art. 32'],
  },
  equivalents: {
    'cdk-nag': ['HIPAA.Security-CloudTrailLogFileValidationEnabled', 'NIST.800.53.R5-CloudTrailLogFileValidationEnabled', 'PCI.DSS.321-CloudTrailLogFileValidationEnabled'],
    'cfn-guard': ['CT.CLOUDTRAIL.PR.2'],
  },
  check: (trail) => {
    const v = asBoolean(trail.properties.EnableLogFileValidation);
    if (isUnresolved(v)) return unresolved('EnableLogFileValidation', v, 'EnableLogFileValidation');
    return v === true ? pass('log file validation is on') : fail(`log file validation is ${v === false ? 'off' : 'not set (off)'}`, 'EnableLogFileValidation');
  },
});
