import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { throwIfProblems } from '../../lib/errors';
import { logRetention } from '../../lib/validation';
import { DataKey } from '../data/data-key';
import { checkDataClass, nameKeyAliasSource } from '../data/private/key-naming';
import { MIN_LOG_RETENTION_DAYS, SecureLogGroup } from '../data/secure-log-group';
import { acknowledgeExternal, EXTERNAL_FINDINGS } from '../private/external-checks';
import { warnWeakening, WEAKENINGS } from '../private/weakenings';
import { ipv4HostBitsSet, ipv4Network, parseIpv4Cidr, parseIpv6Cidr } from './private/cidr';

/** Narrowest IPv4 prefix accepted without `allowBroadIngress`. */
export const BASTION_MIN_IPV4_PREFIX = 16;
/** Narrowest IPv6 prefix accepted without `allowBroadIngress`. */
export const BASTION_MIN_IPV6_PREFIX = 48;
/**
 * Name of the Session Manager preferences document, which holds the preferences of every session in
 * the account and Region.
 *
 * @see https://docs.aws.amazon.com/systems-manager/latest/userguide/getting-started-create-preferences-cli.html
 */
export const SESSION_PREFERENCES_DOCUMENT = 'SSM-SessionManagerRunShell';

/**
 * Who may reach the bastion's SSH (or RDP) port directly, besides Session Manager.
 */
export class BastionIngress {
  /** The CIDRs admitted. */
  public readonly cidrs: string[];
  /** The prefix list admitted, if any. */
  public readonly prefixListId?: string;

  private constructor(cidrs: string[], prefixListId: string | undefined) {
    this.cidrs = cidrs;
    this.prefixListId = prefixListId;
  }

  /**
   * Admit an allow-list of IPv4 or IPv6 CIDRs. Each must be no broader than /16 (IPv4) or /48 (IPv6);
   * `0.0.0.0/0` and `::/0` are rejected unless `allowBroadIngress` is set.
   */
  public static fromCidrs(...cidrs: string[]): BastionIngress {
    return new BastionIngress(cidrs, undefined);
  }

  /** Admit a managed prefix list (`pl-...`), for example your corporate ranges. */
  public static fromPrefixList(prefixListId: string): BastionIngress {
    return new BastionIngress([], prefixListId);
  }
}

export interface BastionProps {
  /** The VPC, for example `SegmentedVpc.vpc`. */
  readonly vpc: ec2.IVpc;
  /**
   * Where to place the instance. Public subnets are rejected.
   *
   * @default - the VPC's private subnets with egress (the private tier of a `SegmentedVpc`)
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
  /**
   * Instance type. The default image follows its architecture (arm64 or x86_64).
   *
   * @default c7g.medium (Graviton, Nitro encryption in transit)
   */
  readonly instanceType?: ec2.InstanceType;
  /**
   * Image.
   *
   * @default - the latest Amazon Linux 2023 for the instance's architecture, read from the public SSM parameter at deploy time
   */
  readonly machineImage?: ec2.IMachineImage;
  /**
   * Root volume size in GiB.
   *
   * @default 8
   */
  readonly volumeSizeGiB?: number;
  /**
   * Direct SSH/RDP ingress, besides Session Manager.
   *
   * @default - none: no inbound rule at all
   */
  readonly ingress?: BastionIngress;
  /**
   * Port that `ingress` admits.
   *
   * @default ec2.Port.tcp(22)
   */
  readonly ingressPort?: ec2.Port;
  /**
   * Accept ingress CIDRs broader than /16 (IPv4) or /48 (IPv6), including the whole internet. Emits the
   * acknowledgeable warning `cdk-security-baseline:bastion.broadIngress`.
   *
   * @default false
   */
  readonly allowBroadIngress?: boolean;
  /**
   * Data class of the bastion's key (alias `alias/baseline/<dataClass>`); the session log group's key
   * uses `<dataClass>-session-logs`. Give each bastion in one account and Region its own.
   *
   * @default 'bastion'
   */
  readonly dataClass?: string;
  /**
   * Define the account-wide Session Manager preferences document (`SSM-SessionManagerRunShell`) and its
   * session key, so that every session in the account and Region (to any managed instance, not only the
   * bastion) is logged to `sessionLogGroup` and encrypted with `sessionKey`. Turn this off if the
   * account and Region already have that document (the deployment would fail), or if another bastion
   * in the same account and Region defines it.
   *
   * @default true
   */
  readonly sessionManagerPreferences?: boolean;
  /**
   * Retention of the session log group: a whole number of days, rounded up to the next value
   * CloudWatch Logs accepts.
   *
   * @default Duration.days(365)
   */
  readonly sessionLogsRetention?: Duration;
  /**
   * Accept a retention shorter than 365 days (`sessionLogsRetention`). The log group emits the
   * acknowledgeable warning `cdk-security-baseline:logGroup.shortRetention`.
   *
   * @default false
   */
  readonly allowShortRetention?: boolean;
}

/**
 * A bastion host reached through AWS Systems Manager Session Manager: no inbound rule, no public IP.
 *
 * Default settings:
 * - in the private tier, with `AssociatePublicIpAddress: false`, and with no inbound security-group rule; egress only
 *   HTTPS (Session Manager, AWS APIs);
 * - IMDSv2 required with a hop limit of 1;
 * - the root volume encrypted with a `DataKey` that EC2 may use only through `kms:ViaService`;
 * - an instance role with only the Session Manager actions (no `AmazonSSMManagedInstanceCore`);
 * - sessions logged to a `SecureLogGroup` and encrypted end to end with a session key of their own
 *   (`sessionKey`), through the account's Session Manager preferences document; the key admits the
 *   account's instance roles and operators for Session Manager sessions only, so sessions to the
 *   account's other managed instances keep working (`grantSessionDecrypt()` for their roles);
 * - latest Amazon Linux 2023, resolved at deploy time (no context lookup);
 * - detailed monitoring, EBS optimization and termination protection on.
 */
export class Bastion extends Construct implements ec2.IConnectable, iam.IGrantable {
  /** The instance. */
  public readonly instance: ec2.Instance;
  /** The instance role. */
  public readonly role: iam.Role;
  /** The instance's security group. */
  public readonly securityGroup: ec2.SecurityGroup;
  /** Network connections of the instance (for `connections.allowTo(db, port)`). */
  public readonly connections: ec2.Connections;
  /** The role, as the principal that grants go to. */
  public readonly grantPrincipal: iam.IPrincipal;
  /** Key that encrypts the root volume. */
  public readonly dataKey: DataKey;
  /**
   * Key that encrypts Session Manager session data for every managed instance of the account and
   * Region (alias `alias/baseline/<dataClass>-sessions`), when `sessionManagerPreferences` is on.
   */
  public readonly sessionKey?: DataKey;
  /** Log group that receives session transcripts. */
  public readonly sessionLogGroup: SecureLogGroup;
  /** The Session Manager preferences document, when defined. */
  public readonly sessionPreferencesDocument?: ssm.CfnDocument;
  /** Instance id. */
  public readonly instanceId: string;

  constructor(scope: Construct, id: string, props: BastionProps) {
    super(scope, id);
    validateBastionProps(this, props);
    nameKeyAliasSource(this, {
      prop: 'dataClass',
      value: props.dataClass ?? 'bastion',
      fix: 'give each Bastion its own dataClass',
    });
    const stack = Stack.of(this);
    const arn = (service: string, resource: string) => `arn:${stack.partition}:${service}:${stack.region}:${stack.account}:${resource}`;

    const dataClass = props.dataClass ?? 'bastion';
    this.dataKey = new DataKey(this, 'Key', { dataClass });
    // EBS: whoever launches the instance (CloudFormation, on the deployer's behalf) uses the key only
    // through EC2 in this Region, and creates grants only for AWS resources (the volume).
    // @see https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption-requirements.html
    this.dataKey.allowAccountUseThroughServices({ services: ['ec2'], sid: 'AllowEbsUseThroughEc2' });

    const sessionManagerPreferences = props.sessionManagerPreferences ?? true;
    if (sessionManagerPreferences) {
      this.sessionKey = defineSessionKey(this, `${dataClass}-sessions`);
    }

    this.sessionLogGroup = new SecureLogGroup(this, 'SessionLogs', {
      dataClass: `${dataClass}-session-logs`,
      retention: props.sessionLogsRetention,
      allowShortRetention: props.allowShortRetention,
    });

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      description: 'Bastion instance: Session Manager only',
    });
    this.grantPrincipal = this.role;
    // Only what the SSM agent needs for Session Manager, written out instead of the AWS managed
    // AmazonSSMManagedInstanceCore (which also grants ssm:GetParameters on every parameter, ec2messages
    // for Run Command and more). A customer-managed policy, so no inline policy.
    const sessionPolicy = new iam.ManagedPolicy(this, 'SessionManagerPolicy', {
      description: 'Bastion: register with Systems Manager, open Session Manager channels, log sessions',
      roles: [this.role],
      statements: [
        new iam.PolicyStatement({
          sid: 'RegisterWithSystemsManager',
          actions: ['ssm:UpdateInstanceInformation'],
          resources: [arn('ec2', 'instance/*')],
        }),
        new iam.PolicyStatement({
          sid: 'OpenSessionManagerChannels',
          actions: ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'],
          resources: ['*'],
        }),
        new iam.PolicyStatement({
          sid: 'WriteSessionLogs',
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          resources: [this.sessionLogGroup.logGroup.logGroupArn],
        }),
        new iam.PolicyStatement({
          sid: 'CheckSessionLogGroupEncryption',
          actions: ['logs:DescribeLogGroups'],
          resources: [arn('logs', 'log-group:*')],
        }),
        ...(this.sessionKey
          ? [new iam.PolicyStatement({ sid: 'DecryptSessionData', actions: ['kms:Decrypt'], resources: [this.sessionKey.keyArn] })]
          : []),
      ],
    });
    // cdk-nag prints pseudo parameters as <AWS::...> when the stack is environment-agnostic.
    const shown = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
    const nagArn = (service: string, resource: string) =>
      `arn:${shown(stack.partition, 'Partition')}:${service}:${shown(stack.region, 'Region')}:${shown(stack.account, 'AccountId')}:${resource}`;
    acknowledgeExternal(sessionPolicy, EXTERNAL_FINDINGS.IAM_WILDCARD,
      'ssmmessages channel actions support no resource-level permissions, so "*" is the narrowest resource ' +
        'IAM accepts; the SSM agent registers its own instance, whose ARN cannot be named before the instance ' +
        'exists, so this account and Region\'s instance/* is used; DescribeLogGroups is scoped to this account and Region.',
      'Resource::*', `Resource::${nagArn('ec2', 'instance/*')}`, `Resource::${nagArn('logs', 'log-group:*')}`);

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Bastion: no inbound by default; HTTPS out for Session Manager',
      allowAllOutbound: false,
    });
    this.securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'Session Manager and AWS APIs over HTTPS');
    const ingressPort = props.ingressPort ?? ec2.Port.tcp(22);
    for (const cidr of props.ingress?.cidrs ?? []) {
      const peer = parseIpv6Cidr(cidr) ? ec2.Peer.ipv6(cidr) : ec2.Peer.ipv4(cidr);
      this.securityGroup.addIngressRule(peer, ingressPort, 'Allow-listed administrators');
    }
    if (props.ingress?.prefixListId) {
      this.securityGroup.addIngressRule(ec2.Peer.prefixList(props.ingress.prefixListId), ingressPort, 'Allow-listed administrators');
    }
    if (props.allowBroadIngress && broadCidrs(props.ingress?.cidrs ?? []).length > 0) {
      warnWeakening(
        this,
        WEAKENINGS.BASTION_BROAD_INGRESS,
        `the bastion admits ${ingressPort.toString()} from ${JSON.stringify(broadCidrs(props.ingress!.cidrs))}, broader than ` +
          `/${BASTION_MIN_IPV4_PREFIX} (IPv4) or /${BASTION_MIN_IPV6_PREFIX} (IPv6); internet-wide scans will reach it (CIS AWS 5.2/5.3)`,
      );
    }

    // c7g.medium: the smallest current Nitro type that encrypts traffic between instances (CT.EC2.PR.19).
    const instanceType = props.instanceType ?? ec2.InstanceType.of(ec2.InstanceClass.C7G, ec2.InstanceSize.MEDIUM);
    this.instance = new ec2.Instance(this, 'Instance', {
      vpc: props.vpc,
      vpcSubnets: props.vpcSubnets ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      instanceType,
      // cachedInContext false: the image id is a deploy-time SSM parameter, never a context lookup.
      machineImage:
        props.machineImage ??
        ec2.MachineImage.latestAmazonLinux2023({
          cachedInContext: false,
          cpuType: instanceType.architecture === ec2.InstanceArchitecture.ARM_64 ? ec2.AmazonLinuxCpuType.ARM_64 : ec2.AmazonLinuxCpuType.X86_64,
        }),
      role: this.role,
      securityGroup: this.securityGroup,
      // Explicitly no public IP (CT.EC2.PR.8). The CDK then writes the subnet on the network interface
      // instead of the top-level SubnetId, which cdk-nag's EC2InstancesInVPC does not read (see below).
      associatePublicIpAddress: false,
      detailedMonitoring: true,
      ebsOptimized: true,
      disableApiTermination: true,
      ssmSessionPermissions: false,
      propagateTagsToVolumeOnCreation: true,
      blockDevices: [
        {
          deviceName: '/dev/xvda',
          volume: ec2.BlockDeviceVolume.ebs(props.volumeSizeGiB ?? 8, {
            encrypted: true,
            kmsKey: this.dataKey.key,
            volumeType: ec2.EbsDeviceVolumeType.GP3,
            deleteOnTermination: true,
          }),
        },
      ],
    });
    // IMDSv2 set on the instance itself (not through requireImdsv2, whose launch template would lack
    // detailed monitoring, CT.EC2.PR.10), with a hop limit of 1 so that a container on the host cannot
    // reach the instance's credentials.
    const cfnInstance = this.instance.node.defaultChild as ec2.CfnInstance;
    cfnInstance.metadataOptions = {
      httpEndpoint: 'enabled',
      httpTokens: 'required',
      httpPutResponseHopLimit: 1,
      instanceMetadataTags: 'disabled',
    };
    this.instance.node.addDependency(this.dataKey);
    acknowledgeExternal(this.instance, EXTERNAL_FINDINGS.EC2_INSTANCE_IN_VPC,
      'The instance is in the VPC: its subnet is set on its network interface (NetworkInterfaces[0].SubnetId, next to ' +
        'AssociatePublicIpAddress false), a form this rule does not read; CloudFormation forbids a top-level SubnetId as well.');
    this.connections = this.instance.connections;
    this.instanceId = this.instance.instanceId;

    if (this.sessionKey) {
      this.sessionPreferencesDocument = new ssm.CfnDocument(this, 'SessionPreferences', {
        name: SESSION_PREFERENCES_DOCUMENT,
        documentType: 'Session',
        documentFormat: 'JSON',
        updateMethod: 'NewVersion',
        content: {
          schemaVersion: '1.0',
          description: 'Session Manager preferences (cdk-security-baseline): log every session, encrypt session data',
          sessionType: 'Standard_Stream',
          inputs: {
            s3BucketName: '',
            s3KeyPrefix: '',
            s3EncryptionEnabled: true,
            cloudWatchLogGroupName: this.sessionLogGroup.logGroup.logGroupName,
            cloudWatchEncryptionEnabled: true,
            cloudWatchStreamingEnabled: true,
            kmsKeyId: this.sessionKey.key.keyId,
            runAsEnabled: false,
            runAsDefaultUser: '',
            idleSessionTimeout: '20',
            shellProfile: { linux: '', windows: '' },
          },
        },
      });
    }
  }

  /**
   * Let a principal open Session Manager sessions on this bastion: start a session with the default
   * shell document, end or resume only its own sessions, and encrypt session data with the session key
   * (`kms:GenerateDataKey`, in the principal's own policy; the key policy admits the account's
   * principals for Session Manager sessions only).
   */
  public grantConnect(grantee: iam.IGrantable): iam.Grant {
    const stack = Stack.of(this);
    const grant = iam.Grant.addToPrincipal({
      grantee,
      actions: ['ssm:StartSession'],
      resourceArns: [
        stack.formatArn({ service: 'ec2', resource: 'instance', resourceName: this.instanceId }),
        stack.formatArn({ service: 'ssm', resource: 'document', resourceName: SESSION_PREFERENCES_DOCUMENT }),
      ],
    });
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['ssm:TerminateSession', 'ssm:ResumeSession'],
      resourceArns: [stack.formatArn({ service: 'ssm', resource: 'session', resourceName: '${aws:userid}-*' })],
    });
    if (this.sessionKey) {
      iam.Grant.addToPrincipal({ grantee, actions: ['kms:GenerateDataKey'], resourceArns: [this.sessionKey.keyArn] });
    }
    return grant;
  }

  /**
   * Let the instance role of another managed instance take part in encrypted sessions: the account's
   * session preferences (this bastion's document) encrypt every session in the account and Region with
   * the session key, and the SSM agent on the instance must decrypt the session's data key. Adds
   * `kms:Decrypt` on the session key to the role's own policy.
   *
   * @see https://docs.aws.amazon.com/systems-manager/latest/userguide/getting-started-restrict-access-quickstart.html
   */
  public grantSessionDecrypt(grantee: iam.IGrantable): iam.Grant {
    if (!this.sessionKey) {
      throwIfProblems('Bastion.NoSessionKey', this, [
        'grantSessionDecrypt() needs the session key, but sessionManagerPreferences is false, so this bastion defines none; ' +
          'grant kms:Decrypt on the key named in your own SSM-SessionManagerRunShell document instead',
      ]);
    }
    return iam.Grant.addToPrincipal({ grantee, actions: ['kms:Decrypt'], resourceArns: [this.sessionKey!.keyArn] });
  }
}

/**
 * The key of the account's Session Manager preferences: it encrypts the data of every session to every
 * managed instance of the account and Region, not only the bastion's.
 *
 * The session manager client (the operator) calls `kms:GenerateDataKey` and the SSM agent on the instance
 * calls `kms:Decrypt`, both directly (not through a service, so `kms:ViaService` cannot scope them), each
 * with the encryption context `aws:ssm:SessionId` and `aws:ssm:TargetId`. The key policy therefore admits
 * the account's principals (`kms:CallerAccount`) for those two actions only under that encryption
 * context; each principal also needs the action in its own IAM policy (`grantConnect()` for operators,
 * `grantSessionDecrypt()` for instance roles).
 *
 * @see https://docs.aws.amazon.com/systems-manager/latest/userguide/getting-started-restrict-access-quickstart.html
 * @see https://github.com/aws/amazon-ssm-agent/blob/mainline/agent/session/crypto/blockcipher.go
 */
function defineSessionKey(scope: Construct, dataClass: string): DataKey {
  const stack = Stack.of(scope);
  const key = new DataKey(scope, 'SessionKey', {
    dataClass,
    description: 'Customer-managed key for Session Manager session data of this account and Region (cdk-security-baseline)',
  });
  key.key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowAccountSessionManagerSessions',
      principals: [new iam.AccountPrincipal(stack.account)],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
      resources: ['*'],
      conditions: {
        StringEquals: { 'kms:CallerAccount': stack.account },
        StringLike: { 'kms:EncryptionContext:aws:ssm:SessionId': '*', 'kms:EncryptionContext:aws:ssm:TargetId': '*' },
      },
    }),
  );
  return key;
}

function broadCidrs(cidrs: string[]): string[] {
  return cidrs.filter((cidr) => {
    if (Token.isUnresolved(cidr)) return false;
    const v4 = parseIpv4Cidr(cidr);
    if (v4) return v4.mask < BASTION_MIN_IPV4_PREFIX;
    const v6 = parseIpv6Cidr(cidr);
    return v6 !== undefined && v6.mask < BASTION_MIN_IPV6_PREFIX;
  });
}

/** True for a port spec that admits every port: all traffic (-1), or a TCP/UDP range 0/1-65535. */
function opensEveryPort(port: ec2.Port): boolean {
  const rule = port.toRuleJson();
  if (String(rule.ipProtocol) === '-1') return true;
  const from = Number(rule.fromPort);
  const to = Number(rule.toPort);
  return (rule.ipProtocol === 'tcp' || rule.ipProtocol === 'udp') && (from === -1 || (from <= 1 && to >= 65535));
}

function validateBastionProps(scope: Construct, props: BastionProps): void {
  const problems: string[] = [];
  const cidrs = props.ingress?.cidrs ?? [];
  if (props.ingress && cidrs.length === 0 && props.ingress.prefixListId === undefined) {
    problems.push('ingress must name at least one CIDR, got BastionIngress.fromCidrs() with none; omit ingress to use Session Manager only');
  }
  for (const cidr of cidrs) {
    if (Token.isUnresolved(cidr)) continue;
    const v4 = parseIpv4Cidr(cidr);
    const v6 = v4 ? undefined : parseIpv6Cidr(cidr);
    if (!v4 && !v6) {
      problems.push(`ingress CIDRs must be IPv4 or IPv6 CIDRs such as "203.0.113.0/24" or "2001:db8::/48", got ${JSON.stringify(cidr)}`);
    } else if (v4 && ipv4HostBitsSet(v4)) {
      problems.push(`ingress CIDRs must be network addresses, got ${JSON.stringify(cidr)}; use ${JSON.stringify(ipv4Network(v4))}`);
    } else if (v6?.hostBitsSet) {
      problems.push(`ingress CIDRs must be network addresses, got ${JSON.stringify(cidr)}; clear the bits after /${v6.mask}`);
    }
  }
  const broad = broadCidrs(cidrs);
  if (broad.length > 0 && !props.allowBroadIngress) {
    problems.push(
      `ingress must not admit networks broader than /${BASTION_MIN_IPV4_PREFIX} (IPv4) or /${BASTION_MIN_IPV6_PREFIX} (IPv6), ` +
        `such as 0.0.0.0/0 or ::/0 (CIS AWS 5.2/5.3), got ${JSON.stringify(broad)}; list your administrators' networks, ` +
        'use Session Manager (no ingress), or pass allowBroadIngress: true to accept it with a warning',
    );
  }
  const pl = props.ingress?.prefixListId;
  if (pl !== undefined && !Token.isUnresolved(pl) && !/^pl-[0-9a-f]{8,17}$/.test(pl)) {
    problems.push(`ingress prefix list must be a managed prefix list id such as "pl-0123456789abcdef0", got ${JSON.stringify(pl)}`);
  }
  if (props.ingressPort && !Token.isUnresolved(props.ingressPort.toString()) && opensEveryPort(props.ingressPort)) {
    problems.push(
      `ingressPort must name the port the administrators use, got ${props.ingressPort.toString()}, which opens every port; ` +
        'use ec2.Port.tcp(22) (the default) or the one port your tooling needs',
    );
  }
  // The bastion's own children are validated in its words: the caller never sees SecureLogGroup's props.
  const retention = logRetention('sessionLogsRetention', props.sessionLogsRetention, problems);
  if (retention !== undefined && retention < MIN_LOG_RETENTION_DAYS && !props.allowShortRetention) {
    problems.push(
      `sessionLogsRetention must be at least ${MIN_LOG_RETENTION_DAYS} days, got ${retention} days; ` +
        'use Duration.days(365) or longer, or pass allowShortRetention: true to accept a shorter retention with a warning',
    );
  }
  checkDataClass('dataClass', props.dataClass, problems, '-session-logs');
  if (props.ingressPort && !props.ingress) {
    problems.push(`ingressPort (${props.ingressPort.toString()}) was given without ingress; pass ingress: BastionIngress.fromCidrs(...) or remove ingressPort`);
  }
  if (props.volumeSizeGiB !== undefined && (!Number.isInteger(props.volumeSizeGiB) || props.volumeSizeGiB < 8 || props.volumeSizeGiB > 16384)) {
    problems.push(`volumeSizeGiB must be a whole number from 8 (the Amazon Linux 2023 image size) to 16384, got ${JSON.stringify(props.volumeSizeGiB)}`);
  }
  if (props.vpc.selectSubnets(props.vpcSubnets ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }).hasPublic) {
    problems.push(
      `vpcSubnets must select private subnets, got ${JSON.stringify(props.vpcSubnets)}, which selects public ones; ` +
        'a bastion never sits in the public tier (Session Manager reaches it in the private tier)',
    );
  }
  throwIfProblems('Bastion.InvalidProps', scope, problems);
}
