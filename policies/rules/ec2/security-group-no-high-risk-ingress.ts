import { Severity, defineRule, fail, pass, unresolved } from '../../../lib/engine';
import { HIGH_RISK_PORTS, coversPort, describeIngress, worldIngress } from '../private/network';

/**
 * Security groups never admit the high-risk ports of FSBP EC2.19 (FTP, Telnet, SMTP, SMB, database and
 * search engine ports, SSH, RDP, ...) from 0.0.0.0/0 or ::/0, over TCP or UDP.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19
 */
export default defineRule({
  id: 'EC2.SecurityGroupNoHighRiskIngress',
  severity: Severity.ERROR,
  title: 'Security groups do not admit high-risk ports from the internet',
  fix: 'Admit database, file-sharing and admin ports only from the security groups or networks that need them (ec2.Peer.securityGroupId, a VPC CIDR)',
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  controls: {
    'fsbp': ['EC2.19'],
    'pci-dss-4.0': ['1.2.8', '1.3.1', '1.4.1'],
    'nist-800-53-r5': ['AC-4', 'SC-7(a)', 'SC-7(c)', 'SC-7(5)', 'SC-7(11)', 'CM-7(b)'],
    'hipaa': ['164.312(a)(1)', '164.312(e)(1)'],
    'iso-27001-2022': ['A.8.20', 'A.8.22'],
    'nist-csf-2.0': ['PR.IR-01'],
    'gdpr': ['Art. 32'],
  },
  equivalents: {
    'cdk-nag': ['HIPAA.Security-EC2RestrictedCommonPorts', 'NIST.800.53.R5-EC2RestrictedCommonPorts', 'PCI.DSS.321-EC2RestrictedCommonPorts'],
    'cfn-guard': ['CT.EC2.PR.4'],
  },
  check: (group) => {
    const result = worldIngress(group);
    if ('unresolved' in result) return unresolved('an ingress rule\'s source or ports', result.unresolved, result.path);
    for (const p of result.found) {
      const ports = HIGH_RISK_PORTS.filter((port) => coversPort(p, port));
      if (ports.length > 0) return fail(`admits ${describeIngress(p)}, which includes high-risk port(s) ${ports.slice(0, 6).join(', ')}`, p.path);
    }
    return pass('no ingress rule admits a high-risk port from the internet');
  },
});
