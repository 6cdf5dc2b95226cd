import { Severity, Unresolved, asBoolean, defineRule, fail, notApplicable, pass, unresolved } from '../../../lib/engine';
import { ebsDevices, usedByInstance } from '../private/instance';

/**
 * EBS volumes are encrypted at rest: `AWS::EC2::Volume` `Encrypted`, and `Ebs.Encrypted` on every EBS
 * block device mapping of an instance or launch template. An instance without block device mappings
 * (its own or its launch template's) takes its root volume from the AMI, whose encryption the template
 * cannot show, so it fails.
 *
 * @see https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
 */
export default defineRule({
  id: 'EC2.EbsEncrypted',
  severity: Severity.ERROR,
  title: 'EBS volumes are encrypted at rest',
  fix: 'Set encrypted: true on every ec2.BlockDeviceVolume.ebs() and ec2.Volume (Bastion does, with its DataKey)',
  resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::EC2::Volume'],
  controls: {
    'fsbp': ['EC2.3'],
    'pci-dss-4.0': ['3.5.1'],
    'nist-800-53-r5': ['SC-28(1)', 'SC-13(a)', 'CM-6(a)'],
    'hipaa': ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
    'iso-27001-2022': ['A.8.24'],
    'nist-csf-2.0': ['PR.DS-01'],
    'gdpr': ['Art. 32'],
  },
  equivalents: { 'cdk-nag': ['AwsSolutions-EC26'], 'cfn-guard': ['CT.EC2.PR.7', 'CT.EC2.PR.14'] },
  check: (resource, set) => {
    const devices = ebsDevices(set, resource);
    if (devices instanceof Unresolved) return unresolved('the block device mappings', devices, 'BlockDeviceMappings');
    if (devices === undefined) {
      if (resource.type === 'AWS::EC2::LaunchTemplate' && usedByInstance(set, resource)) {
        return notApplicable('defines no block devices; the instances that use it are judged on their own');
      }
      return fail('defines no block device mappings, so the root volume follows the AMI and may be unencrypted', 'BlockDeviceMappings');
    }
    if (devices.length === 0) return notApplicable('no EBS volume');
    for (const d of devices) {
      const encrypted = asBoolean(d.encrypted);
      if (encrypted instanceof Unresolved) return unresolved(`whether ${d.name} is encrypted`, encrypted, d.path);
      if (encrypted !== true) return fail(`${d.name} is not encrypted (Encrypted ${encrypted === false ? 'false' : 'not set'})`, d.path);
    }
    return pass(`${devices.length} EBS volume(s), all encrypted`);
  },
});
