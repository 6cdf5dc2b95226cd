import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { acknowledgeExternal, EXTERNAL_FINDINGS } from '../../private/external-checks';
import { EPHEMERAL_PORTS, VpcTier } from './tiers';

/** What the network ACL table depends on. */
export interface NetworkAclOptions {
  /** The VPC CIDR (V). */
  readonly vpcCidr: string;
  /** The public tier's block (PUB). */
  readonly publicTierCidr: string;
  /** The private tier's block (PRV). */
  readonly privateTierCidr: string;
  /** The isolated tier's block (ISO). */
  readonly isolatedTierCidr: string;
  /** TCP ports the public tier admits from the internet. */
  readonly publicIngressPorts?: number[];
  /** Networks admitted to SSH and RDP in the private tier. */
  readonly adminIngressCidrs?: string[];
  /** Whether interface endpoints exist (the isolated tier then reaches them over HTTPS). */
  readonly interfaceEndpoints: boolean;
}

/** The three network ACLs. */
export interface TierNetworkAcls {
  readonly public: ec2.NetworkAcl;
  readonly private: ec2.NetworkAcl;
  readonly isolated: ec2.NetworkAcl;
}

/**
 * Define one network ACL per tier.
 *
 * Network ACLs are stateless, so every allowed flow needs its return path too. Rule numbers are
 * evaluated lowest first; the first match wins. V is the VPC CIDR; PUB, PRV, ISO are the tier CIDRs.
 *
 * | Tier     | Dir | Rule    | Action | Source / destination | Traffic                 | Why                                                      |
 * |----------|-----|---------|--------|----------------------|-------------------------|----------------------------------------------------------|
 * | all      | in  | 100-103 | DENY   | 0.0.0.0/0, ::/0      | TCP 22, TCP 3389        | CIS AWS 5.1: no admin ports from anywhere                |
 * | private  | in  | 50-59   | ALLOW  | adminIngressCidrs    | TCP 22, TCP 3389        | optional allow-list, evaluated before the deny           |
 * | public   | in  | 200     | ALLOW  | PRV                  | all                     | workload egress to NAT; responses of LB targets          |
 * | public   | in  | 300     | DENY   | ISO                  | all                     | the data tier never talks to the public tier             |
 * | public   | in  | 400+    | ALLOW  | 0.0.0.0/0            | TCP publicIngressPorts  | load balancer listeners (443 by default)                 |
 * | public   | in  | 500-511 | ALLOW  | 0.0.0.0/0            | TCP, UDP 1024-65535 *   | return traffic of NAT'd connections and LB clients       |
 * | public   | out | 100     | DENY   | ISO                  | all                     | load balancers and NAT never reach the data tier         |
 * | public   | out | 200     | ALLOW  | 0.0.0.0/0            | all                     | NAT to the internet, LB to targets, responses            |
 * | private  | in  | 200     | ALLOW  | PUB                  | all                     | load balancers to targets; NAT'd responses are below     |
 * | private  | in  | 300     | ALLOW  | PRV                  | all                     | east-west between AZs                                    |
 * | private  | in  | 400     | ALLOW  | ISO                  | TCP 443                 | only with interface endpoints: data tier to endpoints    |
 * | private  | in  | 500-511 | ALLOW  | 0.0.0.0/0            | TCP, UDP 1024-65535 *   | responses from the internet (via NAT), endpoints, data   |
 * | private  | out | 100     | ALLOW  | 0.0.0.0/0            | all                     | egress through NAT; calls to the data tier; responses    |
 * | isolated | in  | 200     | ALLOW  | PRV                  | all                     | the only tier that may call the data tier                |
 * | isolated | in  | 300     | ALLOW  | ISO                  | all                     | replication inside the data tier across AZs              |
 * | isolated | in  | 400     | DENY   | V                    | all                     | everything else in the VPC (the public tier)             |
 * | isolated | in  | 500-501 | ALLOW  | 0.0.0.0/0            | TCP 1024-65535 *        | responses of the S3/DynamoDB gateway endpoints           |
 * | isolated | out | 200     | ALLOW  | PRV                  | all                     | responses to workloads; calls to interface endpoints     |
 * | isolated | out | 300     | ALLOW  | ISO                  | all                     | replication inside the data tier                         |
 * | isolated | out | 400     | DENY   | V                    | all                     | nothing else in the VPC                                  |
 * | isolated | out | 500     | ALLOW  | 0.0.0.0/0            | TCP 443                 | S3/DynamoDB gateway endpoints (no internet route exists) |
 *
 * `*` The ephemeral range is written as 1024-3388 and 3390-65535 (rules 500/501 TCP, 510/511 UDP),
 * so that no single entry admits 3389 from 0.0.0.0/0 (CT.EC2.PR.5 judges each entry on its own).
 *
 * Trade-off, forced by Security Hub EC2.21 (CIS AWS Foundations v3.0.0 5.1, AWS Config rule
 * `nacl-no-unrestricted-ssh-rdp`: NON_COMPLIANT "if a NACL inbound entry allows a source TCP or UDP
 * CIDR block for ports 22 or 3389"): a network ACL is stateless and matches only the destination
 * port, so it cannot tell a response that lands on port 3389 from a new RDP connection. NAT
 * gateways, load balancer nodes and Lambda functions pick source ports from 1024-65535, so a
 * connection whose source port happens to be 3389 gets no response: TCP retransmits its SYN from
 * the same port, and the connection times out (about 1 in 64,512 connections on those paths; an
 * application-level retry picks a new port). Linux instances use 32768-61000 and Windows
 * 49152-65535 by default, so their own connections are never affected. Rules 100-103 (deny first)
 * extend the same loss to responses from inside the VPC (a load balancer's connection to a target,
 * a Lambda function's call to the data tier): admitting 3389 from a tier would also admit RDP from it.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-21
 * @see https://docs.aws.amazon.com/config/latest/developerguide/nacl-no-unrestricted-ssh-rdp.html
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html
 *
 * Every ACL ends in the implicit deny (`*`). Rules 500-501 on the isolated tier admit responses from
 * 0.0.0.0/0 because network ACLs cannot name the endpoints' prefix lists; the tier's route table
 * has no internet route, and rule 400 has already denied the rest of the VPC, so only responses
 * can arrive.
 * Amazon DNS, DHCP, instance metadata and Time Sync are not filtered by network ACLs.
 *
 * The admin deny matches every source, inside the VPC too: SSH and RDP between subnets are denied
 * as well (use Session Manager on each host, or list a network, such as the private tier's CIDR, in
 * `adminIngressCidrs`).
 */
export function defineNetworkAcls(scope: Construct, vpc: ec2.IVpc, options: NetworkAclOptions): TierNetworkAcls {
  const vpcCidr = options.vpcCidr;
  const IN = ec2.TrafficDirection.INGRESS;
  const OUT = ec2.TrafficDirection.EGRESS;
  const ALLOW = ec2.Action.ALLOW;
  const DENY = ec2.Action.DENY;
  const anyV4 = ec2.AclCidr.anyIpv4();
  const pub = ec2.AclCidr.ipv4(options.publicTierCidr);
  const prv = ec2.AclCidr.ipv4(options.privateTierCidr);
  const iso = ec2.AclCidr.ipv4(options.isolatedTierCidr);
  const vpcRange = ec2.AclCidr.ipv4(vpcCidr);
  const all = ec2.AclTraffic.allTraffic();
  // Return traffic: the ephemeral range 1024-65535 without 3389, written as two ranges so that no
  // entry admits an admin port from 0.0.0.0/0 even on its own (CT.EC2.PR.5 judges entries singly).
  const allowReturnTraffic = (acl: ec2.NetworkAcl, withUdp: boolean) => {
    const ranges: Array<[string, number, number]> = [
      ['Low', EPHEMERAL_PORTS.from, 3388],
      ['High', 3390, EPHEMERAL_PORTS.to],
    ];
    ranges.forEach(([name, from, to], i) => {
      acl.addEntry(`AllowTcpReturn${name}FromAnyIpv4`, {
        ruleNumber: 500 + i,
        direction: IN,
        ruleAction: ALLOW,
        cidr: anyV4,
        traffic: ec2.AclTraffic.tcpPortRange(from, to),
      });
      if (withUdp) {
        acl.addEntry(`AllowUdpReturn${name}FromAnyIpv4`, {
          ruleNumber: 510 + i,
          direction: IN,
          ruleAction: ALLOW,
          cidr: anyV4,
          traffic: ec2.AclTraffic.udpPortRange(from, to),
        });
      }
    });
  };

  const defineAcl = (id: string, tier: VpcTier) => {
    const acl = new ec2.NetworkAcl(scope, id, { vpc, subnetSelection: { subnetGroupName: tier } });
    acl.addEntry('DenySshFromAnyIpv4', { ruleNumber: 100, direction: IN, ruleAction: DENY, cidr: anyV4, traffic: ec2.AclTraffic.tcpPort(22) });
    acl.addEntry('DenyRdpFromAnyIpv4', { ruleNumber: 101, direction: IN, ruleAction: DENY, cidr: anyV4, traffic: ec2.AclTraffic.tcpPort(3389) });
    acl.addEntry('DenySshFromAnyIpv6', {
      ruleNumber: 102,
      direction: IN,
      ruleAction: DENY,
      cidr: ec2.AclCidr.anyIpv6(),
      traffic: ec2.AclTraffic.tcpPort(22),
    });
    acl.addEntry('DenyRdpFromAnyIpv6', {
      ruleNumber: 103,
      direction: IN,
      ruleAction: DENY,
      cidr: ec2.AclCidr.anyIpv6(),
      traffic: ec2.AclTraffic.tcpPort(3389),
    });
    return acl;
  };

  const publicAcl = defineAcl('PublicNetworkAcl', VpcTier.PUBLIC);
  publicAcl.addEntry('AllowAllFromPrivateTier', { ruleNumber: 200, direction: IN, ruleAction: ALLOW, cidr: prv, traffic: all });
  publicAcl.addEntry('DenyAllFromIsolatedTier', { ruleNumber: 300, direction: IN, ruleAction: DENY, cidr: iso, traffic: all });
  (options.publicIngressPorts ?? [443]).forEach((port, i) =>
    publicAcl.addEntry(`AllowTcp${port}FromAnyIpv4`, {
      ruleNumber: 400 + i,
      direction: IN,
      ruleAction: ALLOW,
      cidr: anyV4,
      traffic: ec2.AclTraffic.tcpPort(port),
    }),
  );
  allowReturnTraffic(publicAcl, true);
  publicAcl.addEntry('DenyAllToIsolatedTier', { ruleNumber: 100, direction: OUT, ruleAction: DENY, cidr: iso, traffic: all });
  publicAcl.addEntry('AllowAllToAnyIpv4', { ruleNumber: 200, direction: OUT, ruleAction: ALLOW, cidr: anyV4, traffic: all });

  const privateAcl = defineAcl('PrivateNetworkAcl', VpcTier.PRIVATE);
  (options.adminIngressCidrs ?? []).forEach((cidr, i) => {
    privateAcl.addEntry(`AllowSshFromAdminCidr${i}`, {
      ruleNumber: 50 + 2 * i,
      direction: IN,
      ruleAction: ALLOW,
      cidr: ec2.AclCidr.ipv4(cidr),
      traffic: ec2.AclTraffic.tcpPort(22),
    });
    privateAcl.addEntry(`AllowRdpFromAdminCidr${i}`, {
      ruleNumber: 51 + 2 * i,
      direction: IN,
      ruleAction: ALLOW,
      cidr: ec2.AclCidr.ipv4(cidr),
      traffic: ec2.AclTraffic.tcpPort(3389),
    });
  });
  privateAcl.addEntry('AllowAllFromPublicTier', { ruleNumber: 200, direction: IN, ruleAction: ALLOW, cidr: pub, traffic: all });
  privateAcl.addEntry('AllowAllFromPrivateTier', { ruleNumber: 300, direction: IN, ruleAction: ALLOW, cidr: prv, traffic: all });
  if (options.interfaceEndpoints) {
    privateAcl.addEntry('AllowHttpsFromIsolatedTier', {
      ruleNumber: 400,
      direction: IN,
      ruleAction: ALLOW,
      cidr: iso,
      traffic: ec2.AclTraffic.tcpPort(443),
    });
  }
  allowReturnTraffic(privateAcl, true);
  privateAcl.addEntry('AllowAllToAnyIpv4', { ruleNumber: 100, direction: OUT, ruleAction: ALLOW, cidr: anyV4, traffic: all });

  const isolatedAcl = defineAcl('IsolatedNetworkAcl', VpcTier.ISOLATED);
  isolatedAcl.addEntry('AllowAllFromPrivateTier', { ruleNumber: 200, direction: IN, ruleAction: ALLOW, cidr: prv, traffic: all });
  isolatedAcl.addEntry('AllowAllFromIsolatedTier', { ruleNumber: 300, direction: IN, ruleAction: ALLOW, cidr: iso, traffic: all });
  isolatedAcl.addEntry('DenyAllFromRestOfVpc', { ruleNumber: 400, direction: IN, ruleAction: DENY, cidr: vpcRange, traffic: all });
  allowReturnTraffic(isolatedAcl, false);
  isolatedAcl.addEntry('AllowAllToPrivateTier', { ruleNumber: 200, direction: OUT, ruleAction: ALLOW, cidr: prv, traffic: all });
  isolatedAcl.addEntry('AllowAllToIsolatedTier', { ruleNumber: 300, direction: OUT, ruleAction: ALLOW, cidr: iso, traffic: all });
  isolatedAcl.addEntry('DenyAllToRestOfVpc', { ruleNumber: 400, direction: OUT, ruleAction: DENY, cidr: vpcRange, traffic: all });
  isolatedAcl.addEntry('AllowHttpsToGatewayEndpoints', {
    ruleNumber: 500,
    direction: OUT,
    ruleAction: ALLOW,
    cidr: anyV4,
    traffic: ec2.AclTraffic.tcpPort(443),
  });

  for (const acl of [publicAcl, privateAcl, isolatedAcl]) {
    acknowledgeExternal(acl, EXTERNAL_FINDINGS.NETWORK_ACL,
      'Network ACLs are the point of SegmentedVpc: they enforce the public, private and isolated tiers ' +
        'below the security groups, and deny SSH and RDP from the internet on every tier (CIS AWS 5.1).');
  }
  return { public: publicAcl, private: privateAcl, isolated: isolatedAcl };
}
