import { Severity, defineRule, fail, pass, unresolved, unresolvedIn } from '../../../lib/engine';
import { refersToResource } from '../private/network';

/**
 * Every subnet is associated with a network ACL of the templates. A subnet without an
 * `AWS::EC2::SubnetNetworkAclAssociation` uses its VPC's default network ACL, which allows all inbound
 * traffic from 0.0.0.0/0 and ::/0, SSH and RDP included (CIS AWS 5.1 fails on it at run time).
 *
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/default-network-acl.html
 */
export default defineRule({
  id: 'EC2.SubnetNetworkAcl',
  severity: Severity.ERROR,
  title: 'Subnets use a network ACL of their own, not the allow-all default',
  fix: 'Associate every subnet with an ec2.NetworkAcl that denies admin ports from the internet (SegmentedVpc does, one per tier)',
  resourceTypes: ['AWS::EC2::Subnet'],
  controls: {
    'cis-aws-3.0': ['5.1'],
    'pci-dss-4.0': ['1.2.8', '1.3.1', '1.4.1'],
    'nist-800-53-r5': ['AC-4', 'SC-7(a)', 'SC-7(c)', 'SC-7(5)', 'SC-7(11)'],
    'hipaa': ['164.312(e)(1)'],
    'iso-27001-2022': ['A.8.20', 'A.8.22'],
    'nist-csf-2.0': ['PR.IR-01'],
    'gdpr': ['Art. 32'],
  },
  equivalents: { 'cdk-nag': ['AwsSolutions-VPC3'] },
  check: (subnet, set) => {
    const associations = set.ofType('AWS::EC2::SubnetNetworkAclAssociation');
    const association = associations.find((a) => refersToResource(a.properties.SubnetId, subnet));
    if (association) return pass(`associated with a network ACL through ${association.logicalId}`);
    const gap = associations.map((a) => a.properties.SubnetId).find((id) => unresolvedIn([id]).length > 0);
    if (gap !== undefined) return unresolved('which subnet a network ACL association names', gap, '');
    return fail('no network ACL association: the subnet uses the default network ACL, which allows all inbound traffic from the internet', '');
  },
});
