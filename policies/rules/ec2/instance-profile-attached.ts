import { Severity, Unresolved, defineRule, fail, isPlainObject, pass, unresolved } from '../../../lib/engine';
import { launchTemplateOf } from '../private/network';

/**
 * Instances get AWS credentials from an instance role: `IamInstanceProfile` is set on the instance or
 * on the launch template it uses (CIS AWS 1.18). Without one, software on the host tends to carry
 * long-term access keys. A warning: an instance that calls no AWS API needs no role.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html
 */
export default defineRule({
  id: 'EC2.InstanceProfileAttached',
  severity: Severity.WARNING,
  title: 'Instances use an instance role for AWS access',
  fix: 'Give ec2.Instance a role (Bastion has one with only the Session Manager actions)',
  resourceTypes: ['AWS::EC2::Instance'],
  controls: {
    'cis-aws-3.0': ['1.18'],
    'pci-dss-4.0': ['8.6.3'],
    'nist-800-53-r5': ['AC-6', 'IA-5'],
    'iso-27001-2022': ['A.5.17'],
    'nist-csf-2.0': ['PR.AA-01'],
  },
  equivalents: {
    'cdk-nag': ['HIPAA.Security-EC2InstanceProfileAttached', 'NIST.800.53.R5-EC2InstanceProfileAttached', 'PCI.DSS.321-EC2InstanceProfileAttached'],
  },
  check: (instance, set) => {
    const own = instance.properties.IamInstanceProfile;
    if (own instanceof Unresolved) return unresolved('IamInstanceProfile', own, 'IamInstanceProfile');
    if (own !== undefined) return pass('the instance has an instance profile');
    const template = launchTemplateOf(set, instance);
    if (template instanceof Unresolved) return unresolved('the launch template the instance uses', template, 'LaunchTemplate');
    const data = template?.properties.LaunchTemplateData;
    if (data instanceof Unresolved) return unresolved('the launch template data', data, 'LaunchTemplate');
    if (isPlainObject(data) && data.IamInstanceProfile !== undefined) return pass(`launch template ${template!.logicalId} sets an instance profile`);
    return fail('no instance profile: software on the instance would need long-term access keys to call AWS', 'IamInstanceProfile');
  },
});
