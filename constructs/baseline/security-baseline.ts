import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { throwIfProblems } from '../../lib/errors';
import { BackupResourceType, SecureBackupPlan } from '../data/secure-backup-plan';
import { AuditTrail } from '../detection/audit-trail';
import { EvidenceCollector } from '../detection/evidence-collector';
import { SecurityAlarms } from '../detection/security-alarms';
import { SecurityAlerts, SlackChannelOptions } from '../detection/security-alerts';
import { ThreatDetection } from '../detection/threat-detection';
import { IdentityBaseline } from '../identity/identity-baseline';
import { Bastion, BastionIngress } from '../network/bastion';
import { SegmentedVpc } from '../network/segmented-vpc';

/** Construct id of aws-cdk's stack-level provider behind `restrictDefaultSecurityGroup`. */
const VPC_DEFAULT_SG_PROVIDER_ID = 'Custom::VpcRestrictDefaultSGCustomResourceProvider';

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
   * CIDR of the segmented VPC, /16 to /28.
   *
   * @default '10.0.0.0/16'
   */
  readonly vpcCidr?: string;
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
   * MFA-only admin and support roles. Deploy it in one Region per account (IAM is global).
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
   * and the CIS alarms watch this log group.
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
}

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
 */
export class SecurityBaseline extends Construct {
  /** Alert routing. */
  public readonly alerts: SecurityAlerts;
  /** The audit trail (or the view of the existing organization trail). */
  public readonly auditTrail: AuditTrail;
  /** CIS 4.x alarms. */
  public readonly alarms: SecurityAlarms;
  /** GuardDuty, Security Hub, Config and Inspector. */
  public readonly threatDetection: ThreatDetection;
  /** The IAM baseline, when `identity` is on. */
  public readonly identity?: IdentityBaseline;
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

    this.alerts = new SecurityAlerts(this, 'Alerts', { emails: props.alertEmails, slack: props.slack });

    this.auditTrail = new AuditTrail(this, 'AuditTrail', { existingTrailLogGroup: props.organizationTrailLogGroup });
    // One access-log bucket for every bucket the baseline defines (the audit trail's, when it has one).
    const accessLogsBucket = this.auditTrail.bucket?.accessLogsBucket;

    this.alarms = new SecurityAlarms(this, 'CisAlarms', {
      logGroup: this.auditTrail.logGroup,
      alertTopic: this.alerts.topic,
    });

    this.threatDetection = new ThreatDetection(this, 'ThreatDetection', {
      alertTopic: this.alerts.topic,
      minimumSeverity: props.guardDutyMinimumSeverity,
      existingDetectorId: props.existingDetectorId,
      existingSecurityHub: props.existingSecurityHub,
      existingConfigRecorder: props.existingConfigRecorder,
      inspector: props.inspector,
      accessLogsBucket,
    });

    if (props.identity ?? true) {
      this.identity = new IdentityBaseline(this, 'Identity');
    }

    if (props.network ?? true) {
      // The private tier's network ACL denies SSH from everywhere; admin CIDRs must pass it too, or
      // the bastion's security-group rule would never see a packet.
      this.vpc = new SegmentedVpc(this, 'Network', { cidr: props.vpcCidr, adminIngressCidrs: props.adminCidrs });
      if (props.bastion ?? true) {
        this.bastion = new Bastion(this, 'Bastion', {
          vpc: this.vpc.vpc,
          ingress: props.adminCidrs?.length ? BastionIngress.fromCidrs(...props.adminCidrs) : undefined,
          sessionPreferences: props.sessionManagerPreferences,
        });
      }
    }

    if (props.backup ?? true) {
      this.backupPlan = new SecureBackupPlan(this, 'Backup', {
        selectionTags: [BASELINE_BACKUP_TAG],
        taggedResourceTypes: BASELINE_BACKUP_RESOURCE_TYPES,
      });
    }

    if (props.evidenceCollector) {
      this.evidenceCollector = new EvidenceCollector(this, 'Evidence', { alertTopic: this.alerts.topic });
    }

    if (props.permissionsBoundary) {
      iam.PermissionsBoundary.of(this).apply(props.permissionsBoundary);
      // The VPC's restrict-default-security-group provider is a stack-level singleton, outside this
      // construct's subtree, but it is still a role the baseline caused: bound it too.
      const provider = Stack.of(this).node.tryFindChild(VPC_DEFAULT_SG_PROVIDER_ID);
      if (this.vpc && provider) iam.PermissionsBoundary.of(provider).apply(props.permissionsBoundary);
    }
  }
}

function validateSecurityBaselineProps(scope: Construct, props: SecurityBaselineProps): void {
  const problems: string[] = [];
  if (!props.alertEmails?.length && !props.slack) {
    problems.push(
      `alertEmails must name at least one address when slack is not set, got ${JSON.stringify(props.alertEmails ?? [])}; ` +
        "pass alertEmails: ['secops@example.com'] or a slack channel",
    );
  }
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
  throwIfProblems('SecurityBaseline.InvalidProps', scope, problems);
}
