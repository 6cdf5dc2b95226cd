// Shared reading of EC2 network settings: security-group ingress rules, network ACL entries, CIDRs and
// references between EC2 resources (instances, launch templates, subnets, VPCs).
import { Resource, ResourceRef, TemplateSet, Unresolved, asList, asNumber, isPlainObject, isResourceRef, unresolvedIn } from '../../../lib/engine';

/** Remote administration ports (SSH, RDP), CIS AWS 5.1-5.3. */
export const ADMIN_PORTS = [22, 3389];

/**
 * Ports that FSBP EC2.19 and Control Tower CT.EC2.PR.4 call high risk: never open to the internet.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19
 */
export const HIGH_RISK_PORTS = [20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300];

/** True for the CIDRs that mean "the whole internet". */
export function isWorldCidr(value: unknown): boolean {
  return value === '0.0.0.0/0' || value === '::/0' || value === '::0/0';
}

/** One ingress permission that admits the whole internet, normalised. */
export interface WorldIngress {
  /** Property path of the permission, for the finding (`SecurityGroupIngress.0`, or `''` for the resource itself). */
  readonly path: string;
  readonly cidr: string;
  /** `tcp`, `udp`, `icmp`, `icmpv6` or `all`. */
  readonly protocol: string;
  /** First and last port covered (0-65535 when every port is). */
  readonly from: number;
  readonly to: number;
}

/**
 * The ingress permissions of a security group (inline `SecurityGroupIngress`) or of an
 * `AWS::EC2::SecurityGroupIngress` that admit 0.0.0.0/0 or ::/0. Returns the first unresolved value a
 * judgement needs instead, with its path (fail closed).
 */
export function worldIngress(resource: Resource): { found: WorldIngress[] } | { unresolved: unknown; path: string } {
  return worldPermissions(resource, 'SecurityGroupIngress', ['CidrIp', 'CidrIpv6']);
}

/**
 * The egress permissions of a security group (inline `SecurityGroupEgress`) or of an
 * `AWS::EC2::SecurityGroupEgress` that reach 0.0.0.0/0 or ::/0, like `worldIngress`.
 */
export function worldEgress(resource: Resource): { found: WorldIngress[] } | { unresolved: unknown; path: string } {
  return worldPermissions(resource, 'SecurityGroupEgress', ['CidrIp', 'CidrIpv6']);
}

function worldPermissions(resource: Resource, inlineKey: string, cidrKeys: string[]): { found: WorldIngress[] } | { unresolved: unknown; path: string } {
  const rules: Array<[string, unknown]> =
    resource.type === 'AWS::EC2::SecurityGroup'
      ? (() => {
        const list = resource.properties[inlineKey];
        if (list instanceof Unresolved) return [[inlineKey, list]];
        return asList(list).map((r, i): [string, unknown] => [`${inlineKey}.${i}`, r]);
      })()
      : [['', resource.properties]];
  const found: WorldIngress[] = [];
  for (const [path, rule] of rules) {
    if (!isPlainObject(rule)) return { unresolved: rule, path };
    const cidrs = cidrKeys.map((k) => rule[k]).filter((c) => c !== undefined);
    const gap = cidrs.find((c) => unresolvedIn([c]).length > 0 || c instanceof Unresolved);
    if (gap !== undefined) return { unresolved: gap, path: join(path, 'CidrIp') };
    const cidr = cidrs.find(isWorldCidr);
    if (cidr === undefined) continue;
    const protocol = normaliseProtocol(rule.IpProtocol);
    if (protocol instanceof Unresolved) return { unresolved: protocol, path: join(path, 'IpProtocol') };
    if (protocol === 'all') {
      found.push({ path, cidr: String(cidr), protocol, from: 0, to: 65535 });
      continue;
    }
    const from = asNumber(rule.FromPort);
    const to = asNumber(rule.ToPort);
    if (from instanceof Unresolved) return { unresolved: from, path: join(path, 'FromPort') };
    if (to instanceof Unresolved) return { unresolved: to, path: join(path, 'ToPort') };
    // A missing or -1 port range means every port (EC2 accepts -1 for "all" with tcp and udp).
    const all = from === undefined || from === -1 || to === undefined || to === -1;
    found.push({ path, cidr: String(cidr), protocol, from: all ? 0 : from, to: all ? 65535 : to });
  }
  return { found };
}

/** True when the permission admits TCP (or every protocol) on `port`. */
export function coversTcpPort(p: WorldIngress, port: number): boolean {
  return (p.protocol === 'tcp' || p.protocol === 'all') && p.from <= port && port <= p.to;
}

/** True when the permission admits TCP or UDP (or every protocol) on `port`. */
export function coversPort(p: WorldIngress, port: number): boolean {
  return (p.protocol === 'tcp' || p.protocol === 'udp' || p.protocol === 'all') && p.from <= port && port <= p.to;
}

/** Readable form of a permission: `tcp 22 from 0.0.0.0/0`. */
export function describeIngress(p: WorldIngress): string {
  const ports = p.protocol === 'all' ? 'every protocol and port' : p.from === p.to ? `${p.protocol} ${p.from}` : `${p.protocol} ${p.from}-${p.to}`;
  return `${ports} from ${p.cidr}`;
}

/** `tcp`/`6`, `udp`/`17`, `icmp`/`1`, `icmpv6`/`58`, `-1`/`all` (security groups and network ACLs). */
export function normaliseProtocol(value: unknown): string | Unresolved {
  if (value instanceof Unresolved) return value;
  const text = String(value ?? '').toLowerCase();
  const names: Record<string, string> = { '-1': 'all', 'all': 'all', '6': 'tcp', 'tcp': 'tcp', '17': 'udp', 'udp': 'udp', '1': 'icmp', 'icmp': 'icmp', '58': 'icmpv6', 'icmpv6': 'icmpv6' };
  if (value === undefined || value === null) return new Unresolved('no IpProtocol');
  return names[text] ?? text;
}

/** True when `value` is a reference to `target` (a `Ref`, `Fn::GetAtt`, or its `${Id}` text). */
export function refersToResource(value: unknown, target: Resource, attribute?: string): boolean {
  if (isResourceRef(value)) {
    return value.logicalId === target.logicalId && value.templatePath === target.template.path && (attribute === undefined || value.attribute === attribute);
  }
  if (typeof value !== 'string') return false;
  return attribute === undefined ? value === `\${${target.logicalId}}` || value.startsWith(`\${${target.logicalId}.`) : value === `\${${target.logicalId}.${attribute}}`;
}

/** The resource a value refers to (`Ref`/`Fn::GetAtt`), when it is in the set. */
export function referenced(set: TemplateSet, value: unknown): Resource | undefined {
  return value instanceof ResourceRef ? set.deref(value) : undefined;
}

/**
 * The launch template an instance uses (`LaunchTemplate.LaunchTemplateId` as a reference, or
 * `LaunchTemplateName` matching a template of the set). `undefined` when it uses none; an `Unresolved`
 * when it names one the set cannot show.
 */
export function launchTemplateOf(set: TemplateSet, instance: Resource): Resource | Unresolved | undefined {
  const spec = instance.properties.LaunchTemplate;
  if (spec === undefined) return undefined;
  if (!isPlainObject(spec)) return new Unresolved('a launch template specification that is not an object');
  const byId = referenced(set, spec.LaunchTemplateId);
  if (byId) return byId;
  if (typeof spec.LaunchTemplateName === 'string') {
    const byName = set.ofType('AWS::EC2::LaunchTemplate').find((t) => t.properties.LaunchTemplateName === spec.LaunchTemplateName);
    if (byName) return byName;
  }
  return new Unresolved(`launch template ${String(spec.LaunchTemplateId ?? spec.LaunchTemplateName)} is not in the templates`);
}

/** Prefix length of a CIDR, or undefined when it is not one. */
export function prefixLength(cidr: string): number | undefined {
  const m = /^([0-9a-fA-F:.]+)\/(\d{1,3})$/.exec(cidr);
  return m ? Number(m[2]) : undefined;
}

function join(path: string, prop: string): string {
  return path === '' ? prop : `${path}.${prop}`;
}
