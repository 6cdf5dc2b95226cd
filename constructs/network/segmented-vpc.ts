import { Annotations, Aws, CfnCondition, Fn, Stack, Token, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct, IConstruct } from 'constructs';
import { throwIfProblems } from '../../lib/errors';
import { SecureBucket } from '../data/secure-bucket';
import { SecureLogGroup } from '../data/secure-log-group';
import { formatIpv4, ipv4HostBitsSet, ipv4Network, parseIpv4Cidr, parseIpv6Cidr } from './private/cidr';

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

export interface SegmentedVpcProps {
  /**
   * IPv4 CIDR of the VPC, with a prefix length from /16 to /28.
   *
   * @default '10.0.0.0/16'
   */
  readonly cidr?: string;
  /**
   * How many Availability Zones to use, taken in order from the stack's environment.
   *
   * @default 3 (2 in an environment-agnostic stack, where CloudFormation picks them with Fn::GetAZs)
   */
  readonly maxAzs?: number;
  /**
   * Availability Zones to use, by name. Pass this or `maxAzs`, not both.
   *
   * @default - the first `maxAzs` zones of the stack's environment
   */
  readonly availabilityZones?: string[];
  /**
   * Accept a VPC in a single Availability Zone. Emits the acknowledgeable warning
   * `cdk-security-baseline:segmentedVpc.singleAz`.
   *
   * @default false
   */
  readonly allowSingleAz?: boolean;
  /**
   * Prefix length of each public subnet (one per AZ), /16 to /28.
   *
   * @default 24
   */
  readonly publicCidrMask?: number;
  /**
   * Prefix length of each private (workload) subnet (one per AZ), /16 to /28.
   *
   * @default 20
   */
  readonly privateCidrMask?: number;
  /**
   * Prefix length of each isolated (data) subnet (one per AZ), /16 to /28.
   *
   * @default 22
   */
  readonly isolatedCidrMask?: number;
  /**
   * Number of NAT gateways, from 1 to the number of AZs. Fewer than one per AZ saves cost, but an AZ
   * outage then cuts egress for the other AZs.
   *
   * @default - one per AZ
   */
  readonly natGateways?: number;
  /**
   * TCP ports that the public tier's network ACL admits from the internet (load balancer listeners).
   * 22 and 3389 are never allowed.
   *
   * @default [443]
   */
  readonly publicIngressPorts?: number[];
  /**
   * IPv4 CIDRs (no broader than /16, at most 4) from which the private tier's network ACL admits
   * SSH (22) and RDP (3389), for example your corporate network reaching a `Bastion` over VPN or
   * Direct Connect. Emits the acknowledgeable warning `cdk-security-baseline:segmentedVpc.adminIngress`.
   *
   * @default - none: admin ports are denied from everywhere on every tier (use Session Manager)
   */
  readonly adminIngressCidrs?: string[];
  /**
   * Retention of the flow-log log group.
   *
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly flowLogsRetention?: logs.RetentionDays;
  /**
   * Data class of the flow-log key (its alias is `alias/baseline/<dataClass>`); give each
   * SegmentedVpc in one account and Region its own. The S3 archive key, when defined, uses
   * `<dataClass>-archive`.
   *
   * @default 'vpc-flow-logs'
   */
  readonly flowLogsDataClass?: string;
  /**
   * Accept a flow-log retention shorter than 365 days. The log group emits the acknowledgeable
   * warning `cdk-security-baseline:logGroup.shortRetention`.
   *
   * @default false
   */
  readonly allowShortFlowLogsRetention?: boolean;
  /**
   * Also deliver flow logs to S3, into a `SecureBucket` defined here (or `flowLogsBucket`).
   *
   * @default - false, unless `flowLogsBucket` is given
   */
  readonly flowLogsToS3?: boolean;
  /**
   * Bucket for the second flow-log destination. If it is encrypted with a customer-managed key,
   * the key must let `delivery.logs.amazonaws.com` generate data keys.
   *
   * @default - a `SecureBucket` when `flowLogsToS3` is true, otherwise no S3 destination
   */
  readonly flowLogsBucket?: s3.IBucket;
  /**
   * Interface endpoints to define in the private tier (private DNS on, HTTPS from the VPC only, and
   * the same account or organization policy as the gateway endpoints). For example
   * `[ec2.InterfaceVpcEndpointAwsService.SSM, ...SSM_MESSAGES, ...EC2_MESSAGES]` for Session Manager
   * without NAT.
   *
   * @default - none
   */
  readonly interfaceEndpoints?: ec2.InterfaceVpcEndpointAwsService[];
  /**
   * AWS Organizations id (`o-...`). When set, endpoint policies admit principals of the organization
   * (`aws:PrincipalOrgID`) instead of principals of this account (`aws:PrincipalAccount`).
   *
   * @default - principals of this account only
   */
  readonly organizationId?: string;
  /**
   * Let the S3 gateway endpoint also admit anonymous `s3:GetObject` on the AWS-owned buckets that the
   * Amazon Linux 2023 package repositories (`dnf`) and Systems Manager (SSM Agent updates, SSM
   * documents, Distributor, Patch Manager) read in the stack's Region. Those
   * requests are unsigned, so the account or organization statement cannot admit them; without this
   * statement `dnf update`, SSM Agent updates and patching fail from the private and isolated tiers.
   * Only the bucket names those services document are listed, read-only (the list and its sources
   * are in the comment on `awsManagedBucketArns`). Pass false to admit nothing but this account's
   * (or organization's) principals.
   *
   * @default true
   */
  readonly allowAwsManagedBuckets?: boolean;
  /**
   * The VPC's Name tag.
   *
   * @default - the construct path
   */
  readonly vpcName?: string;
}

/**
 * A three-tier VPC: public (load balancers and NAT only), private (workloads, egress through NAT) and
 * isolated (data, no route to the internet), with network ACLs that enforce the tiers.
 *
 * Default settings:
 * - `10.0.0.0/16` over up to 3 AZs; subnets /24 public, /20 private, /22 isolated; each tier is one
 *   aligned block (`publicTierCidr`, ...), so network ACLs name a tier with one entry and tiers can
 *   never overlap;
 * - one NAT gateway per AZ; no subnet assigns public IPs, not even the public one;
 * - one network ACL per tier (see the table in `defineNetworkAcls`); 22 and 3389 denied from
 *   0.0.0.0/0 and ::/0 on every tier (CIS AWS 5.1);
 * - the default security group has every rule removed (CIS AWS 5.4);
 * - flow logs of ALL traffic to a `SecureLogGroup` (CMK, 365 days), optionally also to S3;
 * - S3 and DynamoDB gateway endpoints whose policies admit only this account's (or organization's)
 *   principals, plus read-only access to the AWS-owned buckets of the Amazon Linux 2023 repositories
 *   and Systems Manager in the stack's Region (`allowAwsManagedBuckets`).
 */
export class SegmentedVpc extends Construct {
  /** The VPC, usable anywhere an `ec2.IVpc` is expected. */
  public readonly vpc: ec2.Vpc;
  /** The block that holds every public subnet. */
  public readonly publicTierCidr: string;
  /** The block that holds every private subnet. */
  public readonly privateTierCidr: string;
  /** The block that holds every isolated subnet. */
  public readonly isolatedTierCidr: string;
  /** Network ACL of the public tier. */
  public readonly publicNetworkAcl: ec2.NetworkAcl;
  /** Network ACL of the private tier. */
  public readonly privateNetworkAcl: ec2.NetworkAcl;
  /** Network ACL of the isolated tier. */
  public readonly isolatedNetworkAcl: ec2.NetworkAcl;
  /** Log group that receives the flow logs. */
  public readonly flowLogGroup: SecureLogGroup;
  /** Role that VPC Flow Logs assumes to write to `flowLogGroup`. */
  public readonly flowLogRole: iam.Role;
  /** Flow log to CloudWatch Logs. */
  public readonly flowLog: ec2.FlowLog;
  /** Flow log to S3, when enabled. */
  public readonly s3FlowLog?: ec2.FlowLog;
  /** Bucket of the S3 flow log, when enabled. */
  public readonly flowLogsBucket?: s3.IBucket;
  /**
   * The S3 gateway endpoint. Add statements with `addToPolicy()` to reach buckets of other accounts
   * (the AWS-owned buckets of Amazon Linux 2023 and Systems Manager are admitted by `allowAwsManagedBuckets`).
   */
  public readonly s3Endpoint: ec2.GatewayVpcEndpoint;
  /** The DynamoDB gateway endpoint. */
  public readonly dynamoDbEndpoint: ec2.GatewayVpcEndpoint;
  /** Interface endpoints, in the order of `interfaceEndpoints`. */
  public readonly interfaceEndpoints: ec2.InterfaceVpcEndpoint[];
  /** Security group of the interface endpoints (HTTPS from the VPC), when any are defined. */
  public readonly endpointSecurityGroup?: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: SegmentedVpcProps = {}) {
    super(scope, id);
    const stack = Stack.of(this);
    // With an env-specific stack the CDK reads the Region's AZ names from context (cdk.context.json);
    // with an env-agnostic stack it uses Fn::GetAZs. Either way, no fromLookup.
    const azs = props.availabilityZones ?? stack.availabilityZones.slice(0, props.maxAzs ?? 3);
    const layout = validateSegmentedVpcProps(this, props, azs.length);

    this.publicTierCidr = layout.tiers[VpcTier.PUBLIC].tierCidr;
    this.privateTierCidr = layout.tiers[VpcTier.PRIVATE].tierCidr;
    this.isolatedTierCidr = layout.tiers[VpcTier.ISOLATED].tierCidr;

    this.vpc = new ec2.Vpc(this, 'Vpc', {
      vpcName: props.vpcName,
      ipAddresses: new TierAlignedIpAddresses(layout),
      availabilityZones: azs,
      natGateways: props.natGateways ?? azs.length,
      natGatewaySubnets: { subnetGroupName: VpcTier.PUBLIC },
      enableDnsHostnames: true,
      enableDnsSupport: true,
      createInternetGateway: true,
      // Removes every rule of the default security group through aws-cdk's custom resource; see
      // acknowledgeRestrictDefaultSgProvider for why that Lambda is acceptable.
      restrictDefaultSecurityGroup: true,
      subnetConfiguration: [
        // No subnet assigns public IPs: NAT gateways and load balancers get their own addresses, and
        // nothing else belongs in the public tier (CT.EC2.PR.11).
        { name: VpcTier.PUBLIC, subnetType: ec2.SubnetType.PUBLIC, cidrMask: layout.tiers[VpcTier.PUBLIC].mask, mapPublicIpOnLaunch: false },
        { name: VpcTier.PRIVATE, subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: layout.tiers[VpcTier.PRIVATE].mask },
        { name: VpcTier.ISOLATED, subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: layout.tiers[VpcTier.ISOLATED].mask },
      ],
      gatewayEndpoints: {},
    });
    acknowledgeRestrictDefaultSgProvider(stack);
    for (const subnet of this.vpc.publicSubnets) {
      const reason =
        'The public tier exists to hold NAT gateways and internet-facing load balancers, which need the default ' +
        'route to the internet gateway; no subnet assigns public IPs, and the network ACLs deny admin ports.';
      Validations.of(subnet).acknowledge(
        { id: 'HIPAA.Security::HIPAA.Security-VPCNoUnrestrictedRouteToIGW', reason },
        { id: 'NIST.800.53.R5::NIST.800.53.R5-VPCNoUnrestrictedRouteToIGW', reason },
        { id: 'PCI.DSS.321::PCI.DSS.321-VPCNoUnrestrictedRouteToIGW', reason },
      );
    }

    const acls = this.defineNetworkAcls(props, layout.vpcCidr);
    this.publicNetworkAcl = acls.public;
    this.privateNetworkAcl = acls.private;
    this.isolatedNetworkAcl = acls.isolated;

    // Flow logs: ALL traffic, to a CMK-encrypted log group kept a year, optionally also to S3.
    this.flowLogGroup = new SecureLogGroup(this, 'FlowLogs', {
      dataClass: props.flowLogsDataClass ?? 'vpc-flow-logs',
      retention: props.flowLogsRetention,
      allowShortRetention: props.allowShortFlowLogsRetention,
    });
    // The delivery role is ours, with a customer-managed policy (no inline policy: HIPAA/NIST/PCI
    // IAMNoInlinePolicy), and a trust policy scoped to this account's flow logs (confused deputy).
    this.flowLogRole = new iam.Role(this, 'FlowLogRole', {
      description: 'Lets VPC Flow Logs deliver to the flow-log log group',
      assumedBy: new iam.ServicePrincipal('vpc-flow-logs.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': `arn:${stack.partition}:ec2:${stack.region}:${stack.account}:vpc-flow-log/*` },
        },
      }),
    });
    new iam.ManagedPolicy(this, 'FlowLogPolicy', {
      description: 'Write VPC flow logs to one log group',
      roles: [this.flowLogRole],
      statements: [
        new iam.PolicyStatement({
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          resources: [this.flowLogGroup.logGroup.logGroupArn],
        }),
      ],
    });
    this.flowLog = new ec2.FlowLog(this, 'FlowLog', {
      resourceType: ec2.FlowLogResourceType.fromVpc(this.vpc),
      // withoutPolicyUpdates: the CDK would otherwise add the same statement again as an inline policy.
      destination: ec2.FlowLogDestination.toCloudWatchLogs(this.flowLogGroup.logGroup, this.flowLogRole.withoutPolicyUpdates()),
      trafficType: ec2.FlowLogTrafficType.ALL,
      maxAggregationInterval: ec2.FlowLogMaxAggregationInterval.ONE_MINUTE,
    });
    if (props.flowLogsBucket || props.flowLogsToS3) {
      this.flowLogsBucket = props.flowLogsBucket ?? this.defineFlowLogsBucket(`${props.flowLogsDataClass ?? 'vpc-flow-logs'}-archive`);
      this.s3FlowLog = new ec2.FlowLog(this, 'S3FlowLog', {
        resourceType: ec2.FlowLogResourceType.fromVpc(this.vpc),
        destination: ec2.FlowLogDestination.toS3(this.flowLogsBucket, 'vpc-flow-logs/'),
        trafficType: ec2.FlowLogTrafficType.ALL,
        maxAggregationInterval: ec2.FlowLogMaxAggregationInterval.ONE_MINUTE,
      });
    }

    // Gateway endpoints, always on: S3 and DynamoDB traffic stays on the AWS network, and the isolated
    // tier can reach them without any internet route.
    const allSubnets = [{ subnetGroupName: VpcTier.PRIVATE }, { subnetGroupName: VpcTier.ISOLATED }];
    this.s3Endpoint = this.vpc.addGatewayEndpoint('S3Endpoint', { service: ec2.GatewayVpcEndpointAwsService.S3, subnets: allSubnets });
    this.dynamoDbEndpoint = this.vpc.addGatewayEndpoint('DynamoDbEndpoint', {
      service: ec2.GatewayVpcEndpointAwsService.DYNAMODB,
      subnets: allSubnets,
    });
    this.s3Endpoint.addToPolicy(endpointPolicyStatement(this, props.organizationId));
    if (props.allowAwsManagedBuckets ?? true) {
      this.s3Endpoint.addToPolicy(
        new iam.PolicyStatement({
          sid: 'AllowReadOfAwsManagedBuckets',
          // SSM Agent and dnf read these buckets anonymously: no principal condition can match them.
          principals: [new iam.AnyPrincipal()],
          actions: ['s3:GetObject'],
          resources: awsManagedBucketArns(this),
        }),
      );
    }
    this.dynamoDbEndpoint.addToPolicy(endpointPolicyStatement(this, props.organizationId));

    this.interfaceEndpoints = [];
    if (props.interfaceEndpoints?.length) {
      this.endpointSecurityGroup = new ec2.SecurityGroup(this, 'EndpointSecurityGroup', {
        vpc: this.vpc,
        description: 'Interface endpoints: HTTPS from inside the VPC only',
        allowAllOutbound: false,
      });
      this.endpointSecurityGroup.addIngressRule(ec2.Peer.ipv4(layout.vpcCidr), ec2.Port.tcp(443), 'HTTPS from the VPC');
      for (const service of props.interfaceEndpoints) {
        const endpoint = this.vpc.addInterfaceEndpoint(`${pascal(service.shortName)}Endpoint`, {
          service,
          privateDnsEnabled: true,
          subnets: { subnetGroupName: VpcTier.PRIVATE },
          securityGroups: [this.endpointSecurityGroup],
          open: false,
        });
        endpoint.addToPolicy(endpointPolicyStatement(this, props.organizationId));
        this.interfaceEndpoints.push(endpoint);
      }
    }

    if (azs.length < 2 && props.allowSingleAz) {
      Annotations.of(this).addWarningV2(
        'cdk-security-baseline:segmentedVpc.singleAz',
        `the VPC spans ${azs.length} Availability Zone; an outage of that zone takes down every tier (no high availability)`,
      );
    }
    if (props.adminIngressCidrs?.length) {
      Annotations.of(this).addWarningV2(
        'cdk-security-baseline:segmentedVpc.adminIngress',
        `the private tier's network ACL admits SSH and RDP from ${JSON.stringify(props.adminIngressCidrs)}; ` +
          'Session Manager needs no inbound port, so every admitted network widens the attack surface of the workloads',
      );
    }
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
  private defineNetworkAcls(
    props: SegmentedVpcProps,
    vpcCidr: string,
  ): { public: ec2.NetworkAcl; private: ec2.NetworkAcl; isolated: ec2.NetworkAcl } {
    const IN = ec2.TrafficDirection.INGRESS;
    const OUT = ec2.TrafficDirection.EGRESS;
    const ALLOW = ec2.Action.ALLOW;
    const DENY = ec2.Action.DENY;
    const anyV4 = ec2.AclCidr.anyIpv4();
    const pub = ec2.AclCidr.ipv4(this.publicTierCidr);
    const prv = ec2.AclCidr.ipv4(this.privateTierCidr);
    const iso = ec2.AclCidr.ipv4(this.isolatedTierCidr);
    const vpc = ec2.AclCidr.ipv4(vpcCidr);
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
      const acl = new ec2.NetworkAcl(this, id, { vpc: this.vpc, subnetSelection: { subnetGroupName: tier } });
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
    (props.publicIngressPorts ?? [443]).forEach((port, i) =>
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
    (props.adminIngressCidrs ?? []).forEach((cidr, i) => {
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
    if (props.interfaceEndpoints?.length) {
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
    isolatedAcl.addEntry('DenyAllFromRestOfVpc', { ruleNumber: 400, direction: IN, ruleAction: DENY, cidr: vpc, traffic: all });
    allowReturnTraffic(isolatedAcl, false);
    isolatedAcl.addEntry('AllowAllToPrivateTier', { ruleNumber: 200, direction: OUT, ruleAction: ALLOW, cidr: prv, traffic: all });
    isolatedAcl.addEntry('AllowAllToIsolatedTier', { ruleNumber: 300, direction: OUT, ruleAction: ALLOW, cidr: iso, traffic: all });
    isolatedAcl.addEntry('DenyAllToRestOfVpc', { ruleNumber: 400, direction: OUT, ruleAction: DENY, cidr: vpc, traffic: all });
    isolatedAcl.addEntry('AllowHttpsToGatewayEndpoints', {
      ruleNumber: 500,
      direction: OUT,
      ruleAction: ALLOW,
      cidr: anyV4,
      traffic: ec2.AclTraffic.tcpPort(443),
    });

    for (const acl of [publicAcl, privateAcl, isolatedAcl]) {
      Validations.of(acl).acknowledge({
        id: 'AwsSolutions::AwsSolutions-VPC3',
        reason:
          'Network ACLs are the point of SegmentedVpc: they enforce the public, private and isolated tiers ' +
          'below the security groups, and deny SSH and RDP from the internet on every tier (CIS AWS 5.1).',
      });
    }
    return { public: publicAcl, private: privateAcl, isolated: isolatedAcl };
  }

  /** A SecureBucket for the S3 flow log, whose key admits the log delivery service of this account. */
  private defineFlowLogsBucket(dataClass: string): s3.IBucket {
    const stack = Stack.of(this);
    const archive = new SecureBucket(this, 'FlowLogsArchive', { dataClass });
    archive.dataKey?.allowServiceUse({
      service: 'delivery.logs.amazonaws.com',
      sid: 'AllowLogDeliveryForThisAccount',
      actions: ['kms:GenerateDataKey*', 'kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:DescribeKey'],
      sourceArn: `arn:${stack.partition}:logs:${stack.region}:${stack.account}:*`,
    });
    return archive.bucket;
  }
}

/** One tier's place in the VPC. */
interface TierLayout {
  /** Prefix length of each subnet. */
  readonly mask: number;
  /** First address of the tier's block. */
  readonly start: number;
  /** The tier's block, aligned on its size. */
  readonly tierCidr: string;
}

interface VpcLayout {
  readonly vpcCidr: string;
  readonly tiers: Record<VpcTier, TierLayout>;
}

/**
 * Allocate subnets tier by tier: each tier gets one block aligned on its own size (its AZ count
 * rounded up to a power of two, times the subnet size), and each subnet sits at its AZ's slot in
 * that block. Unlike a plain sequential allocation, a later tier with larger subnets can never start
 * inside an earlier one.
 */
class TierAlignedIpAddresses implements ec2.IIpAddresses {
  constructor(private readonly layout: VpcLayout) {}

  public allocateVpcCidr(): ec2.VpcIpamOptions {
    return { cidrBlock: this.layout.vpcCidr };
  }

  public allocateSubnetsCidr(input: ec2.AllocateCidrRequest): ec2.SubnetIpamOptions {
    const seen: Record<string, number> = {};
    return {
      allocatedSubnets: input.requestedSubnets.map((request) => {
        const name = request.configuration.name as VpcTier;
        const tier = this.layout.tiers[name];
        const index = seen[name] ?? 0;
        seen[name] = index + 1;
        return { cidr: formatIpv4(tier.start + index * 2 ** (32 - tier.mask), tier.mask) };
      }),
    };
  }
}

function endpointPolicyStatement(scope: IConstruct, organizationId?: string): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: organizationId ? 'AllowPrincipalsOfThisOrganization' : 'AllowPrincipalsOfThisAccount',
    principals: [new iam.AnyPrincipal()],
    actions: ['*'],
    resources: ['*'],
    conditions: organizationId
      ? { StringEquals: { 'aws:PrincipalOrgID': organizationId } }
      : { StringEquals: { 'aws:PrincipalAccount': Stack.of(scope).account } },
  });
}

/**
 * Object ARNs of the AWS-owned buckets that the Amazon Linux 2023 repositories and Systems Manager
 * document as required through an S3 VPC endpoint, for the stack's Region. Sources (checked Nov 2026):
 *
 * - Amazon Linux 2023 `dnf` repositories: `al2023-repos-<region>-de612dc2` (the AL2023 mirrorlist;
 *   "Kernel Live Patching on AL2023", https://docs.aws.amazon.com/linux/al2023/ug/live-patching.html,
 *   as listed by AWS's data perimeter examples,
 *   https://github.com/aws-samples/data-perimeter-policy-examples/tree/main/vpc_endpoint_policies).
 * - SSM Agent: "SSM Agent communications with AWS managed S3 buckets",
 *   https://docs.aws.amazon.com/systems-manager/latest/userguide/ssm-agent-minimum-s3-permissions.html:
 *   `aws-windows-downloads-<region>`, `amazon-ssm-<region>` (agent updates),
 *   `amazon-ssm-packages-<region>`, `<region>-birdwatcher-prod` (all Regions except af-south-1 and
 *   eu-south-1), `aws-ssm-distributor-file-<region>` (only af-south-1 and eu-south-1),
 *   `aws-ssm-document-attachments-<region>`, `patch-baseline-snapshot-<region>`, `aws-ssm-<region>`.
 *   "Create VPC endpoints" (https://docs.aws.amazon.com/systems-manager/latest/userguide/setup-create-vpc.html)
 *   requires the same list in the endpoint policy.
 * - Patch Manager: "Reference: Amazon S3 buckets for patching operations",
 *   https://docs.aws.amazon.com/systems-manager/latest/userguide/patch-operations-s3-buckets.html:
 *   `aws-patch-manager-<region>-<suffix>` and the Regions whose snapshot bucket has a suffix.
 *
 * Left out on purpose: `aws-patchmanager-macos-*` (EC2 Mac instances only) and any write or list
 * action (every source grants `s3:GetObject` only). With a literal Region the list is that Region's
 * names. In an environment-agnostic stack the Region-dependent names are chosen by CloudFormation
 * conditions, and the suffixed bucket names of every documented Region are listed: each is an
 * AWS-owned bucket, and a gateway endpoint reaches only buckets in its own Region.
 */
function awsManagedBucketArns(scope: Construct): string[] {
  const stack = Stack.of(scope);
  const region = stack.region;
  const arn = (bucket: string) => `arn:${stack.partition}:s3:::${bucket}/*`;
  const arns = [
    arn(`al2023-repos-${region}-de612dc2`),
    arn(`amazon-ssm-${region}`),
    arn(`amazon-ssm-packages-${region}`),
    arn(`aws-ssm-${region}`),
    arn(`aws-ssm-document-attachments-${region}`),
    arn(`aws-windows-downloads-${region}`),
  ];

  if (!Token.isUnresolved(region)) {
    arns.push(arn(DISTRIBUTOR_FILE_REGIONS.includes(region) ? `aws-ssm-distributor-file-${region}` : `${region}-birdwatcher-prod`));
    arns.push(arn(SUFFIXED_SNAPSHOT_BUCKETS[region] ?? `patch-baseline-snapshot-${region}`));
    const patchManager = PATCH_MANAGER_BUCKETS[region];
    if (patchManager) {
      arns.push(arn(patchManager));
    } else {
      Annotations.of(scope).addInfo(
        `the Patch Manager bucket (aws-patch-manager-${region}-<suffix>) of ${region} is not in the documented list; ` +
          'add it with s3Endpoint.addToPolicy() if you patch instances with Patch Manager',
      );
    }
    return arns;
  }

  const regionIs = (id: string, names: string[]) =>
    new CfnCondition(scope, id, {
      expression: Fn.conditionOr(...names.map((name) => Fn.conditionEquals(Aws.REGION, name))),
    });
  const distributorFileRegion = regionIs('AwsManagedBucketsDistributorFileRegion', DISTRIBUTOR_FILE_REGIONS);
  const suffixedSnapshotRegion = regionIs('AwsManagedBucketsSuffixedSnapshotRegion', Object.keys(SUFFIXED_SNAPSHOT_BUCKETS));
  arns.push(Fn.conditionIf(distributorFileRegion.logicalId, arn(`aws-ssm-distributor-file-${region}`), arn(`${region}-birdwatcher-prod`)).toString());
  arns.push(Fn.conditionIf(suffixedSnapshotRegion.logicalId, Aws.NO_VALUE, arn(`patch-baseline-snapshot-${region}`)).toString());
  arns.push(...Object.values(SUFFIXED_SNAPSHOT_BUCKETS).map(arn));
  arns.push(...Object.values(PATCH_MANAGER_BUCKETS).map(arn));
  return arns;
}

/** Regions where Distributor reads `aws-ssm-distributor-file-<region>` instead of `<region>-birdwatcher-prod`. */
const DISTRIBUTOR_FILE_REGIONS = ['af-south-1', 'eu-south-1'];

/** Patch baseline snapshot buckets whose name carries a suffix (patch-operations-s3-buckets). */
const SUFFIXED_SNAPSHOT_BUCKETS: Record<string, string> = {
  'af-south-1': 'patch-baseline-snapshot-af-south-1-tbxdb5b9',
  'ap-south-2': 'patch-baseline-snapshot-ap-south-2-50209442',
  'ap-southeast-3': 'patch-baseline-snapshot-ap-southeast-3-be0a3174',
  'ap-southeast-4': 'patch-baseline-snapshot-ap-southeast-4-dc6f76ce',
  'eu-south-2': 'patch-baseline-snapshot-eu-south-2-df2c9d70',
  'me-south-1': 'patch-baseline-snapshot-me-south-1-uduvl7q8',
};

/** Buckets with the Patch Manager documents for Linux and Windows Server, per Region (patch-operations-s3-buckets). */
const PATCH_MANAGER_BUCKETS: Record<string, string> = {
  'us-east-2': 'aws-patch-manager-us-east-2-552881074',
  'us-east-1': 'aws-patch-manager-us-east-1-1970c647d',
  'us-west-1': 'aws-patch-manager-us-west-1-8badb4304',
  'us-west-2': 'aws-patch-manager-us-west-2-34d7f99f8',
  'af-south-1': 'aws-patch-manager-af-south-1-bdd5f65a9',
  'ap-east-1': 'aws-patch-manager-ap-east-1-632356271',
  'ap-south-2': 'aws-patch-manager-ap-south-2-32f4b4128',
  'ap-southeast-3': 'aws-patch-manager-ap-southeast-3-aa48fc462',
  'ap-southeast-4': 'aws-patch-manager-ap-southeast-4-01e2c40d3',
  'ap-south-1': 'aws-patch-manager-ap-south-1-cb7c62ff9',
  'ap-northeast-3': 'aws-patch-manager-ap-northeast-3-67373598a',
  'ap-northeast-2': 'aws-patch-manager-ap-northeast-2-10467995c',
  'ap-southeast-1': 'aws-patch-manager-ap-southeast-1-7fdfd9ef7',
  'ap-southeast-2': 'aws-patch-manager-ap-southeast-2-17283a275',
  'ap-northeast-1': 'aws-patch-manager-ap-northeast-1-4849fa78f',
  'ca-central-1': 'aws-patch-manager-ca-central-1-3148e69e3',
  'ca-west-1': 'aws-patch-manager-ca-west-1-9e3a4b2f9',
  'eu-central-1': 'aws-patch-manager-eu-central-1-9163fdaaf',
  'eu-west-1': 'aws-patch-manager-eu-west-1-5522fb710',
  'eu-west-2': 'aws-patch-manager-eu-west-2-902a2bc74',
  'eu-south-1': 'aws-patch-manager-eu-south-1-c52f3f594',
  'eu-west-3': 'aws-patch-manager-eu-west-3-29bf85721',
  'eu-south-2': 'aws-patch-manager-eu-south-2-a4cf248b1',
  'eu-north-1': 'aws-patch-manager-eu-north-1-795879e9b',
  'eu-central-2': 'aws-patch-manager-eu-central-2-184ce43c8',
  'il-central-1': 'aws-patch-manager-il-central-1-e221cb57b',
  'me-south-1': 'aws-patch-manager-me-south-1-a53fc9dce',
  'me-central-1': 'aws-patch-manager-me-central-1-2932f2f80',
  'sa-east-1': 'aws-patch-manager-sa-east-1-ddf4b6a09',
};

/**
 * `restrictDefaultSecurityGroup` is the only CloudFormation-native way to empty the default security
 * group (CloudFormation cannot delete the rules EC2 creates with it). aws-cdk defines one provider
 * Lambda per stack for it (a raw CfnResource, so cdk-nag's Lambda rules do not see it); the Control
 * Tower rule that does is acknowledged here with its reason.
 */
function acknowledgeRestrictDefaultSgProvider(stack: Stack): void {
  const provider = stack.node.tryFindChild('Custom::VpcRestrictDefaultSGCustomResourceProvider');
  if (!provider) return;
  const why =
    'This is aws-cdk\'s own provider for restrictDefaultSecurityGroup (CIS AWS 5.4), the only way CloudFormation ' +
    'can remove the default security group\'s rules; it runs only during stack deployments';
  Validations.of(provider).acknowledge({
    id: 'cdk-validator-cfnguard::lambda_inside_vpc_check',
    reason: `${why}; it calls only the EC2 API, and aws-cdk's custom resource provider cannot be placed in a VPC (CT.LAMBDA.PR.3).`,
  });
}

function pascal(value: string): string {
  return value
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

const DEFAULT_MASKS: Record<VpcTier, number> = { [VpcTier.PUBLIC]: 24, [VpcTier.PRIVATE]: 20, [VpcTier.ISOLATED]: 22 };
const MASK_PROPS: Record<VpcTier, 'publicCidrMask' | 'privateCidrMask' | 'isolatedCidrMask'> = {
  [VpcTier.PUBLIC]: 'publicCidrMask',
  [VpcTier.PRIVATE]: 'privateCidrMask',
  [VpcTier.ISOLATED]: 'isolatedCidrMask',
};
/** Network ACLs hold 20 inbound rules by default; the private tier uses up to 12 plus 2 per admin CIDR. */
const MAX_ADMIN_CIDRS = 4;
const MAX_PUBLIC_PORTS = 10;

/** Validate every prop, and lay out the tiers. Throws one error listing every problem. */
function validateSegmentedVpcProps(scope: Construct, props: SegmentedVpcProps, azCount: number): VpcLayout {
  const problems: string[] = [];
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

  if (props.availabilityZones && props.maxAzs !== undefined) {
    problems.push(`pass availabilityZones or maxAzs, not both (got availabilityZones ${JSON.stringify(props.availabilityZones)} and maxAzs ${props.maxAzs})`);
  }
  if (props.maxAzs !== undefined && (!Number.isInteger(props.maxAzs) || props.maxAzs < 1)) {
    problems.push(`maxAzs must be a whole number of at least 1, got ${JSON.stringify(props.maxAzs)}`);
  } else if (azCount < 2 && !props.allowSingleAz) {
    problems.push(
      `the VPC must span at least 2 Availability Zones for high availability, got ${azCount}; ` +
        'raise maxAzs or list more availabilityZones, or pass allowSingleAz: true to accept one zone with a warning',
    );
  }
  if (props.natGateways !== undefined && (!Number.isInteger(props.natGateways) || props.natGateways < 1 || props.natGateways > Math.max(azCount, 1))) {
    problems.push(
      `natGateways must be a whole number from 1 to the number of AZs (${azCount}), got ${JSON.stringify(props.natGateways)}; ` +
        'the private tier needs NAT for its egress',
    );
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

  for (const port of props.publicIngressPorts ?? []) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      problems.push(`publicIngressPorts must hold TCP ports from 1 to 65535, got ${JSON.stringify(port)}`);
    } else if (ADMIN_PORTS.includes(port)) {
      problems.push(`publicIngressPorts must not contain admin port ${port} (CIS AWS 5.1); reach instances with Session Manager instead`);
    }
  }
  if ((props.publicIngressPorts ?? []).length > MAX_PUBLIC_PORTS) {
    problems.push(`publicIngressPorts may hold at most ${MAX_PUBLIC_PORTS} ports (network ACL rule quota), got ${props.publicIngressPorts!.length}`);
  }

  const adminCidrs = props.adminIngressCidrs ?? [];
  if (adminCidrs.length > MAX_ADMIN_CIDRS) {
    problems.push(`adminIngressCidrs may hold at most ${MAX_ADMIN_CIDRS} CIDRs (network ACL rule quota), got ${adminCidrs.length}; summarise them`);
  }
  for (const cidr of adminCidrs) {
    if (Token.isUnresolved(cidr)) continue;
    const parsed = parseIpv4Cidr(cidr);
    if (!parsed) {
      const hint = parseIpv6Cidr(cidr) ? ' (the VPC is IPv4-only)' : '';
      problems.push(`adminIngressCidrs must hold IPv4 CIDRs such as "203.0.113.0/24"${hint}, got ${JSON.stringify(cidr)}`);
    } else if (parsed.mask < 16) {
      problems.push(
        `adminIngressCidrs must not hold networks broader than /16 (0.0.0.0/0 would open SSH and RDP to the internet, CIS AWS 5.1), ` +
          `got ${JSON.stringify(cidr)}; list your corporate ranges`,
      );
    } else if (ipv4HostBitsSet(parsed)) {
      problems.push(`adminIngressCidrs must hold network addresses, got ${JSON.stringify(cidr)}; use ${JSON.stringify(ipv4Network(parsed))}`);
    }
  }

  const shortNames = (props.interfaceEndpoints ?? []).map((service) => service.shortName);
  const repeated = shortNames.filter((name, i) => shortNames.indexOf(name) !== i);
  if (repeated.length > 0) {
    problems.push(`interfaceEndpoints must list each service once, got ${JSON.stringify(repeated)} more than once`);
  }
  if (props.organizationId !== undefined && !Token.isUnresolved(props.organizationId) && !/^o-[a-z0-9]{10,32}$/.test(props.organizationId)) {
    problems.push(`organizationId must be an AWS Organizations id such as "o-a1b2c3d4e5", got ${JSON.stringify(props.organizationId)}`);
  }
  if (props.flowLogsBucket && props.flowLogsToS3 === false) {
    problems.push('flowLogsBucket was given but flowLogsToS3 is false; remove one of them');
  }
  throwIfProblems('SegmentedVpc.InvalidProps', scope, problems);
  return { vpcCidr: formatIpv4(vpc.address, vpc.mask), tiers };
}
