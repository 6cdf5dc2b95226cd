import { Severity, Unresolved, asBoolean, defineRule, fail, notApplicable, pass, unresolved } from '../../../lib/engine';
import { ebsDevices } from '../private/instance';
import { keyReference } from '../private/kms';

/**
 * Encrypted EBS volumes use a customer-managed KMS key (`KmsKeyId`), whose key policy decides who can
 * use it, instead of the AWS managed `aws/ebs` key that every principal of the account can use through
 * EC2. A warning: `aws/ebs` still encrypts; `EC2.EbsEncrypted` judges encryption itself.
 *
 * @see https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html#ebs-encryption-key
 */
export default defineRule({
  id: 'EC2.EbsCustomerManagedKey',
  severity: Severity.WARNING,
  title: 'EBS volumes are encrypted with a customer-managed KMS key',
  fix: 'Pass kmsKey to ec2.BlockDeviceVolume.ebs() or ec2.Volume (Bastion uses its DataKey)',
  resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::EC2::Volume'],
  controls: {
    'pci-dss-4.0': ['3.6.1.2'],
    'nist-800-53-r5': ['SC-12', 'SC-28(1)'],
    'hipaa': ['164.312(a)(2)(iv)'],
    'iso-27001-2022': ['A.8.24'],
    'nist-csf-2.0': ['PR.DS-01'],
  },
  check: (resource, set) => {
    const devices = ebsDevices(set, resource);
    if (devices instanceof Unresolved) return unresolved('the block device mappings', devices, 'BlockDeviceMappings');
    if (devices === undefined || devices.length === 0) return notApplicable('defines no EBS volume');
    for (const d of devices) {
      const encrypted = asBoolean(d.encrypted);
      if (encrypted instanceof Unresolved) return unresolved(`whether ${d.name} is encrypted`, encrypted, d.path);
      if (encrypted !== true) return fail(`${d.name} is not encrypted, so no customer-managed key protects it`, d.path);
      const key = keyReference(set, d.kmsKeyId);
      if (key === undefined) return fail(`${d.name} has no KmsKeyId, so the AWS managed aws/ebs key encrypts it`, d.path === 'Encrypted' ? 'KmsKeyId' : `${d.path}.KmsKeyId`);
      if (key.kind === 'unresolved') return unresolved(`the key of ${d.name}`, key.value, d.path);
      if (key.kind === 'aws-managed') return fail(`${d.name} uses the AWS managed key ${key.alias}`, d.path);
    }
    return pass(`${devices.length} EBS volume(s), each with a customer-managed key`);
  },
});
