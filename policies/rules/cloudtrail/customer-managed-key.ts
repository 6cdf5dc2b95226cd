import { Severity, defineRule, fail, pass, unresolved } from '../../../lib/engine';
import { keyReference } from '../private/kms';

/**
 * CloudTrail trails encrypt their log files with a customer-managed KMS key (SSE-KMS), so reading the
 * logs needs kms:Decrypt on a key whose policy the account controls.
 *
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html
 */
export default defineRule({
  id: 'CloudTrail.CustomerManagedKey',
  severity: Severity.ERROR,
  title: 'CloudTrail trails encrypt log files with a customer-managed KMS key',
  fix: 'Set KMSKeyId to a customer-managed key whose policy admits CloudTrail for this trail (AuditTrail does)',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  controls: {
    'cis-aws-3.0': ['3.5'],
    'fsbp': ['CloudTrail.2'],
    'pci-dss-4.0': ['10.3.2', '3.5.1'],
    'hipaa': ['164.312(a)(2)(iv)', '164.312(c)(1)'],
    'iso-27001-2022': ['A.8.15', 'A.8.24'],
    'nist-csf-2.0': ['PR.DS-01'],
    'nist-800-53-r5': ['AU-9(3)', 'SC-28(1)', 'SC-12'],
    'gdpr': ['Art. 32'],
  },
  equivalents: {
    'cdk-nag': ['HIPAA.Security-CloudTrailEncryptionEnabled', 'NIST.800.53.R5-CloudTrailEncryptionEnabled', 'PCI.DSS.321-CloudTrailEncryptionEnabled'],
    'cfn-guard': ['CT.CLOUDTRAIL.PR.1'],
  },
  check: (trail, set) => {
    const key = keyReference(set, trail.properties.KMSKeyId);
    if (!key) return fail('the trail has no KMSKeyId, so log files have only S3 default encryption', 'KMSKeyId');
    if (key.kind === 'unresolved') return unresolved("the trail's KMS key", key.value, 'KMSKeyId');
    if (key.kind === 'aws-managed') return fail(`the trail names the AWS managed key ${key.alias}`, 'KMSKeyId');
    return pass(`log files are encrypted with the customer-managed key ${key.kind === 'cmk' ? key.key.logicalId : key.value}`);
  },
});
