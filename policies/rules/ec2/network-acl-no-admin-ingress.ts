import { Severity, Unresolved, asBoolean, asNumber, defineRule, fail, isPlainObject, notApplicable, pass, unresolved } from '../../../lib/engine';
import { ADMIN_PORTS, isWorldCidr, normaliseProtocol } from '../private/network';

/**
 * No network ACL entry allows ingress from 0.0.0.0/0 or ::/0 to SSH (22) or RDP (3389). Each entry is
 * judged on its own, as CT.EC2.PR.5 does: an allow entry for every protocol, or a TCP range spanning 22
 * or 3389, fails even if a lower-numbered deny precedes it (SegmentedVpc writes its return-traffic
 * range as 1024-3388 and 3390-65535 for this reason).
 *
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html
 */
export default defineRule({
  id: 'EC2.NetworkAclNoAdminIngress',
  severity: Severity.ERROR,
  title: 'Network ACL entries do not allow SSH or RDP from the internet',
  fix: 'Allow admin ports only from your networks (SegmentedVpc adminIngressCidrs) and split port ranges around 22 and 3389',
  resourceTypes: ['AWS::EC2::NetworkAclEntry'],
  nonWaivable: true,
  controls: {
    'cis-aws-3.0': ['5.1'],
    'fsbp': ['EC2.21'],
    'pci-dss-4.0': ['1.2.8', '1.3.1', '1.4.1'],
    'nist-800-53-r5': ['AC-4', 'AC-17(b)', 'SC-7(a)', 'SC-7(c)', 'SC-7(5)', 'SC-7(11)', 'CM-7(b)'],
    'hipaa': ['164.312(a)(1)', '164.312(e)(1)'],
    'iso-27001-2022': ['A.8.20', 'A.8.22'],
    'nist-csf-2.0': ['PR.IR-01'],
    'gdpr': ['Art. 32'],
  },
  equivalents: { 'cfn-guard': ['CT.EC2.PR.5'] },
  check: (entry) => {
    const p = entry.properties;
    const egress = asBoolean(p.Egress);
    if (egress instanceof Unresolved) return unresolved('whether the entry is egress', egress, 'Egress');
    if (egress === true) return notApplicable('egress entry');
    const action = p.RuleAction;
    if (action instanceof Unresolved) return unresolved('the entry\'s action', action, 'RuleAction');
    if (String(action).toLowerCase() !== 'allow') return pass(`${String(action)} entry`);
    for (const key of ['CidrBlock', 'Ipv6CidrBlock']) {
      if (p[key] instanceof Unresolved) return unresolved('the entry\'s source CIDR', p[key], key);
    }
    const cidr = [p.CidrBlock, p.Ipv6CidrBlock].find(isWorldCidr);
    if (cidr === undefined) return pass('the entry does not allow the whole internet');
    const protocol = normaliseProtocol(p.Protocol);
    if (protocol instanceof Unresolved) return unresolved('the entry\'s protocol', protocol, 'Protocol');
    if (protocol === 'all') return fail(`allows every protocol and port from ${String(cidr)}, including SSH and RDP`, 'Protocol');
    if (protocol !== 'tcp') return pass(`allows ${protocol} only`);
    const range = p.PortRange;
    if (range instanceof Unresolved) return unresolved('the entry\'s port range', range, 'PortRange');
    if (!isPlainObject(range)) return fail(`allows every TCP port from ${String(cidr)}, including SSH and RDP`, 'PortRange');
    const from = asNumber(range.From);
    const to = asNumber(range.To);
    if (from instanceof Unresolved || to instanceof Unresolved) return unresolved('the entry\'s port range', range, 'PortRange');
    const lo = from ?? 0;
    const hi = to ?? 65535;
    const hit = ADMIN_PORTS.filter((port) => lo <= port && port <= hi);
    if (hit.length > 0) return fail(`allows TCP ${lo}-${hi} from ${String(cidr)}, which includes port ${hit.join(' and ')}`, 'PortRange');
    return pass(`allows TCP ${lo}-${hi} only, no admin port`);
  },
});
