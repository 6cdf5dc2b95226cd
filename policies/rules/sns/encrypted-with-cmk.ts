import { Severity, defineRule, fail, pass, unresolved } from '../../../lib/engine';
import { keyReference } from '../private/kms';

/**
 * SNS topics are encrypted with a customer-managed KMS key (`KmsMasterKeyId`).
 *
 * The AWS-managed key `alias/aws/sns` fails: its policy cannot admit EventBridge or CloudWatch, so a
 * topic encrypted with it silently drops their alerts.
 *
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
 */
export default defineRule({
  id: 'SNS.EncryptedWithCmk',
  severity: Severity.ERROR,
  title: 'SNS topics are encrypted with a customer-managed key',
  fix: 'Set KmsMasterKeyId to a customer-managed key whose policy admits the publishing services (SecurityAlerts does; on an sns.Topic use masterKey)',
  resourceTypes: ['AWS::SNS::Topic'],
  controls: {
    'pci-dss-4.0': ['3.5.1'],
    'nist-800-53-r5': ['SC-28(1)', 'SC-12'],
    'hipaa': ['164.312(a)(2)(iv)'],
    'iso-27001-2022': ['A.8.24'],
    'nist-csf-2.0': ['PR.DS-01'],
    'gdpr': ['Art. 32'],
  },
  equivalents: {
    'cdk-nag': ['HIPAA.Security-SNSEncryptedKMS', 'NIST.800.53.R5-SNSEncryptedKMS', 'PCI.DSS.321-SNSEncryptedKMS'],
  },
  check: (topic, set) => {
    const key = keyReference(set, topic.properties.KmsMasterKeyId);
    if (!key) return fail('the topic is not encrypted (no KmsMasterKeyId)', 'KmsMasterKeyId');
    if (key.kind === 'unresolved') return unresolved('the topic\'s KMS key', key.value, 'KmsMasterKeyId');
    if (key.kind === 'aws-managed') {
      return fail(`the topic uses the AWS-managed key ${key.alias}, whose policy cannot admit EventBridge or CloudWatch, so their messages are dropped`, 'KmsMasterKeyId');
    }
    return pass(`the topic is encrypted with the customer-managed key ${key.kind === 'cmk' ? key.key.logicalId : key.value}`);
  },
});
