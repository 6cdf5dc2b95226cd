/** Ports that remote administration uses (SSH, RDP): never open to the internet (CIS AWS 5.1). */
export const ADMIN_PORTS = [22, 3389];

/** First and last port of the ephemeral range that return traffic uses (NAT gateways use 1024-65535). */
export const EPHEMERAL_PORTS = { from: 1024, to: 65535 };

/** Subnet group names of the three tiers, for `vpc.selectSubnets({ subnetGroupName })`. */
export enum VpcTier {
  /** Load balancers and NAT gateways; no instances by default. */
  PUBLIC = 'Public',
  /** Workloads, with egress through NAT. */
  PRIVATE = 'Private',
  /** Data stores, with no route to the internet. */
  ISOLATED = 'Isolated',
}
