import { Severity, defineRule, fail, pass, unresolved } from '../../../lib/engine';
import { describeIngress, worldIngress } from '../private/network';

/** Ports that FSBP EC2.18 and CT.EC2.PR.3 accept from anywhere by default (HTTP, HTTPS). */
const AUTHORIZED_PORTS = [80, 443];

/**
 * Security groups admit the internet (0.0.0.0/0, ::/0) only on HTTP and HTTPS. Anything else open to
 * the world is a hygiene finding to review: a warning.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-18
 */
export default defineRule({
  id: 'EC2.SecurityGroupNoOpenIngress',
  severity: Severity.WARNING,
  title: 'Security groups admit the internet only on ports 80 and 443',
  fix: 'Admit other ports only from known networks or security groups; put public services behind a load balancer on 443',
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  controls: {
    'fsbp': ['EC2.18'],
    'pci-dss-4.0': ['1.2.8', '1.3.1', '1.4.1'],
    'nist-800-53-r5': ['AC-4', 'SC-7(a)', 'SC-7(5)', 'SC-7(11)', 'CM-7(b)'],
    'hipaa': ['164.312(a)(1)'],
    'iso-27001-2022': ['A.8.20'],
    'nist-csf-2.0': ['PR.IR-01'],
    'gdpr': ['Art. 32'],
  },
  equivalents: { 'cdk-nag': ['AwsSolutions-EC23'], 'cfn-guard': ['CT.EC2.PR.3'] },
  check: (group) => {
    const result = worldIngress(group);
    if ('unresolved' in result) return unresolved('an ingress rule\'s source or ports', result.unresolved, result.path);
    const open = result.found.filter((p) => !(p.protocol !== 'all' && p.from === p.to && AUTHORIZED_PORTS.includes(p.from)));
    if (open.length > 0) return fail(`admits ${describeIngress(open[0])}; only 80 and 443 may be open to the internet`, open[0].path);
    return pass('the internet is admitted on 80 or 443 only, if at all');
  },
});
