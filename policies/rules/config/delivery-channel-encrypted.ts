import { Severity, defineRule, fail, pass, unresolved } from '../../../lib/engine';
import { keyReference } from '../private/kms';

/**
 * AWS Config delivery channels encrypt the configuration history and snapshots they deliver with a
 * customer-managed KMS key (`S3KmsKeyArn`). A warning: the delivery bucket's default encryption may
 * already apply a key, but only the channel setting makes AWS Config itself use it.
 *
 * @see https://docs.aws.amazon.com/config/latest/developerguide/s3-kms-key.html
 */
export default defineRule({
  id: 'Config.DeliveryChannelEncrypted',
  severity: Severity.WARNING,
  title: 'AWS Config delivery channels encrypt deliveries with a customer-managed KMS key',
  fix: 'Set S3KmsKeyArn on the delivery channel to a customer-managed key that admits config.amazonaws.com (ThreatDetection does)',
  resourceTypes: ['AWS::Config::DeliveryChannel'],
  controls: {
    'hipaa': ['164.312(a)(2)(iv)'],
    'iso-27001-2022': ['A.8.24'],
    'nist-csf-2.0': ['PR.DS-01'],
    'nist-800-53-r5': ['SC-28(1)', 'AU-9(3)'],
    'gdpr': ['Art. 32'],
  },
  check: (channel, set) => {
    const key = keyReference(set, channel.properties.S3KmsKeyArn);
    if (!key) return fail('the delivery channel has no S3KmsKeyArn, so AWS Config delivers without a customer-managed key', 'S3KmsKeyArn');
    if (key.kind === 'unresolved') return unresolved("the delivery channel's KMS key", key.value, 'S3KmsKeyArn');
    if (key.kind === 'aws-managed') return fail(`the delivery channel names the AWS managed key ${key.alias}`, 'S3KmsKeyArn');
    return pass(`deliveries are encrypted with the customer-managed key ${key.kind === 'cmk' ? key.key.logicalId : key.value}`);
  },
});
