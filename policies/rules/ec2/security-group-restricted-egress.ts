import { Severity, defineRule, fail, pass, unresolved } from '../../../lib/engine';
import { describeIngress, worldEgress } from '../private/network';

/**
 * Security groups do not allow every protocol and port out to the internet (0.0.0.0/0, ::/0): egress is
 * limited to the protocols and ports the workload needs, so a compromised host cannot reach any
 * command-and-control or exfiltration endpoint on any port. A warning: aws-cdk-lib allows all outbound
 * traffic by default (`allowAllOutbound`).
 *
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
 */
export default defineRule({
  id: 'EC2.SecurityGroupRestrictedEgress',
  severity: Severity.WARNING,
  title: 'Security groups do not allow all traffic out to the internet',
  fix: 'Set allowAllOutbound: false and add the egress rules the workload needs (Bastion allows HTTPS out only)',
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupEgress'],
  controls: {
    'pci-dss-4.0': ['1.3.2', '1.4.1'],
    'nist-800-53-r5': ['SC-7(5)', 'SC-7(9)(a)', 'AC-4'],
    'iso-27001-2022': ['A.8.20'],
    'nist-csf-2.0': ['PR.IR-01'],
  },
  check: (group) => {
    const result = worldEgress(group);
    if ('unresolved' in result) return unresolved('an egress rule\'s destination or ports', result.unresolved, result.path);
    const open = result.found.find((p) => p.protocol === 'all' || (p.from === 0 && p.to === 65535));
    if (open) return fail(`allows ${describeIngress(open).replace(' from ', ' to ')}`, open.path);
    return pass('egress to the internet is limited to named protocols and ports');
  },
});
