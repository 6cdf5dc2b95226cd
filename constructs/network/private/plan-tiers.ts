import { Token } from 'aws-cdk-lib';
import { formatIpv4, ipv4HostBitsSet, ipv4Network, parseIpv4Cidr } from './cidr';
import { VpcTier } from './tiers';

/** One tier's place in the VPC. */
export interface TierLayout {
  /** Prefix length of each subnet. */
  readonly mask: number;
  /** First address of the tier's block. */
  readonly start: number;
  /** The tier's block, aligned on its size. */
  readonly tierCidr: string;
}

/** Where the VPC and each of its tiers sit. */
export interface VpcLayout {
  readonly vpcCidr: string;
  readonly tiers: Record<VpcTier, TierLayout>;
}

/** What the layout depends on: `SegmentedVpc`'s props of the same names, and the AZ count. */
export interface TierPlanInput {
  /** @default '10.0.0.0/16' */
  readonly cidr?: string;
  readonly azCount: number;
  /** @default 24 */
  readonly publicCidrMask?: number;
  /** @default 20 */
  readonly privateCidrMask?: number;
  /** @default 22 */
  readonly isolatedCidrMask?: number;
}

const DEFAULT_MASKS: Record<VpcTier, number> = { [VpcTier.PUBLIC]: 24, [VpcTier.PRIVATE]: 20, [VpcTier.ISOLATED]: 22 };
const MASK_PROPS: Record<VpcTier, 'publicCidrMask' | 'privateCidrMask' | 'isolatedCidrMask'> = {
  [VpcTier.PUBLIC]: 'publicCidrMask',
  [VpcTier.PRIVATE]: 'privateCidrMask',
  [VpcTier.ISOLATED]: 'isolatedCidrMask',
};

/**
 * Lay out the three tiers in the VPC CIDR.
 *
 * Each tier is one block aligned on its own size: the AZ count rounded up to a power of two, times the
 * subnet size; tiers follow each other in the order public, private, isolated. Pure: it pushes one
 * problem per bad input (named as `SegmentedVpc`'s props) and returns the layout of the tiers it could
 * place. The layout is meaningful only when no problem was pushed.
 */
export function planTiers(input: TierPlanInput, problems: string[]): VpcLayout {
  const props = input;
  const azCount = input.azCount;
  const cidrText = props.cidr ?? '10.0.0.0/16';
  let vpc = { address: 0, mask: 16 };

  if (Token.isUnresolved(cidrText)) {
    problems.push('cidr must be a literal CIDR such as "10.0.0.0/16" (the subnets and network ACLs are computed from it), got a token');
  } else {
    const parsed = parseIpv4Cidr(cidrText);
    if (!parsed) {
      problems.push(`cidr must be an IPv4 CIDR such as "10.0.0.0/16", got ${JSON.stringify(cidrText)}`);
    } else if (parsed.mask < 16 || parsed.mask > 28) {
      problems.push(`cidr must have a prefix length from /16 to /28 (the VPC limits), got ${JSON.stringify(cidrText)}`);
    } else if (ipv4HostBitsSet(parsed)) {
      problems.push(`cidr must be a network address, got ${JSON.stringify(cidrText)}; use ${JSON.stringify(ipv4Network(parsed))}`);
    } else {
      vpc = parsed;
    }
  }

  // Tier layout: each tier is an aligned block of (AZs rounded up to a power of two) subnets.
  const slots = 2 ** Math.ceil(Math.log2(Math.max(azCount, 1)));
  const tiers = {} as Record<VpcTier, TierLayout>;
  let next = vpc.address;
  const vpcEnd = vpc.address + 2 ** (32 - vpc.mask);
  const needed: string[] = [];
  let fits = true;
  for (const tier of [VpcTier.PUBLIC, VpcTier.PRIVATE, VpcTier.ISOLATED]) {
    const prop = MASK_PROPS[tier];
    const mask = props[prop] ?? DEFAULT_MASKS[tier];
    if (!Number.isInteger(mask) || mask < 16 || mask > 28) {
      problems.push(`${prop} must be a whole number from 16 to 28 (the subnet limits), got ${JSON.stringify(mask)}`);
      fits = false;
      continue;
    }
    if (mask < vpc.mask) {
      problems.push(
        `${prop} /${mask} makes each ${tier.toLowerCase()} subnet larger than the whole VPC (${formatIpv4(vpc.address, vpc.mask)}); ` +
          `use a prefix length of at least /${vpc.mask}`,
      );
      fits = false;
      continue;
    }
    const blockSize = slots * 2 ** (32 - mask);
    const start = Math.ceil((next - vpc.address) / blockSize) * blockSize + vpc.address;
    const blockMask = 32 - Math.log2(blockSize);
    tiers[tier] = { mask, start, tierCidr: formatIpv4(start, Math.max(blockMask, 0)) };
    needed.push(`${tier.toLowerCase()} ${azCount} x /${mask} (block ${blockMask >= vpc.mask ? formatIpv4(start, blockMask) : `/${blockMask}`})`);
    next = start + blockSize;
  }
  if (fits && next > vpcEnd) {
    problems.push(
      `the tiers do not fit in cidr ${formatIpv4(vpc.address, vpc.mask)}: they need ${needed.join(', ')}, which would overlap ` +
        'each other or run past the end of the VPC; use a larger cidr or larger publicCidrMask/privateCidrMask/isolatedCidrMask values (smaller subnets)',
    );
  }

  return { vpcCidr: formatIpv4(vpc.address, vpc.mask), tiers };
}
