import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as subs from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { throwIfProblems } from '../../lib/errors';
import { duplicates, noEffect } from '../../lib/validation';
import { nameKeyAliasSource } from '../data/private/key-naming';
import { BackupResourceType, SecureBackupPlan, SecureBackupPlanProps } from '../data/secure-backup-plan';
import { SecureBackupVault } from '../data/secure-backup-vault';
import { AuditTrail, AuditTrailProps } from '../detection/audit-trail';
import { CIS_ALARM_IDS } from '../detection/cis-alarm-definitions';
import { EvidenceCollector, EvidenceCollectorProps } from '../detection/evidence-collector';
import { SecurityAlarms, SecurityAlarmsProps } from '../detection/security-alarms';
import { SecurityAlerts, SecurityAlertsProps, SlackChannelOptions } from '../detection/security-alerts';
import { GUARDDUTY_SEVERITY_MAX, GUARDDUTY_SEVERITY_MIN, SecurityHubStandard, ThreatDetection, ThreatDetectionProps } from '../detection/threat-detection';
import { AccessAnalyzer } from '../identity/access-analyzer';
import { IdentityBaseline, IdentityBaselineProps } from '../identity/identity-baseline';
import { Bastion, BastionIngress, BastionProps } from '../network/bastion';
import { ipv4HostBitsSet, ipv4Network, parseIpv4Cidr } from '../network/private/cidr';
import { SegmentedVpc, SegmentedVpcProps } from '../network/segmented-vpc';
import { BaselineEntry, baselinesOfAccount, concreteEnv, registerBaseline } from './private/baseline-registry';

/** Construct id of aws-cdk's stack-level provider behind `restrictDefaultSecurityGroup`. */
const VPC_DEFAULT_SG_PROVIDER_ID = 'Custom::VpcRestrictDefaultSGCustomResourceProvider';
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const INSTANCE_NAME = /^[a-z][a-z0-9-]{0,15}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Network ACL rule quota the private tier leaves for admin CIDRs (as SegmentedVpc). */
const MAX_ADMIN_CIDRS = 4;

/** The tag that puts a resource in the baseline's backup plan: `backup = baseline`. */
export const BASELINE_BACKUP_TAG = { key: 'backup', value: 'baseline' };

/** Resource types the baseline's backup plan restore-tests when they carry `BASELINE_BACKUP_TAG`. */
export const BASELINE_BACKUP_RESOURCE_TYPES = [
  BackupResourceType.DYNAMODB,
  BackupResourceType.EBS,
  BackupResourceType.EFS,
  BackupResourceType.RDS,
];

export interface SecurityBaselineProps {
  /**
   * The account's home Region: the one Region where the baseline defines the account-global parts,
   * which are the multi-Region trail and its CIS 4.x alarms, the IAM baseline (password policy, MFA
   * group, admin and support roles), AWS Config's service-linked role and the recording of global IAM
   * resource types. In every other Region it defines only the regional parts: the alert topic,
   * GuardDuty, Security Hub, AWS Config (regional types), an Access Analyzer, the VPC and bastion,
   * backups, and the GuardDuty and Security Hub finding alerts. Such a stack deploys after the home
   * Region's stack when both are in one App and Stage (it depends on it); otherwise deploy the home
   * Region first, since its stack defines the service-linked role every recorder uses.
   *
   * Every `SecurityBaseline` of one account in an App must name the same home Region, or synth fails.
   * An environment-agnostic stack (no concrete account and Region) cannot be checked: it is its own
   * home Region, and `homeRegion` must not be set for it.
   *
   * @default - the stack's Region (right for an account with a single baseline)
   */
  readonly homeRegion?: string;
  /**
   * Name of this baseline, for a second `SecurityBaseline` in one account and Region. Every key alias
   * it defines becomes `alias/baseline/<instanceName>-<dataClass>` (other names are already unique per
   * construct path). A second baseline must still leave the one-per-Region and account-global parts to
   * the first (synth says which props to set).
   *
   * @default - none: the only baseline in its account and Region
   */
  readonly instanceName?: string;
  /**
   * The account already has AWS Config's service-linked role `AWSServiceRoleForConfig` (for example
   * because AWS Config or Security Hub was set up in the console, or a deleted baseline stack retained
   * it), so the home Region must not define it: CloudFormation cannot adopt it. Other Regions never
   * define it.
   *
   * @default false - the home Region defines it
   */
  readonly existingConfigServiceLinkedRole?: boolean;
  /**
   * Addresses that receive security alerts (CIS alarms, GuardDuty and Security Hub findings). At least
   * one address, or `slack`, is required: an alert nobody receives is not an alert.
   *
   * @default - none; then `slack` must be set
   */
  readonly alertEmails?: string[];
  /**
   * An AWS Chatbot Slack channel that also receives the alerts.
   *
   * @default - no Slack channel
   */
  readonly slack?: SlackChannelOptions;
  /**
   * CIDRs allowed to reach the bastion over SSH (each /16 or narrower for IPv4, /48 for IPv6). The
   * bastion has no public IP, so these are networks routed into the VPC (VPN, Direct Connect, peering).
   * They are admitted by the bastion's security group and by the private tier's network ACL, which
   * raises the warning `cdk-security-baseline:segmentedVpc.adminIngress`.
   *
   * @default - none: the bastion is reached through Session Manager only, with no inbound rule
   */
  readonly adminCidrs?: string[];
  /**
   * Accept `adminCidrs` broader than /16 (the same override as `Bastion.allowBroadIngress`). Emits the
   * acknowledgeable warning `cdk-security-baseline:bastion.broadIngress`.
   *
   * @default false
   */
  readonly allowBroadIngress?: boolean;
  /**
   * CIDR of the segmented VPC, /16 to /28.
   *
   * @default '10.0.0.0/16'
   */
  readonly vpcCidr?: string;
  /**
   * Availability Zones of the VPC, by name (distinct, at least two).
   *
   * @default - the first three zones of the stack's environment
   */
  readonly availabilityZones?: string[];
  /**
   * Number of NAT gateways of the VPC, from 1 to the number of Availability Zones.
   *
   * @default - one per Availability Zone
   */
  readonly natGateways?: number;
  /**
   * Interface VPC endpoints to define in the VPC's private tier (for example
   * `ec2.InterfaceVpcEndpointAwsService.SSM`).
   *
   * @default - none (the S3 and DynamoDB gateway endpoints are always defined)
   */
  readonly interfaceEndpoints?: ec2.InterfaceVpcEndpointAwsService[];
  /**
   * CIS ids of the CIS 4.x alarms not to define, for example `['4.15']` in a member account of an
   * organization trail. Each raises the warning `cdk-security-baseline:securityAlarms.disabledAlarm`.
   *
   * @default - every CIS alarm is defined
   */
  readonly skipCisAlarms?: string[];
  /**
   * Prefix of the CIS alarm names (`<prefix>CIS-<id>-<metricName>`).
   *
   * @default - names CloudFormation generates
   */
  readonly alarmNamePrefix?: string;
  /**
   * Security Hub standards to subscribe.
   *
   * @default DEFAULT_SECURITY_HUB_STANDARDS (FSBP, CIS 3.0, NIST 800-53 r5, PCI DSS 4.0.1)
   */
  readonly securityHubStandards?: SecurityHubStandard[];
  /**
   * Define the segmented VPC (and, with `bastion`, the bastion in its private tier).
   *
   * @default true
   */
  readonly network?: boolean;
  /**
   * Define the Session Manager bastion. Needs `network`.
   *
   * @default true
   */
  readonly bastion?: boolean;
  /**
   * Define the account's Session Manager preferences document (`SSM-SessionManagerRunShell`), which
   * logs every bastion session to a KMS-encrypted log group. Turn it off when the account and Region
   * already have that document (opening Session Manager's preferences in the console creates it), since
   * CloudFormation cannot adopt it.
   *
   * @default true
   */
  readonly sessionManagerPreferences?: boolean;
  /**
   * Define the account-wide IAM baseline: CIS password policy, Access Analyzer, MFA-enforced group,
   * MFA-only admin and support roles. Outside the home Region only the (regional) Access Analyzer is
   * defined.
   *
   * @default true
   */
  readonly identity?: boolean;
  /**
   * Define the backup vault and plan; resources tagged `backup = baseline` are backed up daily,
   * kept 35 days and restore-tested weekly.
   *
   * @default true
   */
  readonly backup?: boolean;
  /**
   * Collect live KMS and AWS Backup evidence on a schedule into an Object Lock bucket
   * (`EvidenceCollector`, default options), alarming to the alert topic when a run fails.
   *
   * @default false
   */
  readonly evidenceCollector?: boolean;
  /**
   * Enable Amazon Inspector v2 (EC2, ECR, Lambda) through a custom resource.
   *
   * @default false
   */
  readonly inspector?: boolean;
  /**
   * Lowest GuardDuty severity that alerts (1.0 to 10.0).
   *
   * @default 4.0 (Medium and above)
   */
  readonly guardDutyMinimumSeverity?: number;
  /**
   * Log group of an existing organization trail. When set, the baseline defines no trail of its own
   * and the CIS alarms watch this log group. Used in the home Region only (elsewhere no trail and no
   * CIS alarms are defined).
   *
   * @default - a new multi-Region trail
   */
  readonly organizationTrailLogGroup?: logs.ILogGroup;
  /**
   * Id of a GuardDuty detector that already exists in this account and Region.
   *
   * @default - a new detector
   */
  readonly existingDetectorId?: string;
  /**
   * Security Hub is already enabled in this account and Region; only subscribe the standards.
   *
   * @default false
   */
  readonly existingSecurityHub?: boolean;
  /**
   * An AWS Config recorder already exists in this account and Region (there can be only one).
   *
   * @default false
   */
  readonly existingConfigRecorder?: boolean;
  /**
   * Permissions boundary applied to every IAM role the baseline defines.
   *
   * @default - no permissions boundary
   */
  readonly permissionsBoundary?: iam.IManagedPolicy;

  // Passthroughs: one per child, for what the flat props above do not reach. Merged over the child's
  // defaults; the flat props and the baseline's own wiring always win, so the keys they own are left
  // out of each type, and setting one anyway (from JavaScript) fails at synth naming the flat prop.

  /**
   * Props passed through to the `SecurityAlerts` topic (`alerts`), for example `topicName`.
   *
   * @default - SecurityAlerts' defaults
   */
  readonly alertsProps?: Omit<SecurityAlertsProps, OwnedKeys<'alertsProps'>>;
  /**
   * Props passed through to the `AuditTrail` (`auditTrail`), for example `trailName` or `logRetention`.
   * Home Region only.
   *
   * @default - AuditTrail's defaults
   */
  readonly auditTrailProps?: Omit<AuditTrailProps, OwnedKeys<'auditTrailProps'>>;
  /**
   * Props passed through to the CIS `SecurityAlarms` (`alarms`), for example `metricNamespace`. Home Region only.
   *
   * @default - SecurityAlarms' defaults
   */
  readonly alarmsProps?: Omit<SecurityAlarmsProps, OwnedKeys<'alarmsProps'>>;
  /**
   * Props passed through to `ThreatDetection` (`threatDetection`), for example `disabledGuardDutyFeatures`
   * or `securityHubMinimumSeverity`.
   *
   * @default - ThreatDetection's defaults
   */
  readonly threatDetectionProps?: Omit<ThreatDetectionProps, OwnedKeys<'threatDetectionProps'>>;
  /**
   * Props passed through to the `IdentityBaseline` (`identity`), for example `passwordPolicy` or
   * `supportRole`. Outside the home Region only its `accessAnalyzer` applies (to `accessAnalyzer`).
   *
   * @default - IdentityBaseline's defaults
   */
  readonly identityProps?: Omit<IdentityBaselineProps, OwnedKeys<'identityProps'>>;
  /**
   * Props passed through to the `SegmentedVpc` (`vpc`), for example `flowLogsRetention` or `publicIngressPorts`.
   *
   * @default - SegmentedVpc's defaults
   */
  readonly networkProps?: Omit<SegmentedVpcProps, OwnedKeys<'networkProps'>>;
  /**
   * Props passed through to the `Bastion` (`bastion`), for example `instanceType`.
   *
   * @default - Bastion's defaults
   */
  readonly bastionProps?: Omit<BastionProps, OwnedKeys<'bastionProps'>>;
  /**
   * Props passed through to the `SecureBackupPlan` (`backupPlan`), for example `rpo`, `retention` or `copies`.
   *
   * @default - SecureBackupPlan's defaults
   */
  readonly backupProps?: Omit<SecureBackupPlanProps, OwnedKeys<'backupProps'>>;
  /**
   * Props passed through to the `EvidenceCollector` (`evidenceCollector`), for example `regions` or `schedule`.
   * Needs `evidenceCollector: true`.
   *
   * @default - EvidenceCollector's defaults
   */
  readonly evidenceCollectorProps?: Omit<EvidenceCollectorProps, OwnedKeys<'evidenceCollectorProps'>>;
}

/**
 * The flat prop (or the wiring) behind each key a passthrough may not set. The passthrough types leave
 * these keys out (`OwnedKeys`), and validation refuses them, so the two cannot drift apart.
 */
const OWNED_BY_BASELINE = {
  alertsProps: { emails: 'use alertEmails', slack: 'use slack', dataClass: 'use instanceName, which prefixes every key alias' },
  auditTrailProps: { organizationTrailLogGroup: 'use organizationTrailLogGroup', dataClass: 'use instanceName, which prefixes every key alias' },
  alarmsProps: {
    logGroup: 'the alarms watch the baseline\'s trail log group (or organizationTrailLogGroup)',
    alertTopic: 'the alarms notify the baseline\'s alert topic',
    disabledAlarms: 'use skipCisAlarms',
    alarmNamePrefix: 'use alarmNamePrefix',
  },
  threatDetectionProps: {
    alertTopic: 'findings go to the baseline\'s alert topic',
    minimumSeverity: 'use guardDutyMinimumSeverity',
    securityHubStandards: 'use securityHubStandards',
    existingDetectorId: 'use existingDetectorId',
    existingSecurityHub: 'use existingSecurityHub',
    existingConfigRecorder: 'use existingConfigRecorder',
    existingConfigServiceLinkedRole: 'use existingConfigServiceLinkedRole (outside the home Region the baseline adopts the role)',
    recordGlobalResourceTypes: 'the baseline records global types in the home Region only (homeRegion)',
    inspector: 'use inspector',
    accessLogsBucket: 'the baseline shares one access-log bucket',
    dataClassPrefix: 'use instanceName, which prefixes every key alias',
  },
  identityProps: { permissionsBoundary: 'use permissionsBoundary, which bounds every role of the baseline' },
  networkProps: {
    cidr: 'use vpcCidr',
    adminIngressCidrs: 'use adminCidrs (they open the bastion too)',
    allowBroadIngress: 'use allowBroadIngress',
    availabilityZones: 'use availabilityZones',
    natGateways: 'use natGateways',
    interfaceEndpoints: 'use interfaceEndpoints',
    flowLogsDataClass: 'use instanceName, which prefixes every key alias',
  },
  bastionProps: {
    vpc: 'the bastion sits in the baseline\'s VPC',
    ingress: 'use adminCidrs (the network ACLs admit them too)',
    ingressPort: 'the VPC\'s network ACLs admit adminCidrs on SSH (22) only',
    sessionManagerPreferences: 'use sessionManagerPreferences',
    allowBroadIngress: 'use allowBroadIngress',
    dataClass: 'use instanceName, which prefixes every key alias',
  },
  backupProps: {
    backupVault: 'the baseline defines the vault (a named baseline its own)',
    alertTopic: 'job failures go to the baseline\'s alert topic',
    selectionTags: 'the baseline selects resources tagged backup = baseline; tag a resource to back it up',
    taggedResourceTypes: 'the baseline selects every resource type it backs up',
  },
  evidenceCollectorProps: {
    alertTopic: 'failed runs alarm to the baseline\'s alert topic',
    dataClassPrefix: 'use instanceName, which prefixes every key alias',
  },
} as const satisfies Record<string, Record<string, string>>;

/** The keys of a passthrough that the baseline owns. */
type OwnedKeys<P extends keyof typeof OWNED_BY_BASELINE> = keyof (typeof OWNED_BY_BASELINE)[P];


/**
 * A hardened account baseline in one construct.
 *
 * It composes, with their secure defaults:
 * - `SecurityAlerts`: one CMK-encrypted alert topic with the email (and Slack) subscriptions;
 * - `AuditTrail`: a multi-Region, validated CloudTrail into an Object Lock bucket and a CMK log group
 *   (or the log group of an existing organization trail);
 * - `SecurityAlarms`: CIS 4.1–4.15 metric filters and alarms on that log group;
 * - `ThreatDetection`: GuardDuty with every protection plan, Security Hub with FSBP, CIS 3.0, NIST
 *   800-53 r5 and PCI DSS, AWS Config, optional Inspector, findings routed to the alert topic;
 * - `IdentityBaseline`: password policy, Access Analyzer, MFA-enforced group, MFA-only roles;
 * - `SegmentedVpc` and `Bastion`: a three-tier VPC with NACLs and flow logs, and a Session Manager
 *   bastion in the private tier;
 * - `SecureBackupVault` and `SecureBackupPlan`: locked, CMK-encrypted backups of tagged resources with
 *   weekly restore tests.
 *
 * The S3 buckets share one access-log bucket (the audit trail's).
 *
 * One account, several Regions: define one `SecurityBaseline` per Region, each with the same
 * `homeRegion`. The account-global parts (trail and CIS alarms, IAM baseline, AWS Config's
 * service-linked role and global-type recording) are defined in the home Region only; synth fails
 * when baselines of one account disagree on the home Region, or when two share an account and Region
 * without `instanceName`.
 *
 * | stack's Region          | homeRegion        | defines                                                     |
 * |-------------------------|-------------------|-------------------------------------------------------------|
 * | = homeRegion            | given or not      | everything                                                  |
 * | other                   | given             | regional parts only; the stack deploys after the home one   |
 * | env-agnostic            | not given         | everything (cannot be checked against other baselines)      |
 * | env-agnostic            | given             | error: the Region is unknown at synth                       |
 */
export class SecurityBaseline extends Construct {
  /** Whether this baseline is in the account's home Region (and so defines the account-global parts). */
  public readonly isHomeRegion: boolean;
  /** The account's home Region. */
  public readonly homeRegion: string;
  /** Alert routing. */
  public readonly alerts: SecurityAlerts;
  /** The audit trail (or the view of the existing organization trail), in the home Region. */
  public readonly auditTrail?: AuditTrail;
  /** CIS 4.x alarms, in the home Region. */
  public readonly alarms?: SecurityAlarms;
  /** GuardDuty, Security Hub, Config and Inspector. */
  public readonly threatDetection: ThreatDetection;
  /** The IAM baseline, when `identity` is on, in the home Region. */
  public readonly identity?: IdentityBaseline;
  /** The Access Analyzer of a Region other than the home Region, when `identity` is on. */
  public readonly accessAnalyzer?: AccessAnalyzer;
  /** The segmented VPC, when `network` is on. */
  public readonly vpc?: SegmentedVpc;
  /** The bastion, when `network` and `bastion` are on. */
  public readonly bastion?: Bastion;
  /** The backup plan (with its vault), when `backup` is on. */
  public readonly backupPlan?: SecureBackupPlan;
  /** The scheduled evidence collector, when `evidenceCollector` is on. */
  public readonly evidenceCollector?: EvidenceCollector;

  constructor(scope: Construct, id: string, props: SecurityBaselineProps = {}) {
    super(scope, id);
    validateSecurityBaselineProps(this, props);

    // One home Region per account: account-global parts are defined there only. An env-agnostic stack
    // cannot be placed, so it is its own home Region (validation refuses homeRegion for it).
    const env = concreteEnv(this);
    const stack = Stack.of(this);
    this.homeRegion = props.homeRegion ?? stack.region;
    this.isHomeRegion = env === undefined || env.region === this.homeRegion;
    if (env) {
      const entry: BaselineEntry = {
        scope: this,
        account: env.account,
        region: env.region,
        homeRegion: this.homeRegion,
        homeRegionGiven: props.homeRegion !== undefined,
        instanceName: props.instanceName,
      };
      validateAccountPlacement(this, entry, props);
      registerBaseline(entry);
    }
    const home = this.isHomeRegion;
    // Every key below derives its alias from instanceName (and a fixed data class), so a clash with a
    // key outside the baseline is reported in SecurityBaseline's terms, not a child's dataClass.
    nameKeyAliasSource(this, {
      prop: 'instanceName',
      value: props.instanceName,
      fix: "give this SecurityBaseline an instanceName of its own (for example instanceName: 'second'), which prefixes the alias of " +
        'every key it defines, or rename the other key',
    });
    // A named baseline prefixes the data classes, and so the aliases, of every key it defines.
    const named = (dataClass: string) => (props.instanceName ? `${props.instanceName}-${dataClass}` : undefined);

    this.alerts = new SecurityAlerts(this, 'Alerts', { ...props.alertsProps, emails: props.alertEmails, slack: props.slack, dataClass: named('alerts') });

    // The multi-Region trail records every Region into one log group, in the home Region; metric
    // filters must sit in the log group's Region, so the CIS alarms are defined there too.
    if (home) {
      this.auditTrail = new AuditTrail(this, 'AuditTrail', {
        ...props.auditTrailProps,
        organizationTrailLogGroup: props.organizationTrailLogGroup,
        dataClass: props.organizationTrailLogGroup ? undefined : named('audit-logs'),
      });
      this.alarms = new SecurityAlarms(this, 'CisAlarms', {
        ...props.alarmsProps,
        logGroup: this.auditTrail.logGroup,
        alertTopic: this.alerts.topic,
        disabledAlarms: props.skipCisAlarms,
        alarmNamePrefix: props.alarmNamePrefix,
      });
    }
    // One access-log bucket for every bucket the baseline defines (the audit trail's, when it has one).
    const accessLogsBucket = this.auditTrail?.bucket?.accessLogsBucket;

    // AWS Config: the service-linked role is account-global (defined in the home Region only) and
    // global IAM types are recorded there only. Options that configure a recorder are passed only
    // when this baseline defines one, so that ThreatDetection can reject contradictions.
    const recorderHere = !props.existingConfigRecorder;
    this.threatDetection = new ThreatDetection(this, 'ThreatDetection', {
      ...props.threatDetectionProps,
      alertTopic: this.alerts.topic,
      minimumSeverity: props.guardDutyMinimumSeverity,
      securityHubStandards: props.securityHubStandards,
      existingDetectorId: props.existingDetectorId,
      existingSecurityHub: props.existingSecurityHub,
      existingConfigRecorder: props.existingConfigRecorder,
      existingConfigServiceLinkedRole: recorderHere && !home ? true : props.existingConfigServiceLinkedRole,
      recordGlobalResourceTypes: recorderHere && !home ? false : undefined,
      inspector: props.inspector,
      accessLogsBucket,
      dataClassPrefix: props.instanceName ? `${props.instanceName}-` : undefined,
    });

    if (props.identity ?? true) {
      if (home) {
        this.identity = new IdentityBaseline(this, 'Identity', props.identityProps);
      } else {
        // IAM is global, but Access Analyzer is regional (CIS 1.20 wants it in every active Region).
        this.accessAnalyzer = new AccessAnalyzer(this, 'AccessAnalyzer', props.identityProps?.accessAnalyzer);
      }
    }

    if (props.network ?? true) {
      // The private tier's network ACL denies SSH from everywhere; admin CIDRs must pass it too, or
      // the bastion's security-group rule would never see a packet.
      this.vpc = new SegmentedVpc(this, 'Network', {
        ...props.networkProps,
        cidr: props.vpcCidr,
        adminIngressCidrs: props.adminCidrs,
        allowBroadIngress: props.allowBroadIngress,
        availabilityZones: props.availabilityZones,
        natGateways: props.natGateways,
        interfaceEndpoints: props.interfaceEndpoints,
        flowLogsDataClass: named('vpc-flow-logs'),
      });
      if (props.bastion ?? true) {
        this.bastion = new Bastion(this, 'Bastion', {
          ...props.bastionProps,
          vpc: this.vpc.vpc,
          ingress: props.adminCidrs?.length ? BastionIngress.fromCidrs(...props.adminCidrs) : undefined,
          sessionManagerPreferences: props.sessionManagerPreferences,
          allowBroadIngress: props.allowBroadIngress,
          dataClass: named('bastion'),
        });
      }
    }

    if (props.backup ?? true) {
      // Only a named baseline needs its own vault data class (the default vault keeps its construct path).
      // Job-failure alerts go to the alert topic either way: set on the vault when the baseline defines it.
      const backupVault = props.instanceName
        ? new SecureBackupVault(this, 'BackupVault', { dataClass: named('backup'), alertTopic: this.alerts.topic })
        : undefined;
      this.backupPlan = new SecureBackupPlan(this, 'Backup', {
        ...props.backupProps,
        alertTopic: backupVault ? undefined : this.alerts.topic,
        selectionTags: [BASELINE_BACKUP_TAG],
        taggedResourceTypes: BASELINE_BACKUP_RESOURCE_TYPES,
        backupVault,
      });
      // The vault's own notification topic carries AWS Backup's supported vault events (failed copies,
      // changed recovery points, failed S3 object backups); the same people who read the alerts read them.
      // Job failures themselves reach the alert topic through EventBridge (SecureBackupVault.alertTopic).
      for (const email of props.alertEmails ?? []) {
        this.backupPlan.backupVault.notificationTopic.addSubscription(new subs.EmailSubscription(email));
      }
    }

    if (props.evidenceCollector) {
      this.evidenceCollector = new EvidenceCollector(this, 'Evidence', {
        ...props.evidenceCollectorProps,
        alertTopic: this.alerts.topic,
        dataClassPrefix: props.instanceName ? `${props.instanceName}-` : undefined,
      });
    }

    if (props.permissionsBoundary) {
      iam.PermissionsBoundary.of(this).apply(props.permissionsBoundary);
      // The VPC's restrict-default-security-group provider is a stack-level singleton, outside this
      // construct's subtree, but it is still a role the baseline caused: bound it too.
      const provider = stack.node.tryFindChild(VPC_DEFAULT_SG_PROVIDER_ID);
      if (this.vpc && provider) iam.PermissionsBoundary.of(provider).apply(props.permissionsBoundary);
    }
  }
}

/**
 * Validate the baseline's own props before any child is built, so that every error names a prop the
 * caller typed (`alertEmails`, not `SecurityAlerts.emails`) and a fix they can apply here.
 */
function validateSecurityBaselineProps(scope: Construct, props: SecurityBaselineProps): void {
  const problems: string[] = [];
  if (!props.alertEmails?.length && !props.slack) {
    problems.push(
      `alertEmails must name at least one address when slack is not set, got ${JSON.stringify(props.alertEmails ?? [])}; ` +
        "pass alertEmails: ['secops@example.com'] or a slack channel",
    );
  }
  for (const email of props.alertEmails ?? []) {
    if (!Token.isUnresolved(email) && !EMAIL.test(email)) {
      problems.push(`alertEmails must contain email addresses, got ${JSON.stringify(email)}; use an address such as 'secops@example.com'`);
    }
  }
  duplicates('alertEmails', props.alertEmails, problems);
  validateNetworkProps(props, problems);
  const severity = props.guardDutyMinimumSeverity;
  if (severity !== undefined && !Token.isUnresolved(severity) &&
    (!Number.isFinite(severity) || severity < GUARDDUTY_SEVERITY_MIN || severity > GUARDDUTY_SEVERITY_MAX)) {
    problems.push(
      `guardDutyMinimumSeverity must be a GuardDuty severity from ${GUARDDUTY_SEVERITY_MIN.toFixed(1)} to ${GUARDDUTY_SEVERITY_MAX.toFixed(1)}, got ${String(severity)}; ` +
        'use 1.0 (Low and above), 4.0 (Medium and above, the default), 7.0 (High and above) or 9.0 (Critical only)',
    );
  }
  const unknownAlarms = (props.skipCisAlarms ?? []).filter((id) => !Token.isUnresolved(id) && !CIS_ALARM_IDS.includes(id));
  if (unknownAlarms.length > 0) {
    problems.push(`skipCisAlarms must contain CIS alarm ids, got unknown ${JSON.stringify(unknownAlarms)}; use ids from ${CIS_ALARM_IDS.join(', ')}`);
  }
  duplicates('skipCisAlarms', props.skipCisAlarms, problems);
  duplicates('securityHubStandards', props.securityHubStandards, problems, (s) => s.constructId);
  if (props.sessionManagerPreferences !== undefined && (props.network === false || props.bastion === false)) {
    problems.push(
      `sessionManagerPreferences (${props.sessionManagerPreferences}) configures the bastion's session logging, but the bastion is switched off; ` +
        'remove sessionManagerPreferences or turn network and bastion on',
    );
  }
  if (props.bastion === true && props.network === false) {
    problems.push('bastion: true needs the VPC, but network is false; set network: true or drop bastion');
  }
  if (props.adminCidrs?.length && (props.network === false || props.bastion === false)) {
    problems.push(
      `adminCidrs ${JSON.stringify(props.adminCidrs)} open the bastion, but the bastion is switched off; ` +
        'remove adminCidrs or turn network and bastion on',
    );
  }
  if (props.homeRegion !== undefined && !Token.isUnresolved(props.homeRegion)) {
    if (!REGION.test(props.homeRegion)) {
      problems.push(`homeRegion must be an AWS Region name, got ${JSON.stringify(props.homeRegion)}; for example 'eu-west-1'`);
    } else if (Token.isUnresolved(Stack.of(scope).region)) {
      problems.push(
        `homeRegion ${JSON.stringify(props.homeRegion)} cannot be compared with an environment-agnostic stack's Region; ` +
          "give the stack env: { account, region }, or remove homeRegion (the stack is then its own home Region)",
      );
    }
  }
  validatePassthroughs(props, problems);
  if (props.instanceName !== undefined && !Token.isUnresolved(props.instanceName) && !INSTANCE_NAME.test(props.instanceName)) {
    problems.push(
      `instanceName must be 1-16 lowercase letters, digits or hyphens, starting with a letter (it prefixes key aliases), got ${JSON.stringify(props.instanceName)}; ` +
        "for example 'sandbox'",
    );
  }
  throwIfProblems('SecurityBaseline.InvalidProps', scope, problems);
}

/**
 * A passthrough may not set what a flat prop or the baseline's wiring owns (TypeScript leaves those keys
 * out of its type; JavaScript and Python callers can still pass them), and may not configure a child
 * that is switched off.
 */
function validatePassthroughs(props: SecurityBaselineProps, problems: string[]): void {
  for (const [passthrough, owned] of Object.entries(OWNED_BY_BASELINE)) {
    const given = props[passthrough as keyof typeof OWNED_BY_BASELINE] as Record<string, unknown> | undefined;
    for (const [key, instead] of Object.entries(owned as Record<string, string>)) {
      if (given?.[key] !== undefined) problems.push(`${passthrough}.${key} is set by SecurityBaseline, not through ${passthrough}; ${instead}`);
    }
  }
  const off = (child: string, switchedOff: boolean, passthrough: keyof SecurityBaselineProps, fix: string) => {
    if (switchedOff) noEffect(passthrough, props[passthrough] === undefined ? undefined : Object.keys(props[passthrough] as object), problems, `${child} is switched off`, fix);
  };
  off('the network', props.network === false, 'networkProps', 'remove networkProps or set network: true');
  off('the bastion', props.network === false || props.bastion === false, 'bastionProps', 'remove bastionProps or turn network and bastion on');
  off('the identity baseline', props.identity === false, 'identityProps', 'remove identityProps or set identity: true');
  off('backup', props.backup === false, 'backupProps', 'remove backupProps or set backup: true');
  off('the evidence collector', props.evidenceCollector !== true, 'evidenceCollectorProps', 'remove evidenceCollectorProps or set evidenceCollector: true');
  off('the audit trail', props.organizationTrailLogGroup !== undefined, 'auditTrailProps',
    'remove auditTrailProps: with organizationTrailLogGroup the organization trail is used and no trail is defined here');
}

/**
 * Check this baseline against the others of its account in the App: one home Region per account, and
 * a second baseline in one account and Region only with its own `instanceName` and without the parts
 * there can be only one of.
 */
function validateAccountPlacement(scope: Construct, entry: BaselineEntry, props: SecurityBaselineProps): void {
  const problems: string[] = [];
  const others = baselinesOfAccount(scope, entry.account);
  const describe = (e: BaselineEntry) =>
    `${e.homeRegion}${e.homeRegionGiven ? '' : ' (homeRegion not set: the stack\'s Region)'}`;
  const disagreeing = others.find((o) => o.homeRegion !== entry.homeRegion);
  if (disagreeing) {
    problems.push(
      `homeRegion: this baseline takes ${describe(entry)} as the home Region of account ${entry.account}, but ${disagreeing.scope.node.path} ` +
        `takes ${describe(disagreeing)}; the account-global parts (trail, IAM baseline, Config's service-linked role) would be defined twice. ` +
        `Pass the same homeRegion to every SecurityBaseline of the account, for example homeRegion: '${disagreeing.homeRegion}'`,
    );
  }
  const sameRegion = others.filter((o) => o.region === entry.region);
  for (const other of sameRegion) {
    if (other.instanceName === entry.instanceName) {
      problems.push(
        `${other.scope.node.path} already defines a SecurityBaseline in account ${entry.account} and Region ${entry.region}` +
          `${entry.instanceName ? ` with instanceName ${JSON.stringify(entry.instanceName)}` : ''}; a second one would define the same key aliases ` +
          'and the parts there can be only one of again. Deploy it to another Region or account, or give it its own instanceName ' +
          "(for example instanceName: 'second') and leave the one-per-Region parts to the first",
      );
    }
  }
  if (sameRegion.length > 0) {
    const first = sameRegion[0].scope.node.path;
    const missing: string[] = [];
    if (props.existingDetectorId === undefined) missing.push(`existingDetectorId (the detector of ${first})`);
    if (!props.existingSecurityHub) missing.push('existingSecurityHub: true');
    if (!props.existingConfigRecorder) missing.push('existingConfigRecorder: true');
    if ((props.network ?? true) && (props.bastion ?? true) && props.sessionManagerPreferences !== false) {
      missing.push('sessionManagerPreferences: false');
    }
    if (entry.region === entry.homeRegion) {
      if (props.identity !== false) missing.push('identity: false');
      if (!props.organizationTrailLogGroup) missing.push(`organizationTrailLogGroup (the trail log group of ${first})`);
    }
    if (missing.length > 0) {
      problems.push(
        `${first} already defines the one-per-account-and-Region parts in account ${entry.account} and Region ${entry.region} ` +
          `(GuardDuty detector, Security Hub, AWS Config recorder, Session Manager preferences${entry.region === entry.homeRegion ? ', trail, IAM baseline' : ''}); ` +
          `a second baseline there must leave them to it: set ${missing.join(', ')}`,
      );
    }
  }
  throwIfProblems('SecurityBaseline.DuplicateInAccount', scope, problems);
}

/** The network props, in the baseline's words (`vpcCidr`, `adminCidrs`), checked before the VPC is built. */
function validateNetworkProps(props: SecurityBaselineProps, problems: string[]): void {
  const networkOn = props.network ?? true;
  if (!networkOn) {
    const given = (['vpcCidr', 'availabilityZones', 'natGateways', 'interfaceEndpoints', 'allowBroadIngress'] as const).filter((p) => props[p] !== undefined);
    if (given.length > 0) {
      problems.push(`network is false, so ${given.join(', ')} would have no effect (got ${JSON.stringify(given)}); remove them or set network: true`);
    }
  }
  if (props.vpcCidr !== undefined && !Token.isUnresolved(props.vpcCidr)) {
    const parsed = parseIpv4Cidr(props.vpcCidr);
    if (!parsed) {
      problems.push(`vpcCidr must be an IPv4 CIDR such as '10.0.0.0/16', got ${JSON.stringify(props.vpcCidr)}`);
    } else if (parsed.mask < 16 || parsed.mask > 28) {
      problems.push(`vpcCidr must have a prefix length from /16 to /28 (the VPC limits), got ${JSON.stringify(props.vpcCidr)}; for example '10.0.0.0/16'`);
    } else if (ipv4HostBitsSet(parsed)) {
      problems.push(`vpcCidr must be a network address, got ${JSON.stringify(props.vpcCidr)}; use ${JSON.stringify(ipv4Network(parsed))}`);
    }
  }
  const adminCidrs = props.adminCidrs ?? [];
  if (adminCidrs.length > MAX_ADMIN_CIDRS) {
    problems.push(`adminCidrs may hold at most ${MAX_ADMIN_CIDRS} CIDRs (network ACL rule quota), got ${adminCidrs.length}; summarise them`);
  }
  for (const cidr of adminCidrs) {
    if (Token.isUnresolved(cidr)) continue;
    const parsed = parseIpv4Cidr(cidr);
    if (!parsed) {
      problems.push(`adminCidrs must hold IPv4 CIDRs such as '203.0.113.0/24' (the VPC is IPv4-only), got ${JSON.stringify(cidr)}`);
    } else if (parsed.mask === 0) {
      problems.push(`adminCidrs must not contain ${JSON.stringify(cidr)}: it would open SSH to the internet (CIS AWS 5.1); list your corporate ranges`);
    } else if (parsed.mask < 16 && !props.allowBroadIngress) {
      problems.push(
        `adminCidrs must not hold networks broader than /16, got ${JSON.stringify(cidr)}; ` +
          'list your corporate ranges, or pass allowBroadIngress: true to accept the broader network with a warning',
      );
    } else if (ipv4HostBitsSet(parsed)) {
      problems.push(`adminCidrs must hold network addresses, got ${JSON.stringify(cidr)}; use ${JSON.stringify(ipv4Network(parsed))}`);
    }
  }
  if (props.allowBroadIngress !== undefined && !adminCidrs.length) {
    problems.push(`allowBroadIngress would have no effect because adminCidrs is empty (got ${JSON.stringify(props.allowBroadIngress)}); remove it, or pass adminCidrs`);
  }
  const azs = props.availabilityZones;
  if (azs !== undefined && !Token.isUnresolved(azs)) {
    duplicates('availabilityZones', azs, problems);
    if (azs.length < 2) {
      problems.push(`availabilityZones must name at least two zones (the VPC spans them for resilience), got ${JSON.stringify(azs)}; for example ['eu-west-1a', 'eu-west-1b']`);
    }
  }
  const nat = props.natGateways;
  if (nat !== undefined && !Token.isUnresolved(nat)) {
    const azCount = azs?.length ?? 3;
    if (!Number.isInteger(nat) || nat < 1 || nat > azCount) {
      problems.push(`natGateways must be a whole number from 1 to the number of Availability Zones (${azCount}), got ${String(nat)}; for example natGateways: 1`);
    }
  }
  duplicates('interfaceEndpoints', props.interfaceEndpoints, problems, (e) => e.shortName);
}
