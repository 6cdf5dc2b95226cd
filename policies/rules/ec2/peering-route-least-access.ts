import { Severity, Unresolved, defineRule, fail, notApplicable, pass, unresolved } from '../../../lib/engine';
import { prefixLength } from '../private/network';

/** Broadest IPv4 block a VPC can hold (/16): a peering route broader than it spans more than the peer VPC. */
const MIN_IPV4_PREFIX = 16;
/** Broadest IPv6 block a VPC can hold (/44, through IPAM). */
const MIN_IPV6_PREFIX = 44;

/**
 * Routes through a VPC peering connection send only the peer's own ranges there (CIS AWS 5.5 "least
 * access"): never the default route, and no block broader than a VPC can hold (/16 for IPv4, /44 for
 * IPv6). Managed prefix lists pass.
 *
 * @see https://docs.aws.amazon.com/vpc/latest/peering/peering-configurations-partial-access.html
 */
export default defineRule({
  id: 'EC2.PeeringRouteLeastAccess',
  severity: Severity.ERROR,
  title: 'Routes to VPC peering connections name only the peer\'s ranges',
  fix: 'Route only the peer VPC\'s CIDRs (or the subnets you need) to the peering connection, never 0.0.0.0/0 or ::/0',
  resourceTypes: ['AWS::EC2::Route'],
  controls: {
    'cis-aws-3.0': ['5.5'],
    'pci-dss-4.0': ['1.3.1', '1.4.1'],
    'nist-800-53-r5': ['AC-4', 'AC-4(21)', 'SC-7(a)', 'SC-7(c)'],
    'iso-27001-2022': ['A.8.20', 'A.8.22'],
    'nist-csf-2.0': ['PR.IR-01'],
  },
  check: (route) => {
    const p = route.properties;
    if (p.VpcPeeringConnectionId === undefined) return notApplicable('not a route to a VPC peering connection');
    if (p.DestinationPrefixListId !== undefined) return pass('routes a managed prefix list');
    for (const [key, min] of [['DestinationCidrBlock', MIN_IPV4_PREFIX], ['DestinationIpv6CidrBlock', MIN_IPV6_PREFIX]] as const) {
      const cidr = p[key];
      if (cidr === undefined) continue;
      if (cidr instanceof Unresolved || typeof cidr !== 'string') return unresolved('the route\'s destination', cidr, key);
      const prefix = prefixLength(cidr);
      if (prefix === undefined) return unresolved('the route\'s destination', new Unresolved(`${cidr} is not a CIDR`), key);
      if (prefix < min) return fail(`routes ${cidr} to the peering connection, broader than any peer VPC (/${min}); route only the peer's CIDRs`, key);
      return pass(`routes ${cidr} only`);
    }
    return unresolved('the route\'s destination', new Unresolved('no destination'), 'DestinationCidrBlock');
  },
});
