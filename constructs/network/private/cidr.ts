/**
 * CIDR parsing for validation and subnet layout. Internal: not exported from the package.
 *
 * Written here rather than imported from `net` because constructs import only aws-cdk-lib,
 * constructs and the repo's own modules.
 */

/** A parsed IPv4 CIDR: the network address as an unsigned 32-bit number and the prefix length. */
export interface Ipv4Cidr {
  readonly address: number;
  readonly mask: number;
}

/** A parsed IPv6 CIDR: the prefix length, and whether host bits are set after it. */
export interface Ipv6Cidr {
  readonly mask: number;
  readonly hostBitsSet: boolean;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parse `a.b.c.d/n`; undefined when it is not an IPv4 CIDR. */
export function parseIpv4Cidr(value: string): Ipv4Cidr | undefined {
  const m = IPV4.exec(value.trim());
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const mask = Number(m[5]);
  if (octets.some((o) => o > 255) || mask > 32) return undefined;
  if (m.slice(1, 5).some((o) => o.length > 1 && o.startsWith('0'))) return undefined;
  const address = ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
  return { address, mask };
}

/** True when bits after the prefix are set (`10.0.0.1/16`). */
export function ipv4HostBitsSet(cidr: Ipv4Cidr): boolean {
  return cidr.mask < 32 && cidr.address % 2 ** (32 - cidr.mask) !== 0;
}

/** The network address of a CIDR with its host bits cleared, as `a.b.c.d/n`. */
export function ipv4Network(cidr: Ipv4Cidr): string {
  const size = 2 ** (32 - cidr.mask);
  return formatIpv4(cidr.address - (cidr.address % size), cidr.mask);
}

/** Format an address number and prefix as `a.b.c.d/n`. */
export function formatIpv4(address: number, mask: number): string {
  return `${[24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.')}/${mask}`;
}

/** Parse an IPv6 CIDR (`2001:db8::/32`); undefined when it is not one. */
export function parseIpv6Cidr(value: string): Ipv6Cidr | undefined {
  const [addr, maskText, ...rest] = value.trim().split('/');
  if (rest.length > 0 || maskText === undefined || !/^\d{1,3}$/.test(maskText)) return undefined;
  const mask = Number(maskText);
  if (mask > 128) return undefined;
  const halves = addr.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (![...head, ...tail].every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const given = head.length + tail.length;
  if (halves.length === 1 ? given !== 8 : given > 7) return undefined;
  const groups = [...head, ...Array(8 - given).fill('0'), ...tail].map((g) => parseInt(g, 16));
  let hostBitsSet = false;
  for (let bit = mask; bit < 128; bit++) {
    if ((groups[Math.floor(bit / 16)] >> (15 - (bit % 16))) & 1) hostBitsSet = true;
  }
  return { mask, hostBitsSet };
}
