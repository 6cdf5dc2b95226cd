import { Severity, Unresolved, asBoolean, defineRule, fail, pass, unresolved } from '../../../lib/engine';

/**
 * Network interfaces keep source/destination checking on (`SourceDestCheck` not false), so an
 * interface only sends and receives its own traffic. Turning it off is for NAT instances and network
 * appliances, which need a reviewed acknowledgment.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-180
 */
export default defineRule({
  id: 'EC2.SourceDestCheck',
  severity: Severity.WARNING,
  title: 'Network interfaces and instances keep source/destination checking on',
  fix: 'Leave sourceDestCheck at true; use NAT gateways instead of NAT instances (SegmentedVpc does)',
  resourceTypes: ['AWS::EC2::NetworkInterface', 'AWS::EC2::Instance'],
  controls: {
    'nist-800-53-r5': ['AC-4', 'SC-7(a)'],
    'iso-27001-2022': ['A.8.20'],
    'nist-csf-2.0': ['PR.IR-01'],
  },
  check: (resource) => {
    const check = asBoolean(resource.properties.SourceDestCheck);
    if (check instanceof Unresolved) return unresolved('SourceDestCheck', check, 'SourceDestCheck');
    if (check === false) return fail('source/destination checking is off: the interface forwards traffic that is not its own', 'SourceDestCheck');
    return pass('source/destination checking is on');
  },
});
