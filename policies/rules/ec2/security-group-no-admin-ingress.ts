import { Severity, defineRule, fail, pass, unresolved } from '../../../lib/engine';
import { ADMIN_PORTS, coversTcpPort, describeIngress, worldIngress } from '../private/network';

/**
 * Security groups never admit SSH (22) or RDP (3389) from 0.0.0.0/0 or ::/0, through an inline rule or an
 * `AWS::EC2::SecurityGroupIngress`. A rule for every protocol, or a port range that spans 22 or 3389,
 * counts as admitting them.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-13
 */
export default defineRule({
  id: 'EC2.SecurityGroupNoAdminIngress',
  severity: Severity.ERROR,
  title: 'Security groups do not admit SSH or RDP from the internet',
  fix: 'Reach instances with Session Manager (Bastion has no inbound rule), or admit only your networks (BastionIngress.fromCidrs)',
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  nonWaivable: true,
  controls: {
    'cis-aws-3.0': ['5.2', '5.3'],
    'pci-dss-4.0': ['1.2.8', '1.3.1', '1.4.1'],
    'nist-800-53-r5': ['AC-4', 'AC-17(b)', 'SC-7(a)', 'SC-7(c)', 'SC-7(5)', 'SC-7(11)', 'CM-7(b)'],
    'hipaa': ['164.312(a)(1)', '164.312(e)(1)'],
    'iso-27001-2022': ['A.8.20', 'A.8.22'],
    'nist-csf-2.0': ['PR.IR-01', 'PR.AA-05'],
    'gdpr': ['Art. 32'],
  },
  equivalents: {
    'cdk-nag': ['HIPAA.Security-EC2RestrictedSSH', 'NIST.800.53.R5-EC2RestrictedSSH', 'PCI.DSS.321-EC2RestrictedSSH'],
    'cfn-guard': ['CT.EC2.PR.4'],
  },
  check: (group) => {
    const result = worldIngress(group);
    if ('unresolved' in result) return unresolved('an ingress rule\'s source or ports', result.unresolved, result.path);
    const open = result.found.filter((p) => ADMIN_PORTS.some((port) => coversTcpPort(p, port)));
    if (open.length > 0) return fail(`admits ${describeIngress(open[0])}, which includes SSH or RDP`, open[0].path);
    return pass('no ingress rule admits SSH or RDP from the internet');
  },
});
