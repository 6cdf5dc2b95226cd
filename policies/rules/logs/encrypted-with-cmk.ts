import { Severity, defineRule, fail, pass, unresolved } from '../../../lib/engine';
import { keyReference } from '../private/kms';

/**
 * CloudWatch Logs log groups are encrypted with a customer-managed KMS key (`KmsKeyId`).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 */
export default defineRule({
  id: 'Logs.EncryptedWithCmk',
  severity: Severity.ERROR,
  title: 'CloudWatch Logs log groups are encrypted with a customer-managed key',
  fix: 'Set KmsKeyId to a customer-managed key whose policy admits logs.<region>.amazonaws.com (SecureLogGroup does; on a logs.LogGroup use encryptionKey)',
  resourceTypes: ['AWS::Logs::LogGroup'],
  controls: {
    'pci-dss-4.0': ['10.3.2', '3.5.1'],
    'nist-800-53-r5': ['SC-28(1)', 'AU-9(a)', 'SC-12'],
    'hipaa': ['164.312(a)(2)(iv)'],
    'iso-27001-2022': ['A.8.24', 'A.8.15'],
    'nist-csf-2.0': ['PR.DS-01'],
    'gdpr': ['Art. 32'],
  },
  equivalents: {
    'cdk-nag': ['HIPAA.Security-CloudWatchLogGroupEncrypted', 'NIST.800.53.R5-CloudWatchLogGroupEncrypted', 'PCI.DSS.321-CloudWatchLogGroupEncrypted'],
    'cfn-guard': ['CT.CLOUDWATCH.PR.3'],
  },
  check: (group, set) => {
    const key = keyReference(set, group.properties.KmsKeyId);
    if (!key) return fail('the log group has no KmsKeyId, so it is encrypted only with a key CloudWatch Logs owns', 'KmsKeyId');
    if (key.kind === 'unresolved') return unresolved('the log group\'s KMS key', key.value, 'KmsKeyId');
    if (key.kind === 'aws-managed') return fail(`the log group names the AWS-managed key ${key.alias}`, 'KmsKeyId');
    return pass(`the log group is encrypted with the customer-managed key ${key.kind === 'cmk' ? key.key.logicalId : key.value}`);
  },
});
