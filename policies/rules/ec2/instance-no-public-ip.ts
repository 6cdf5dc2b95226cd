import { Severity, Unresolved, asBoolean, asList, defineRule, fail, isPlainObject, pass, unresolved } from '../../../lib/engine';
import { referenced } from '../private/network';

/**
 * Instances and launch templates do not give instances a public IPv4 address. An instance either sets
 * `AssociatePublicIpAddress: false` on its network interfaces, or sits in a subnet of the templates that
 * does not assign public IPs (`MapPublicIpOnLaunch` false). An instance with neither (no subnet, or a
 * subnet the templates do not define) cannot show it, so it fails. A launch template fails only when
 * it asks for a public IP.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses
 */
export default defineRule({
  id: 'EC2.InstanceNoPublicIp',
  severity: Severity.ERROR,
  title: 'Instances have no public IPv4 address',
  fix: 'Place instances in private subnets and set associatePublicIpAddress: false (Bastion does)',
  resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate'],
  controls: {
    'fsbp': ['EC2.9', 'EC2.25'],
    'pci-dss-4.0': ['1.3.1', '1.4.1', '1.4.4'],
    'nist-800-53-r5': ['AC-4', 'AC-4(21)', 'SC-7(a)', 'SC-7(c)', 'SC-7(3)', 'SC-7(21)'],
    'hipaa': ['164.312(a)(1)', '164.312(e)(1)'],
    'iso-27001-2022': ['A.8.20', 'A.8.22'],
    'nist-csf-2.0': ['PR.IR-01'],
    'gdpr': ['Art. 32'],
  },
  equivalents: {
    'cdk-nag': ['HIPAA.Security-EC2InstanceNoPublicIp', 'NIST.800.53.R5-EC2InstanceNoPublicIp', 'PCI.DSS.321-EC2InstanceNoPublicIp'],
    'cfn-guard': ['CT.EC2.PR.8', 'CT.EC2.PR.9'],
  },
  check: (resource, set) => {
    const isTemplate = resource.type === 'AWS::EC2::LaunchTemplate';
    const data = isTemplate ? resource.properties.LaunchTemplateData : resource.properties;
    if (data instanceof Unresolved) return unresolved('the launch template data', data, 'LaunchTemplateData');
    const prefix = isTemplate ? 'LaunchTemplateData.NetworkInterfaces' : 'NetworkInterfaces';
    const nics = isPlainObject(data) ? data.NetworkInterfaces : undefined;
    if (nics instanceof Unresolved) return unresolved('the network interfaces', nics, prefix);
    const list = asList(nics);
    if (list.length > 0) {
      for (const [i, nic] of list.entries()) {
        if (!isPlainObject(nic)) return unresolved('a network interface', nic, `${prefix}.${i}`);
        const assoc = asBoolean(nic.AssociatePublicIpAddress);
        if (assoc instanceof Unresolved) return unresolved('AssociatePublicIpAddress', assoc, `${prefix}.${i}.AssociatePublicIpAddress`);
        if (assoc === true) return fail(`network interface ${i} asks for a public IP (AssociatePublicIpAddress true)`, `${prefix}.${i}.AssociatePublicIpAddress`);
        if (assoc === undefined && !isTemplate) {
          const verdict = subnetVerdict(set, nic.SubnetId, `${prefix}.${i}.SubnetId`);
          if (verdict) return verdict;
        }
      }
      return pass('no network interface gets a public IP');
    }
    if (isTemplate) return pass('the launch template asks for no public IP');
    return subnetVerdict(set, resource.properties.SubnetId, 'SubnetId') ?? pass('the instance\'s subnet assigns no public IP');
  },
});

/** A failure when the subnet assigns public IPs or cannot be shown not to; undefined when it assigns none. */
function subnetVerdict(set: Parameters<typeof referenced>[0], value: unknown, path: string) {
  if (value === undefined) return fail('no subnet and no AssociatePublicIpAddress false: in a default VPC the instance gets a public IP', path);
  const subnet = referenced(set, value);
  if (!subnet || subnet.type !== 'AWS::EC2::Subnet') {
    return unresolved('whether the instance\'s subnet assigns public IPs', value instanceof Unresolved ? value : new Unresolved(`subnet ${String(value)} is not in the templates`), path);
  }
  const map = asBoolean(subnet.properties.MapPublicIpOnLaunch);
  if (map instanceof Unresolved) return unresolved(`MapPublicIpOnLaunch of subnet ${subnet.logicalId}`, map, path);
  if (map === true) return fail(`subnet ${subnet.logicalId} assigns public IPs (MapPublicIpOnLaunch true) and AssociatePublicIpAddress is not false`, path);
  return undefined;
}
