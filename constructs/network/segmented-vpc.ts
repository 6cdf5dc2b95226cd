import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct, IConstruct } from 'constructs';
import { throwIfProblems } from '../../lib/errors';
import { duplicates, logRetention, noEffect } from '../../lib/validation';
import { checkDataClass, nameKeyAliasSource } from '../data/private/key-naming';
import { SecureBucket } from '../data/secure-bucket';
import { MIN_LOG_RETENTION_DAYS, SecureLogGroup } from '../data/secure-log-group';
import { acknowledgeExternal, EXTERNAL_FINDINGS, ExternalPack, reportedOnlyBy } from '../private/external-checks';
import { warnWeakening, WEAKENINGS } from '../private/weakenings';
import { awsManagedBucketArns } from './private/aws-managed-buckets';
import { formatIpv4, ipv4HostBitsSet, ipv4Network, parseIpv4Cidr, parseIpv6Cidr } from './private/cidr';
import { defineNetworkAcls, TierNetworkAcls } from './private/network-acls';
import { planTiers, VpcLayout } from './private/plan-tiers';
import { ADMIN_PORTS, VpcTier } from './private/tiers';

export { ADMIN_PORTS, EPHEMERAL_PORTS, VpcTier } from './private/tiers';

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
   * Accept `adminIngressCidrs` broader than /16 (never `0.0.0.0/0`), for a corporate network that
   * really is that large. The same named override as `Bastion.allowBroadIngress`; the weakening
   * warning `cdk-security-baseline:segmentedVpc.adminIngress` still says what is admitted.
   *
   * @default false
   */
  readonly allowBroadIngress?: boolean;
  /**
   * Retention of the flow-log log group: a whole number of days, rounded up to the next value
   * CloudWatch Logs accepts.
   *
   * @default Duration.days(365)
   */
  readonly flowLogsRetention?: Duration;
  /**
   * Data class of the flow-log key (its alias is `alias/baseline/<dataClass>`); give each
   * SegmentedVpc in one account and Region its own. The S3 archive key, when defined, uses
   * `<dataClass>-archive`.
   *
   * @default 'vpc-flow-logs'
   */
  readonly flowLogsDataClass?: string;
  /**
   * Accept a retention shorter than 365 days (`flowLogsRetention`). The log group emits the
   * acknowledgeable warning `cdk-security-baseline:logGroup.shortRetention`.
   *
   * @default false
   */
  readonly allowShortRetention?: boolean;
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
    const layout = validateSegmentedVpcProps(this, props, azs);
    nameKeyAliasSource(this, {
      prop: 'flowLogsDataClass',
      value: props.flowLogsDataClass ?? 'vpc-flow-logs',
      fix: 'give each SegmentedVpc its own flowLogsDataClass',
    });

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
      acknowledgeExternal(subnet, EXTERNAL_FINDINGS.VPC_ROUTE_TO_IGW,
        'The public tier exists to hold NAT gateways and internet-facing load balancers, which need the default ' +
          'route to the internet gateway; no subnet assigns public IPs, and the network ACLs deny admin ports.');
    }

    const acls = this.defineNetworkAcls(props, layout.vpcCidr);
    this.publicNetworkAcl = acls.public;
    this.privateNetworkAcl = acls.private;
    this.isolatedNetworkAcl = acls.isolated;

    // Flow logs: ALL traffic, to a CMK-encrypted log group kept a year, optionally also to S3.
    this.flowLogGroup = new SecureLogGroup(this, 'FlowLogs', {
      dataClass: props.flowLogsDataClass ?? 'vpc-flow-logs',
      retention: props.flowLogsRetention,
      allowShortRetention: props.allowShortRetention,
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
      warnWeakening(
        this,
        WEAKENINGS.SEGMENTED_VPC_SINGLE_AZ,
        `the VPC spans ${azs.length} Availability Zone; an outage of that zone takes down every tier (no high availability)`,
      );
    }
    if (props.adminIngressCidrs?.length) {
      warnWeakening(
        this,
        WEAKENINGS.SEGMENTED_VPC_ADMIN_INGRESS,
        `the private tier's network ACL admits SSH and RDP from ${JSON.stringify(props.adminIngressCidrs)}; ` +
          'Session Manager needs no inbound port, so every admitted network widens the attack surface of the workloads',
      );
    }
  }

  /** The network ACL table is in private/network-acls.ts. */
  private defineNetworkAcls(props: SegmentedVpcProps, vpcCidr: string): TierNetworkAcls {
    return defineNetworkAcls(this, this.vpc, {
      vpcCidr,
      publicTierCidr: this.publicTierCidr,
      privateTierCidr: this.privateTierCidr,
      isolatedTierCidr: this.isolatedTierCidr,
      publicIngressPorts: props.publicIngressPorts,
      adminIngressCidrs: props.adminIngressCidrs,
      interfaceEndpoints: (props.interfaceEndpoints?.length ?? 0) > 0,
    });
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
  acknowledgeExternal(provider, reportedOnlyBy(EXTERNAL_FINDINGS.LAMBDA_INSIDE_VPC, ExternalPack.CFN_GUARD),
    `${why}; it calls only the EC2 API, and aws-cdk's custom resource provider cannot be placed in a VPC (CT.LAMBDA.PR.3).`);
}

function pascal(value: string): string {
  return value
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/** Network ACLs hold 20 inbound rules by default; the private tier uses up to 12 plus 2 per admin CIDR. */
const MAX_ADMIN_CIDRS = 4;
const MAX_PUBLIC_PORTS = 10;

/** Validate every prop, and lay out the tiers. Throws one error listing every problem. */
function validateSegmentedVpcProps(scope: Construct, props: SegmentedVpcProps, azs: string[]): VpcLayout {
  const problems: string[] = [];
  // Two subnets of one tier in the same zone would defeat the point of spreading them, and EC2 rejects
  // the VPC at deploy time only after the stack half-exists.
  duplicates('availabilityZones', props.availabilityZones, problems);
  const azCount = new Set(azs).size;
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

  // Tier layout: a pure function (private/plan-tiers.ts), whose problems name this construct's props.
  const layout = planTiers(
    { cidr: props.cidr, azCount, publicCidrMask: props.publicCidrMask, privateCidrMask: props.privateCidrMask, isolatedCidrMask: props.isolatedCidrMask },
    problems,
  );

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
    } else if (parsed.mask < 16 && (!props.allowBroadIngress || parsed.mask === 0)) {
      // allowBroadIngress admits a large corporate network, never the whole internet.
      problems.push(
        `adminIngressCidrs must not hold networks broader than /16 (0.0.0.0/0 would open SSH and RDP to the internet, CIS AWS 5.1), ` +
          `got ${JSON.stringify(cidr)}; list your corporate ranges` +
          (parsed.mask > 0 ? ', or pass allowBroadIngress: true for a network that really is that large' : ''),
      );
    } else if (ipv4HostBitsSet(parsed)) {
      problems.push(`adminIngressCidrs must hold network addresses, got ${JSON.stringify(cidr)}; use ${JSON.stringify(ipv4Network(parsed))}`);
    }
  }

  duplicates('interfaceEndpoints', props.interfaceEndpoints, problems, (service) => service.shortName);
  if (props.organizationId !== undefined && !Token.isUnresolved(props.organizationId) && !/^o-[a-z0-9]{10,32}$/.test(props.organizationId)) {
    problems.push(`organizationId must be an AWS Organizations id such as "o-a1b2c3d4e5", got ${JSON.stringify(props.organizationId)}`);
  }
  if (props.flowLogsToS3 === false) {
    noEffect('flowLogsBucket', props.flowLogsBucket?.node.path, problems, 'flowLogsToS3 is false', 'remove flowLogsBucket or set flowLogsToS3: true');
  }
  // The flow-log children are validated here, in this construct's words: the caller never sees their props.
  const retention = logRetention('flowLogsRetention', props.flowLogsRetention, problems);
  if (retention !== undefined && retention < MIN_LOG_RETENTION_DAYS && !props.allowShortRetention) {
    problems.push(
      `flowLogsRetention must be at least ${MIN_LOG_RETENTION_DAYS} days, got ${retention} days; ` +
        'use Duration.days(365) or longer, or pass allowShortRetention: true to accept a shorter retention with a warning',
    );
  }
  checkDataClass('flowLogsDataClass', props.flowLogsDataClass, problems, '-archive');
  throwIfProblems('SegmentedVpc.InvalidProps', scope, problems);
  return layout;
}
