import { Severity, defineRule, fail, isResourceRef, pass, unresolved, unresolvedIn } from '../../../lib/engine';
import { refersToResource } from '../private/network';

/**
 * Every VPC has its default security group emptied. CloudFormation cannot remove the rules EC2 creates
 * with a VPC's default security group; aws-cdk-lib's `restrictDefaultSecurityGroup` does it with the
 * custom resource `Custom::VpcRestrictDefaultSG`, whose `DefaultSecurityGroupId` is the VPC's
 * `DefaultSecurityGroup` attribute. The rule judges the VPC: it passes when such a resource exists.
 *
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html
 */
export default defineRule({
  id: 'EC2.DefaultSecurityGroupClosed',
  severity: Severity.ERROR,
  title: 'The default security group of every VPC has no rules',
  fix: 'Set restrictDefaultSecurityGroup: true on ec2.Vpc (SegmentedVpc does)',
  resourceTypes: ['AWS::EC2::VPC'],
  controls: {
    'cis-aws-3.0': ['5.4'],
    'fsbp': ['EC2.2'],
    'pci-dss-4.0': ['1.2.8', '1.3.1', '1.4.1'],
    'nist-800-53-r5': ['AC-4', 'SC-7(a)', 'SC-7(c)', 'SC-7(5)', 'SC-7(11)', 'CM-7(b)'],
    'hipaa': ['164.312(e)(1)'],
    'iso-27001-2022': ['A.8.20', 'A.8.22'],
    'nist-csf-2.0': ['PR.IR-01'],
    'gdpr': ['Art. 32'],
  },
  equivalents: {
    'cdk-nag': ['HIPAA.Security-VPCDefaultSecurityGroupClosed', 'NIST.800.53.R5-VPCDefaultSecurityGroupClosed', 'PCI.DSS.321-VPCDefaultSecurityGroupClosed'],
  },
  check: (vpc, set) => {
    const restrictors = set.ofType('Custom::VpcRestrictDefaultSG');
    for (const r of restrictors) {
      const id = r.properties.DefaultSecurityGroupId;
      if (refersToResource(id, vpc, 'DefaultSecurityGroup')) return pass(`${r.logicalId} removes every rule of the default security group`);
    }
    const gap = restrictors.map((r) => r.properties.DefaultSecurityGroupId).find((id) => !isResourceRef(id) && unresolvedIn([id]).length > 0);
    if (gap !== undefined) return unresolved('which default security group Custom::VpcRestrictDefaultSG empties', gap, '');
    return fail('no Custom::VpcRestrictDefaultSG removes the rules of this VPC\'s default security group, which admits all traffic between its members and all egress', '');
  },
});
