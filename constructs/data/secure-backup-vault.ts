import { Arn, ArnFormat, Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { throwIfProblems } from '../../lib/errors';
import { oneOf, sameRegion, wholeDays } from '../../lib/validation';
import { DataKey } from './data-key';
import { nameKeyAliasSource } from './private/key-naming';

/**
 * How AWS Backup Vault Lock protects the vault's recovery points.
 *
 * @see https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html
 */
export enum VaultLockMode {
  /**
   * Governance mode: the lock enforces the retention range, but a principal with
   * `backup:DeleteBackupVaultLockConfiguration` can still remove it. The lock has no `ChangeableForDays`.
   */
  GOVERNANCE = 'GOVERNANCE',
  /**
   * Compliance mode: after the grace period (`changeableFor`, at least 3 days) the lock becomes
   * immutable. Nobody, not even the root user or AWS, can remove it or shorten a retention again.
   */
  COMPLIANCE = 'COMPLIANCE',
}

/** Default shortest retention Vault Lock accepts, in days (the AWS Config backup rules' default). */
export const DEFAULT_LOCK_MIN_RETENTION_DAYS = 35;

/**
 * Vault notification events that report a failure or a change to a recovery point, among the events
 * AWS Backup still supports. Failed, aborted and expired backup jobs and failed restore jobs have no
 * supported vault event: they reach `alertTopic` through EventBridge rules instead (see
 * `SecureBackupVault`).
 *
 * @see https://docs.aws.amazon.com/aws-backup/latest/devguide/API_PutBackupVaultNotifications.html
 */
export const DEFAULT_VAULT_NOTIFICATION_EVENTS: backup.BackupVaultEvents[] = [
  backup.BackupVaultEvents.COPY_JOB_FAILED,
  backup.BackupVaultEvents.RECOVERY_POINT_MODIFIED,
  backup.BackupVaultEvents.S3_BACKUP_OBJECT_FAILED,
  backup.BackupVaultEvents.S3_RESTORE_OBJECT_FAILED,
];

/**
 * Vault notification events that the PutBackupVaultNotifications API reference lists as deprecated:
 * they "do not return statuses or notifications", so a vault subscribed to them never reports anything.
 *
 * @see https://docs.aws.amazon.com/aws-backup/latest/devguide/API_PutBackupVaultNotifications.html
 */
export const DEPRECATED_VAULT_NOTIFICATION_EVENTS: backup.BackupVaultEvents[] = [
  backup.BackupVaultEvents.BACKUP_JOB_SUCCESSFUL,
  backup.BackupVaultEvents.BACKUP_JOB_FAILED,
  backup.BackupVaultEvents.BACKUP_JOB_EXPIRED,
  backup.BackupVaultEvents.RESTORE_JOB_SUCCESSFUL,
  backup.BackupVaultEvents.RESTORE_JOB_FAILED,
  backup.BackupVaultEvents.BACKUP_PLAN_CREATED,
  backup.BackupVaultEvents.BACKUP_PLAN_MODIFIED,
];

/**
 * Actions the vault access policy denies to every principal, including the account root.
 *
 * `PutBackupVaultAccessPolicy` is deliberately not here: CloudFormation needs it to update this policy,
 * and a deny for every principal could never be lifted again. Restrict it with IAM or an SCP instead.
 */
export const VAULT_DENIED_ACTIONS = [
  'backup:DeleteBackupVaultAccessPolicy',
  'backup:DeleteRecoveryPoint',
  'backup:UpdateRecoveryPointLifecycle',
];

export interface SecureBackupVaultProps {
  /**
   * Vault name: 2-50 letters, digits, '-' or '_', unique in the account and Region.
   *
   * @default - a name derived from the construct path
   */
  readonly backupVaultName?: string;
  /**
   * Key that encrypts the recovery points. AWS Backup roles that write to the vault must be allowed to
   * use it in its key policy.
   *
   * @default - a new `DataKey` for data class `dataClass`
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * Data class of the keys this vault defines: the vault key is `<dataClass>` and the notification
   * topic's key is `<dataClass>-notifications`. Use a different class per vault in one Region, because
   * it becomes the key alias. 1-36 lowercase letters, digits or hyphens.
   *
   * @default 'backup'
   */
  readonly dataClass?: string;
  /**
   * Vault Lock mode.
   *
   * @default VaultLockMode.GOVERNANCE
   */
  readonly lockMode?: VaultLockMode;
  /**
   * Shortest retention Vault Lock accepts: a backup or copy job with a shorter retention fails, and no
   * recovery point can be made to expire sooner. Whole days, at least 1.
   *
   * @default Duration.days(35)
   */
  readonly lockMinRetention?: Duration;
  /**
   * Longest retention Vault Lock accepts. Whole days, greater than `lockMinRetention`, at most 36500.
   *
   * @default - no maximum
   */
  readonly lockMaxRetention?: Duration;
  /**
   * Compliance mode only: grace period before the lock becomes immutable, at least 3 days. During it the
   * lock can still be changed or removed.
   *
   * @default Duration.days(3) in compliance mode; not allowed in governance mode
   */
  readonly changeableFor?: Duration;
  /**
   * Topic that receives the vault's events. It must be allowed to receive from `backup.amazonaws.com`
   * (topic policy and, if encrypted, key policy).
   *
   * @default - a new topic encrypted with a `DataKey` (`<dataClass>-notifications`) that only AWS Backup
   * vaults of this account and Region may publish to, over TLS only
   */
  readonly notificationTopic?: sns.ITopic;
  /**
   * Vault events sent to the topic. Deprecated events (`DEPRECATED_VAULT_NOTIFICATION_EVENTS`, such as
   * `BACKUP_JOB_FAILED`) never fire and are rejected.
   *
   * @default DEFAULT_VAULT_NOTIFICATION_EVENTS (failed copy jobs, modified recovery points, failed S3 objects)
   */
  readonly notificationEvents?: backup.BackupVaultEvents[];
  /**
   * Topic that receives a readable alert for every failed, aborted or expired backup job into this
   * vault, every failed copy job from it, and every failed or aborted restore job of its recovery
   * points (restore tests included), through EventBridge rules on `aws.backup` job state changes
   * (usually `SecurityAlerts.topic`). Its policy must let this account's EventBridge rules publish, and
   * its key, if any, must let `events.amazonaws.com` use it without source conditions (SecurityAlerts
   * does both).
   *
   * @default - the vault's notification topic
   */
  readonly alertTopic?: sns.ITopic;
  /**
   * Accounts whose backup plans may copy recovery points into this vault (`backup:CopyIntoBackupVault`),
   * for example the production accounts that keep their off-account copies here.
   *
   * @default - no other account may copy in
   */
  readonly allowCopyFromAccounts?: string[];
}

/**
 * An AWS Backup vault encrypted with a customer-managed key, protected by Vault Lock and a vault access
 * policy, that reports failures to an encrypted SNS topic.
 *
 * Default settings:
 * - recovery points encrypted with a `DataKey` (data class `backup`);
 * - Vault Lock in governance mode with a 35-day minimum retention;
 * - the vault access policy denies `DeleteRecoveryPoint`, `UpdateRecoveryPointLifecycle` and
 *   `DeleteBackupVaultAccessPolicy` to every principal, so recovery points can only expire through
 *   their lifecycle;
 * - failed, aborted and expired backup jobs, failed copy jobs and failed or aborted restore jobs (restore
 *   tests included) reach `alertTopic` as a readable sentence, through EventBridge rules on `aws.backup`
 *   job state changes (the vault notification events for them are deprecated and never fire);
 * - failed copy jobs, failed S3 objects and recovery-point changes also go, as vault notifications, to a
 *   KMS-encrypted, TLS-only topic that only AWS Backup (for a vault of this account and Region) and this
 *   account's EventBridge rules may publish to (`aws:SourceAccount` and `aws:SourceArn`);
 * - retained when the stack is deleted.
 */
export class SecureBackupVault extends Construct {
  /** The vault. */
  public readonly backupVault: backup.BackupVault;
  /** Vault name. */
  public readonly backupVaultName: string;
  /** Vault ARN. */
  public readonly backupVaultArn: string;
  /** The key that encrypts the recovery points. */
  public readonly encryptionKey: kms.IKey;
  /** The vault key we defined, when none was given. */
  public readonly dataKey?: DataKey;
  /** The topic that receives vault events. */
  public readonly notificationTopic: sns.ITopic;
  /** The key of the topic we defined, when none was given. */
  public readonly notificationKey?: DataKey;
  /** The topic that receives the readable job-failure alerts. */
  public readonly alertTopic: sns.ITopic;
  /** EventBridge rules that send failed backup, copy and restore jobs to `alertTopic`. */
  public readonly jobAlertRules: events.Rule[];
  /** Vault Lock mode. */
  public readonly lockMode: VaultLockMode;
  /** Shortest retention the lock accepts. */
  public readonly lockMinRetention: Duration;
  /** Longest retention the lock accepts, if any. */
  public readonly lockMaxRetention?: Duration;

  constructor(scope: Construct, id: string, props: SecureBackupVaultProps = {}) {
    super(scope, id);
    validateSecureBackupVaultProps(this, props);
    nameKeyAliasSource(this, {
      prop: 'dataClass',
      value: props.dataClass ?? 'backup',
      fix: 'give each SecureBackupVault its own dataClass, or pass encryptionKey and notificationTopic',
    });

    const stack = Stack.of(this);
    const dataClass = props.dataClass ?? 'backup';
    this.lockMode = props.lockMode ?? VaultLockMode.GOVERNANCE;
    this.lockMinRetention = props.lockMinRetention ?? Duration.days(DEFAULT_LOCK_MIN_RETENTION_DAYS);
    this.lockMaxRetention = props.lockMaxRetention;

    if (props.encryptionKey) {
      this.encryptionKey = props.encryptionKey;
    } else {
      this.dataKey = new DataKey(this, 'Key', { dataClass });
      this.encryptionKey = this.dataKey.key;
      // Whoever defines the vault (CloudFormation, with the deployer's credentials) needs kms:Decrypt and
      // kms:GenerateDataKey on the vault key, through AWS Backup ("Backup vault creation and deletion",
      // Required permissions). kms:CreateGrant, kms:DescribeKey and kms:RetireGrant, the rest of that
      // list, are in the account's administrative statement.
      // @see https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault.html
      this.dataKey.allowAccountUseThroughServices({
        services: ['backup'],
        sid: 'AllowVaultUseThroughBackup',
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        allowGrants: false,
      });
    }

    if (props.notificationTopic) {
      this.notificationTopic = props.notificationTopic;
    } else {
      this.notificationKey = new DataKey(this, 'NotificationKey', { dataClass: `${dataClass}-notifications` });
      // SNS encrypts each message with a data key that the publisher (AWS Backup) generates. The SNS
      // developer guide recommends aws:SourceAccount/aws:SourceArn on the key policy for AWS service
      // publishers and rules them out only for EventBridge, so AWS Backup keeps aws:SourceAccount.
      // @see https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
      this.notificationKey.allowServiceUse({
        service: 'backup.amazonaws.com',
        sid: 'AllowBackupToPublishForThisAccount',
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        sourceAccount: true,
      });
      // The job-failure rules publish here unless alertTopic is given. SNS does not support
      // aws:SourceAccount/aws:SourceArn in the key policy for EventBridge-to-encrypted topics, so this
      // statement has none; the topic policy below admits only this account's rules.
      // @see https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
      this.notificationKey.key.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'AllowEventBridgeToPublishJobAlerts',
          principals: [new iam.ServicePrincipal('events.amazonaws.com')],
          actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          resources: ['*'],
        }),
      );
      const topic = new sns.Topic(this, 'Notifications', {
        masterKey: this.notificationKey.key,
        enforceSSL: true,
      });
      topic.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'AllowBackupToPublishForThisAccount',
          principals: [new iam.ServicePrincipal('backup.amazonaws.com')],
          actions: ['sns:Publish'],
          resources: [topic.topicArn],
          // AWS Backup publishes with the vault as aws:SourceArn. Any vault of this account and Region
          // (not this vault's own ARN, which would make the vault and topic depend on each other).
          conditions: {
            StringEquals: { 'aws:SourceAccount': stack.account },
            ArnLike: {
              'aws:SourceArn': Arn.format({ service: 'backup', resource: 'backup-vault', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }, stack),
            },
          },
        }),
      );
      topic.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'AllowEventBridgeRulesOfThisAccount',
          principals: [new iam.ServicePrincipal('events.amazonaws.com')],
          actions: ['sns:Publish'],
          resources: [topic.topicArn],
          // Any rule of this account and Region, not the job-alert rules by ARN: the rules read the vault,
          // which depends on this topic, so naming them here would be a dependency cycle.
          conditions: {
            StringEquals: { 'aws:SourceAccount': stack.account },
            ArnLike: { 'aws:SourceArn': Arn.format({ service: 'events', resource: 'rule', resourceName: '*' }, stack) },
          },
        }),
      );
      this.notificationTopic = topic;
    }
    this.alertTopic = props.alertTopic ?? this.notificationTopic;

    // Lock settings by mode:
    // | lockMode   | ChangeableForDays        | Who can remove the lock                          |
    // | GOVERNANCE | absent                   | principals with DeleteBackupVaultLockConfiguration |
    // | COMPLIANCE | changeableFor (>= 3 days) | nobody, once the grace period has passed        |
    const changeableFor =
      this.lockMode === VaultLockMode.COMPLIANCE ? (props.changeableFor ?? Duration.days(3)) : undefined;

    this.backupVault = new backup.BackupVault(this, 'Resource', {
      backupVaultName: props.backupVaultName,
      encryptionKey: this.encryptionKey,
      removalPolicy: RemovalPolicy.RETAIN,
      lockConfiguration: {
        minRetention: this.lockMinRetention,
        maxRetention: this.lockMaxRetention,
        changeableFor,
      },
    });
    this.backupVault.addToAccessPolicy(
      new iam.PolicyStatement({
        sid: 'DenyRecoveryPointDeletionForEveryone',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: VAULT_DENIED_ACTIONS,
        resources: ['*'],
      }),
    );
    if (props.allowCopyFromAccounts && props.allowCopyFromAccounts.length > 0) {
      this.backupVault.addToAccessPolicy(
        new iam.PolicyStatement({
          sid: 'AllowCopyFromListedAccounts',
          principals: props.allowCopyFromAccounts.map((account) => new iam.AccountPrincipal(account)),
          actions: ['backup:CopyIntoBackupVault'],
          resources: ['*'],
        }),
      );
    }
    // Notifications are set on the L1: the L2 would grant `backup.amazonaws.com` publish without the
    // aws:SourceAccount condition.
    const cfnVault = this.backupVault.node.defaultChild as backup.CfnBackupVault;
    cfnVault.notifications = {
      backupVaultEvents: props.notificationEvents ?? DEFAULT_VAULT_NOTIFICATION_EVENTS,
      snsTopicArn: this.notificationTopic.topicArn,
    };
    // The topic and its policy must exist before the vault registers it.
    this.backupVault.node.addDependency(this.notificationTopic);
    this.backupVaultName = this.backupVault.backupVaultName;
    this.backupVaultArn = this.backupVault.backupVaultArn;
    this.jobAlertRules = this.defineJobAlertRules();
  }

  /**
   * EventBridge rules that turn failed jobs into readable alerts on `alertTopic`.
   *
   * The vault notification events for failed backup and restore jobs are deprecated and never fire,
   * so the job state changes AWS Backup sends to EventBridge are used instead:
   *
   * | Rule        | detail-type               | States                   | Scoped to this vault by                       |
   * | ----------- | ------------------------- | ------------------------ | --------------------------------------------- |
   * | BackupJobs  | `Backup Job State Change`  | FAILED, ABORTED, EXPIRED | `backupVaultName`                              |
   * | CopyJobs    | `Copy Job State Change`    | FAILED                   | `sourceBackupVaultArn` (copies from this vault) |
   * | RestoreJobs | `Restore Job State Change` | FAILED, ABORTED (status) | `backupVaultArn`, or events without one       |
   *
   * Restore job events carry `backupVaultArn` only in some cases (AWS's own FAILED example has none),
   * so a restore event without it is alerted too: a duplicate is better than a lost failure. Restore
   * tests are restore jobs and are covered by the same rule.
   *
   * @see https://docs.aws.amazon.com/aws-backup/latest/devguide/eventbridge.html
   * @see https://docs.aws.amazon.com/aws-backup/latest/devguide/API_DescribeRestoreJob.html
   * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-content-based-filtering.html
   */
  private defineJobAlertRules(): events.Rule[] {
    const f = (path: string) => events.EventField.fromPath(path);
    const where = `(account ${f('$.account')}, Region ${f('$.region')})`;
    const routes: Array<{ id: string; description: string; pattern: events.EventPattern; message: string }> = [
      {
        id: 'BackupJobAlerts',
        description: 'failed, aborted or expired backup jobs',
        pattern: {
          detailType: ['Backup Job State Change'],
          detail: { state: ['FAILED', 'ABORTED', 'EXPIRED'], backupVaultName: [this.backupVault.backupVaultName] },
        },
        message:
          `AWS Backup: backup job ${f('$.detail.backupJobId')} ${f('$.detail.state')} for ${f('$.detail.resourceType')} ` +
          `${f('$.detail.resourceArn')} into vault ${f('$.detail.backupVaultName')} ${where}. Reason: ${f('$.detail.statusMessage')}`,
      },
      {
        id: 'CopyJobAlerts',
        description: 'failed copy jobs',
        pattern: {
          detailType: ['Copy Job State Change'],
          detail: { state: ['FAILED'], sourceBackupVaultArn: [this.backupVault.backupVaultArn] },
        },
        message:
          `AWS Backup: copy job ${f('$.detail.copyJobId')} ${f('$.detail.state')} for ${f('$.detail.resourceType')} ` +
          `${f('$.detail.resourceArn')} from ${f('$.detail.sourceBackupVaultArn')} to ${f('$.detail.destinationBackupVaultArn')} ${where}. ` +
          `Reason: ${f('$.detail.statusMessage')}`,
      },
      {
        id: 'RestoreJobAlerts',
        description: 'failed or aborted restore jobs, restore tests included',
        pattern: {
          detailType: ['Restore Job State Change'],
          detail: {
            status: ['FAILED', 'ABORTED'],
            $or: [{ backupVaultArn: [this.backupVault.backupVaultArn] }, { backupVaultArn: [{ exists: false }] }],
          },
        },
        message:
          `AWS Backup: restore job ${f('$.detail.restoreJobId')} ${f('$.detail.status')} for ${f('$.detail.resourceType')} ${where}. ` +
          `Reason: ${f('$.detail.statusMessage')}`,
      },
    ];
    const topic = this.alertTopic;
    return routes.map((route) => {
      const rule = new events.Rule(this, route.id, {
        description: `Sends ${route.description} of backup vault ${this.node.path} to the alert topic (cdk-security-baseline)`,
        eventPattern: { source: ['aws.backup'], ...route.pattern },
        enabled: true,
      });
      const input = events.RuleTargetInput.fromText(route.message);
      rule.addTarget({ bind: () => ({ arn: topic.topicArn, input, targetResource: topic }) });
      return rule;
    });
  }
}

function validateSecureBackupVaultProps(scope: Construct, props: SecureBackupVaultProps): void {
  const problems: string[] = [];
  const mode = props.lockMode ?? VaultLockMode.GOVERNANCE;

  // A JavaScript or Python caller can pass any string: reject it rather than treat it as governance.
  oneOf('lockMode', props.lockMode, Object.values(VaultLockMode), problems);
  sameRegion('encryptionKey', props.encryptionKey, scope, problems);
  // The name pattern of CreateBackupVault; it also rules out AWS Backup's own names with '/', such as
  // aws/efs/automatic-backup-vault. @see https://docs.aws.amazon.com/aws-backup/latest/devguide/API_CreateBackupVault.html
  if (props.backupVaultName !== undefined && !Token.isUnresolved(props.backupVaultName) && !/^[a-zA-Z0-9\-_]{2,50}$/.test(props.backupVaultName)) {
    problems.push(
      `backupVaultName must be 2-50 letters, digits, '-' or '_', got ${JSON.stringify(props.backupVaultName)}; ` +
        "use a name such as 'baseline-backups'",
    );
  }
  if (props.encryptionKey && props.dataClass !== undefined) {
    problems.push(
      `dataClass names the keys the vault defines, but encryptionKey was also given (dataClass ${JSON.stringify(props.dataClass)}); ` +
        'pass one or the other',
    );
  }
  if (props.dataClass !== undefined && !Token.isUnresolved(props.dataClass) && !/^[a-z0-9][a-z0-9-]{0,35}$/.test(props.dataClass)) {
    problems.push(
      `dataClass must be 1-36 lowercase letters, digits or hyphens (it becomes the key aliases, with '-notifications' appended for the topic key), got ${JSON.stringify(props.dataClass)}; ` +
        "use a name such as 'backup' or 'backup-prod'",
    );
  }

  const min = wholeDays('lockMinRetention', props.lockMinRetention, problems);
  const max = wholeDays('lockMaxRetention', props.lockMaxRetention, problems);
  if (min !== undefined && (min < 1 || min > 36500)) {
    problems.push(
      `lockMinRetention must be a whole number of days from 1 to 36500, got ${JSON.stringify(min)} days; ` +
        'use Duration.days(35) or longer',
    );
  }
  if (max !== undefined && (max < 1 || max > 36500)) {
    problems.push(
      `lockMaxRetention must be a whole number of days from 1 to 36500, got ${JSON.stringify(max)} days; ` +
        'omit it for no maximum',
    );
  }
  const effectiveMin = props.lockMinRetention === undefined ? DEFAULT_LOCK_MIN_RETENTION_DAYS : min;
  if (max !== undefined && effectiveMin !== undefined && max <= effectiveMin) {
    problems.push(
      `lockMaxRetention must be greater than lockMinRetention, got lockMinRetention ${effectiveMin} days and lockMaxRetention ${max} days; ` +
        'raise lockMaxRetention, lower lockMinRetention, or omit lockMaxRetention for no maximum',
    );
  }

  const days = wholeDays('changeableFor', props.changeableFor, problems);
  if (days !== undefined) {
    if (mode !== VaultLockMode.COMPLIANCE) {
      problems.push(
        `changeableFor is the grace period of a compliance-mode lock, but lockMode is ${mode} (changeableFor ${days} days); ` +
          'set lockMode: VaultLockMode.COMPLIANCE or omit changeableFor',
      );
    } else if (days < 3) {
      problems.push(
        `changeableFor must be a whole number of days, at least 3 (AWS Backup's cooling-off period), got ${days} days; ` +
          'use Duration.days(3) or longer',
      );
    }
  }

  if (props.notificationEvents !== undefined && props.notificationEvents.length === 0) {
    problems.push(
      'notificationEvents must list at least one event, got []; omit it for the failure and recovery-point events',
    );
  }
  const deprecated = (props.notificationEvents ?? []).filter((e) => DEPRECATED_VAULT_NOTIFICATION_EVENTS.includes(e));
  if (deprecated.length > 0) {
    problems.push(
      `notificationEvents must not contain events AWS Backup has deprecated, which never fire, got ${JSON.stringify(deprecated)}; ` +
        'failed, aborted and expired backup jobs and failed restore jobs already reach alertTopic through EventBridge; ' +
        'use BACKUP_JOB_COMPLETED or RESTORE_JOB_COMPLETED (with a subscription filter on the state) for the rest',
    );
  }
  for (const account of props.allowCopyFromAccounts ?? []) {
    if (!Token.isUnresolved(account) && !/^\d{12}$/.test(account)) {
      problems.push(`allowCopyFromAccounts must hold 12-digit account ids, got ${JSON.stringify(account)}`);
    }
  }
  throwIfProblems('SecureBackupVault.InvalidProps', scope, problems);
}
