import { Annotations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * The warnings our constructs raise when a caller weakens a default, as data: one entry per warning id,
 * with the props that trigger it, what it costs and which of our rules then report the resource.
 * Internal: not exported from the package.
 *
 * `warnWeakening()` is the only way a construct raises one, so an id is never typed at a call site.
 * scripts/build-readme.ts renders each construct's "Weakening a default" table from this registry
 * (`<!-- generated:weakenings:<Construct> -->`), and test/constructs/private/weakenings.test.ts proves
 * that every row is asserted by its construct's test.
 */
export interface Weakening {
  /** The warning id (`cdk-security-baseline:<construct>.<topic>`), which callers acknowledge. */
  readonly id: string;
  /**
   * Where a caller triggers it: first the construct that raises it, then each construct that passes
   * the triggering prop through to it.
   */
  readonly raisedBy: readonly WeakeningTrigger[];
  /** What the caller gives up, in the caller's terms (the control or guarantee lost), as Markdown. */
  readonly cost: string;
  /** Rule ids of this project's packs that then report the weakened resource (none where no rule judges it). */
  readonly rules: readonly string[];
  /**
   * When acknowledging the warning is right, where that is more than accepting the cost (for example,
   * after a step the construct cannot take for the caller).
   *
   * @default - when the caller accepts the cost
   */
  readonly acknowledgeWhen?: string;
}

/** One prop, on one construct, that raises a weakening warning. */
export interface WeakeningTrigger {
  /** The construct class, as callers write it. */
  readonly construct: string;
  /** The prop, or prop value, that raises the warning, as Markdown. */
  readonly when: string;
  /**
   * The boolean prop without which the same value fails at synth instead of warning.
   *
   * @default - the value warns without any other prop
   */
  readonly unless?: string;
}

const id = (topic: string) => `cdk-security-baseline:${topic}`;
const shortRetention = (construct: string, prop: string): WeakeningTrigger => ({
  construct,
  when: `\`${prop}\` below 365 days`,
  unless: 'allowShortRetention',
});
/** A duration prop of MfaRole, which SupportRole takes as it is. */
const aboveOneHour = (prop: string): WeakeningTrigger[] =>
  ['MfaRole', 'SupportRole'].map((construct) => ({ construct, when: `\`${prop}\` above one hour` }));

/** The registry, by our name for the weakening. */
export const WEAKENINGS = {
  LOG_GROUP_SHORT_RETENTION: {
    id: id('logGroup.shortRetention'),
    raisedBy: [
      shortRetention('SecureLogGroup', 'retention'),
      shortRetention('SegmentedVpc', 'flowLogsRetention'),
      shortRetention('Bastion', 'sessionLogsRetention'),
      shortRetention('AuditTrail', 'logRetention'),
    ],
    cost: 'CIS and PCI DSS 10.5.1 want a year of log history: evidence of an incident may be gone before anyone investigates it',
    rules: ['Logs.RetentionPeriod'],
  },
  SECURE_BUCKET_SHORT_RETENTION: {
    id: id('secureBucket.shortRetention'),
    raisedBy: [shortRetention('SecureBucket', 'accessLogsRetention')],
    cost: 'CIS and PCI DSS 10.5.1 want a year of access logs: evidence of who read or changed the data may be gone before an incident is investigated',
    rules: ['S3.LogBucketRetention'],
  },
  SECURE_BUCKET_ACCESS_LOGS_BUCKET_KMS: {
    id: id('secureBucket.accessLogsBucketKms'),
    raisedBy: [{ construct: 'SecureBucket', when: '`accessLogsBucket` encrypted with a KMS key' }],
    cost: 'S3 server access log delivery supports only SSE-S3 (AES256) on the target bucket, so access logs may not be delivered',
    rules: ['S3.LogBucketSseS3'],
    acknowledgeWhen: 'you have seen logs arrive in that bucket (AWS does not support SSE-KMS log targets officially)',
  },
  SECURE_BUCKET_ACCESS_LOGS_PERMISSION: {
    id: id('secureBucket.accessLogsPermission'),
    raisedBy: [{ construct: 'SecureBucket', when: '`accessLogsBucket` imported (not defined in this app)' }],
    cost: 'its bucket policy cannot be changed here, so no access logs are delivered until it admits the S3 logging service',
    rules: [],
    acknowledgeWhen: 'the bucket\'s policy allows `logging.s3.amazonaws.com` `s3:PutObject` on the log prefix, scoped with `aws:SourceAccount`',
  },
  BACKUP_PLAN_NO_RESTORE_TESTING: {
    id: id('backupPlan.noRestoreTesting'),
    raisedBy: [{ construct: 'SecureBackupPlan', when: '`restoreTesting: false`' }],
    cost: 'nothing proves the backups can be restored until the day they are needed',
    rules: ['Backup.RestoreTesting'],
  },
  BACKUP_PLAN_UNTESTED_TAGGED_RESOURCES: {
    id: id('backupPlan.untestedTaggedResources'),
    raisedBy: [{ construct: 'SecureBackupPlan', when: '`selectionTags` without `taggedResourceTypes`' }],
    cost: 'tagged resources are backed up but never restore-tested',
    rules: [],
    acknowledgeWhen: 'the tagged resources are restore-tested by another restore testing plan',
  },
  BACKUP_PLAN_VAULT_KEY_IN_OTHER_STACK: {
    id: id('backupPlan.vaultKeyInOtherStack'),
    raisedBy: [{ construct: 'SecureBackupPlan', when: '`backupVault` in another stack' }],
    cost:
      'the plan cannot add its roles to the vault key policy; jobs for resource types AWS Backup encrypts with the vault ' +
      'key (S3 among them) can fail until you grant them',
    rules: [],
    acknowledgeWhen: 'the vault\'s stack grants `backupRole` and `restoreTestRole` use of the vault key',
  },
  BASTION_BROAD_INGRESS: {
    id: id('bastion.broadIngress'),
    raisedBy: [
      {
        construct: 'Bastion',
        when: '`ingress` CIDRs broader than /16 (IPv4) or /48 (IPv6), including `0.0.0.0/0` and `::/0`',
        unless: 'allowBroadIngress',
      },
      { construct: 'SecurityBaseline', when: '`adminCidrs` broader than /16', unless: 'allowBroadIngress' },
    ],
    cost:
      'the port is open to internet-wide scanning and brute force (CIS AWS 5.2/5.3); from `0.0.0.0/0` or `::/0`, the ' +
      'security group also fails `EC2.SecurityGroupNoAdminIngress`, `EC2.SecurityGroupNoHighRiskIngress` and ' +
      '`EC2.SecurityGroupNoOpenIngress`',
    rules: [],
  },
  SEGMENTED_VPC_SINGLE_AZ: {
    id: id('segmentedVpc.singleAz'),
    raisedBy: [{ construct: 'SegmentedVpc', when: '`maxAzs: 1`, or a single `availabilityZones` entry', unless: 'allowSingleAz' }],
    cost: 'an outage of that zone takes down every tier (no high availability)',
    rules: [],
  },
  SEGMENTED_VPC_ADMIN_INGRESS: {
    id: id('segmentedVpc.adminIngress'),
    raisedBy: [
      { construct: 'SegmentedVpc', when: '`adminIngressCidrs` (IPv4, /16 or narrower, at most 4)' },
      { construct: 'SecurityBaseline', when: '`adminCidrs` (they open the bastion and the private tier\'s network ACL)' },
    ],
    cost:
      'SSH and RDP reach the private tier from those networks (needed for direct SSH to a `Bastion`); Session Manager ' +
      'needs no inbound port, so every admitted network widens the attack surface of the workloads',
    rules: [],
  },
  AUDIT_TRAIL_SHORT_OBJECT_LOCK: {
    id: id('auditTrail.shortObjectLock'),
    raisedBy: [{ construct: 'AuditTrail', when: '`objectLock.retention` below 365 days' }],
    cost: 'log files can be deleted sooner than the year they are kept write-once by default',
    rules: ['CloudTrail.BucketObjectLock'],
  },
  SECURITY_ALARMS_DISABLED_ALARM: {
    id: id('securityAlarms.disabledAlarm'),
    raisedBy: [
      { construct: 'SecurityAlarms', when: '`disabledAlarms` (CIS ids such as `[\'4.15\']`; an unknown id fails at synth)' },
      { construct: 'SecurityBaseline', when: '`skipCisAlarms` (CIS ids such as `[\'4.15\']`; an unknown id fails at synth)' },
    ],
    cost:
      'the activity those alarms watch goes unnoticed, the matching CIS 4.x recommendations are not met, and Security ' +
      'Hub\'s CloudWatch.x controls fail where its CIS v1.2.0 or v1.4.0 standard is subscribed',
    rules: [],
    acknowledgeWhen:
      'the activity is watched elsewhere or cannot occur here, for example 4.15 (AWS Organizations changes) in an account ' +
      'that is not the organization\'s management account',
  },
  ACCESS_ANALYZER_ARCHIVE_RULES: {
    id: id('accessAnalyzer.archiveRules'),
    raisedBy: [{ construct: 'AccessAnalyzer', when: '`archiveRules` (a rule that matches every finding fails at synth)' }],
    cost: 'findings the rules match are archived as they appear, so that external access is never reviewed again (CIS 1.20 expects findings to be reviewed)',
    rules: [],
    acknowledgeWhen: 'each rule matches access you have reviewed and trust, narrowly (one trusted account or one resource each)',
  },
  MFA_ROLE_LONG_MFA_AGE: {
    id: id('mfaRole.longMfaAge'),
    raisedBy: aboveOneHour('maxMfaAge'),
    cost: 'an unattended or stolen machine can assume the role for longer after the MFA prompt',
    rules: ['IAM.MfaSessionLimits'],
  },
  MFA_ROLE_LONG_SESSION: {
    id: id('mfaRole.longSession'),
    raisedBy: aboveOneHour('maxSessionDuration'),
    cost: 'stolen role credentials stay valid for longer',
    rules: ['IAM.MfaSessionLimits'],
  },
  PASSWORD_POLICY_SHORT_REUSE_HISTORY: {
    id: id('passwordPolicy.shortReuseHistory'),
    raisedBy: [{ construct: 'AccountPasswordPolicy', when: '`passwordReusePrevention` below 24' }],
    cost: 'users can cycle back to an old password sooner (CIS AWS Foundations 1.9)',
    rules: ['IAM.PasswordPolicyStrength'],
  },
  PASSWORD_POLICY_LONG_MAX_AGE: {
    id: id('passwordPolicy.longMaxAge'),
    raisedBy: [{ construct: 'AccountPasswordPolicy', when: '`maxPasswordAge` above 90 days' }],
    cost: 'a leaked password stays valid for longer (PCI DSS 3.2.1 8.2.4)',
    rules: ['IAM.PasswordPolicyMaxAge'],
  },
  PASSWORD_POLICY_CHARACTER_CLASS: {
    id: id('passwordPolicy.characterClass'),
    raisedBy: [{ construct: 'AccountPasswordPolicy', when: 'any `require*: false`' }],
    cost: 'passwords from fewer character classes are easier to guess (PCI DSS 3.2.1 8.2.3)',
    rules: ['IAM.PasswordPolicyStrength'],
  },
  PASSWORD_POLICY_DELETE_ON_REMOVAL: {
    id: id('passwordPolicy.deleteOnRemoval'),
    raisedBy: [{ construct: 'AccountPasswordPolicy', when: '`removalPolicy: RemovalPolicy.DESTROY`' }],
    cost: 'removing the stack deletes the policy, and IAM falls back to its weak default',
    rules: ['IAM.PasswordPolicyRetained'],
  },
  THREAT_DETECTION_GUARDDUTY_DISABLED: {
    id: id('threatDetection.guardDutyDisabled'),
    raisedBy: [{ construct: 'ThreatDetection', when: '`guardDuty: false`' }],
    cost: 'no threat detection for this account and Region (NIST SI-4, PCI DSS 11.5)',
    rules: ['GuardDuty.Enabled'],
  },
  THREAT_DETECTION_GUARDDUTY_FEATURES_DISABLED: {
    id: id('threatDetection.guardDutyFeaturesDisabled'),
    raisedBy: [{ construct: 'ThreatDetection', when: '`disabledGuardDutyFeatures`' }],
    cost:
      'threats to the resources those protection plans cover go unseen, and the rule of each plan turned off fails ' +
      '(`GuardDuty.RuntimeMonitoring` and its EC2, ECS and EKS rules for `RUNTIME_MONITORING`, for example)',
    rules: [],
  },
  THREAT_DETECTION_SLOW_FINDING_PUBLISHING: {
    id: id('threatDetection.slowFindingPublishing'),
    raisedBy: [{ construct: 'ThreatDetection', when: '`findingPublishingFrequency` slower than 15 minutes' }],
    cost: 'updates to open findings reach alerts and the export up to 6 hours later',
    rules: ['GuardDuty.FindingPublishingFrequency'],
  },
  THREAT_DETECTION_FINDINGS_NOT_EXPORTED: {
    id: id('threatDetection.findingsNotExported'),
    raisedBy: [{ construct: 'ThreatDetection', when: '`exportFindings: false`' }],
    cost: 'GuardDuty keeps findings for 90 days only, shorter than most audit retention',
    rules: [],
  },
  THREAT_DETECTION_HIGH_FINDINGS_NOT_ALERTED: {
    id: id('threatDetection.highFindingsNotAlerted'),
    raisedBy: [
      { construct: 'ThreatDetection', when: '`minimumSeverity` above 7.0' },
      { construct: 'SecurityBaseline', when: '`guardDutyMinimumSeverity` above 7.0' },
    ],
    cost: 'High GuardDuty findings (7.0–8.9) raise no alert',
    rules: ['GuardDuty.FindingsAlerted'],
  },
  THREAT_DETECTION_SECURITY_HUB_DISABLED: {
    id: id('threatDetection.securityHubDisabled'),
    raisedBy: [{ construct: 'ThreatDetection', when: '`securityHub: false`' }],
    cost: 'no control findings for the account (CIS 4.16)',
    rules: ['SecurityHub.Enabled'],
  },
  THREAT_DETECTION_NO_SECURITY_HUB_STANDARDS: {
    id: id('threatDetection.noSecurityHubStandards'),
    raisedBy: [
      { construct: 'ThreatDetection', when: '`securityHubStandards: []`' },
      { construct: 'SecurityBaseline', when: '`securityHubStandards: []`' },
    ],
    cost: 'Security Hub runs no controls',
    rules: ['SecurityHub.Standards'],
  },
  THREAT_DETECTION_HIGH_CONTROL_FINDINGS_NOT_ALERTED: {
    id: id('threatDetection.highControlFindingsNotAlerted'),
    raisedBy: [{ construct: 'ThreatDetection', when: '`securityHubMinimumSeverity: SecurityHubSeverity.CRITICAL`' }],
    cost: 'failed High controls raise no alert',
    rules: ['SecurityHub.FindingsAlerted'],
  },
  THREAT_DETECTION_CONFIG_DISABLED: {
    id: id('threatDetection.configDisabled'),
    raisedBy: [{ construct: 'ThreatDetection', when: '`configRecorder: false`' }],
    cost: 'no configuration history, and the Security Hub controls that need AWS Config stop working (CIS 3.3)',
    rules: ['Config.RecorderEnabled'],
  },
} satisfies Record<string, Weakening>;

/** Raise `weakening`'s warning on `scope` with `message`, which says what the caller set and what it costs. */
export function warnWeakening(scope: IConstruct, weakening: Weakening, message: string): void {
  Annotations.of(scope).addWarningV2(weakening.id, message);
}
