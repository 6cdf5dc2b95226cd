import { Severity, Unresolved, asBoolean, defineRule, fail, pass, unresolved } from '../../../lib/engine';

/**
 * Subnets do not assign public IPv4 addresses to the instances launched in them
 * (`MapPublicIpOnLaunch` false or unset; CloudFormation's default is false).
 *
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/subnet-public-ip.html
 */
export default defineRule({
  id: 'EC2.SubnetNoAutoPublicIp',
  severity: Severity.ERROR,
  title: 'Subnets do not assign public IP addresses automatically',
  fix: 'Set mapPublicIpOnLaunch: false on every subnet configuration, public ones included (SegmentedVpc does)',
  resourceTypes: ['AWS::EC2::Subnet'],
  controls: {
    'fsbp': ['EC2.15'],
    'pci-dss-4.0': ['1.3.1', '1.4.1', '1.4.4'],
    'nist-800-53-r5': ['AC-4', 'AC-4(21)', 'SC-7(a)', 'SC-7(c)', 'SC-7(3)', 'SC-7(21)'],
    'hipaa': ['164.312(a)(1)', '164.312(e)(1)'],
    'iso-27001-2022': ['A.8.20', 'A.8.22'],
    'nist-csf-2.0': ['PR.IR-01'],
    'gdpr': ['Art. 32'],
  },
  equivalents: {
    'cdk-nag': ['HIPAA.Security-VPCSubnetAutoAssignPublicIpDisabled', 'NIST.800.53.R5-VPCSubnetAutoAssignPublicIpDisabled', 'PCI.DSS.321-VPCSubnetAutoAssignPublicIpDisabled'],
    'cfn-guard': ['CT.EC2.PR.11'],
  },
  check: (subnet) => {
    const map = asBoolean(subnet.properties.MapPublicIpOnLaunch);
    if (map instanceof Unresolved) return unresolved('MapPublicIpOnLaunch', map, 'MapPublicIpOnLaunch');
    if (map === true) return fail('assigns a public IP to every instance launched in it (MapPublicIpOnLaunch true)', 'MapPublicIpOnLaunch');
    return pass('assigns no public IPs');
  },
});
