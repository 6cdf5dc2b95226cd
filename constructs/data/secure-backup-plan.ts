import { ArnFormat, Duration, Lazy, Names, Stack, Token } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct, IConstruct } from 'constructs';
import { throwIfProblems, validationMessages } from '../../lib/errors';
import { samePartition, wholeDays } from '../../lib/validation';
import { acknowledgeExternal, EXTERNAL_FINDINGS } from '../private/external-checks';
import { warnWeakening, WEAKENINGS } from '../private/weakenings';
import { DEFAULT_LOCK_MIN_RETENTION_DAYS, SecureBackupVault } from './secure-backup-vault';

/**
 * A resource type AWS Backup protects, named as restore testing names it (`ProtectedResourceType`).
 *
 * @see https://docs.aws.amazon.com/aws-backup/latest/devguide/API_RestoreTestingSelectionForCreate.html
 */
export enum BackupResourceType {
  /** Amazon Aurora clusters. */
  AURORA = 'Aurora',
  /** Amazon DocumentDB clusters. */
  DOCUMENTDB = 'DocumentDB',
  /** Amazon DynamoDB tables. */
  DYNAMODB = 'DynamoDB',
  /** Amazon EBS volumes. */
  EBS = 'EBS',
  /** Amazon EC2 instances. */
  EC2 = 'EC2',
  /** Amazon EFS file systems. */
  EFS = 'EFS',
  /** Amazon FSx file systems. */
  FSX = 'FSx',
  /** Amazon Neptune clusters. */
  NEPTUNE = 'Neptune',
  /** Amazon RDS DB instances and Multi-AZ DB clusters. */
  RDS = 'RDS',
  /** Amazon S3 buckets (versioning must be on). */
  S3 = 'S3',
}

/** A tag that selects resources for the plan: `key` equals `value`. */
export interface BackupSelectionTag {
  /** Tag key. */
  readonly key: string;
  /** Tag value. */
  readonly value: string;
}

/** A copy of every recovery point to a vault in another Region (and, optionally, another account). */
export interface BackupCopy {
  /**
   * ARN of the destination vault: `arn:<partition>:backup:<region>:<account>:backup-vault:<name>`. The
   * Region must differ from the plan's. A vault in another account must allow this account
   * `backup:CopyIntoBackupVault` (see `SecureBackupVault`'s `allowCopyFromAccounts`).
   */
  readonly destinationVaultArn: string;
  /**
   * How long the copy is kept. It must satisfy the destination vault's lock.
   *
   * @default - the plan's `retention`
   */
  readonly retention?: Duration;
  /**
   * When the copy moves to cold storage; `retention` must then be at least 90 days longer.
   *
   * @default - the copy stays in warm storage
   */
  readonly moveToColdStorageAfter?: Duration;
}

export interface SecureBackupPlanProps {
  /**
   * Vault that receives the recovery points. The plan checks its retention against the vault's lock and
   * lets the plan's roles use the vault key (when the vault is in the same stack and defined its key).
   *
   * @default - a new `SecureBackupVault` with default settings
   */
  readonly backupVault?: SecureBackupVault;
  /**
   * Topic that receives a readable alert for every failed, aborted or expired backup job, failed copy
   * job and failed restore job (restore tests included) of the vault the plan defines (usually
   * `SecurityAlerts.topic`; see `SecureBackupVault`'s `alertTopic`). With `backupVault`, set
   * `alertTopic` on that vault instead.
   *
   * @default - the notification topic of the vault the plan defines
   */
  readonly alertTopic?: sns.ITopic;
  /**
   * Plan name: 1-50 letters, digits, '-', '_' or '.'.
   *
   * @default - a name derived from the construct path
   */
  readonly backupPlanName?: string;
  /**
   * Recovery point objective: the most data, in time, you accept to lose. At least 1 hour. The schedule
   * is derived from it (see `scheduleForRpo`): below 24 hours, every N hours where N is the largest
   * divisor of 24 not above the RPO; from 24 hours, daily at 05:00 UTC.
   *
   * @default Duration.days(1)
   */
  readonly rpo?: Duration;
  /**
   * How long recovery points are kept: whole days, within the vault lock's minimum and maximum.
   *
   * @default Duration.days(35)
   */
  readonly retention?: Duration;
  /**
   * When recovery points move to cold storage (for resource types that support it). AWS keeps cold
   * recovery points at least 90 days, so `retention` must be at least this plus 90 days.
   *
   * @default - recovery points stay in warm storage
   */
  readonly moveToColdStorageAfter?: Duration;
  /**
   * Copies of every recovery point to vaults in other Regions or accounts.
   *
   * @default - no copies
   */
  readonly copies?: BackupCopy[];
  /**
   * Select every resource that carries any of these tags (in addition to the resources passed to
   * `protect()`).
   *
   * @default - only the resources passed to `protect()`
   */
  readonly selectionTags?: BackupSelectionTag[];
  /**
   * Resource types that `selectionTags` select. Each type gets a tag-based restore-testing selection,
   * and `BackupResourceType.S3` adds the S3 backup and restore policies to the roles.
   *
   * @default - none: tagged resources are backed up but not restore-tested
   */
  readonly taggedResourceTypes?: BackupResourceType[];
  /**
   * Define a restore testing plan that restores the latest recovery point of each selected resource type
   * on `restoreTestSchedule`. Turning it off raises the warning
   * `cdk-security-baseline:backupPlan.noRestoreTesting`.
   *
   * @default true
   */
  readonly restoreTesting?: boolean;
  /**
   * When restore tests run: a cron schedule.
   *
   * @default events.Schedule.expression('cron(0 6 ? * MON *)') - weekly, Monday 06:00 UTC
   */
  readonly restoreTestSchedule?: events.Schedule;
  /**
   * How far back restore testing picks the latest recovery point: whole days, 1 to 365.
   *
   * @default Duration.days(7)
   */
  readonly restoreTestSelectionWindow?: Duration;
}

/** AWS managed policies, by what they let AWS Backup do. */
const MANAGED_POLICIES = {
  backup: 'service-role/AWSBackupServiceRolePolicyForBackup',
  restore: 'service-role/AWSBackupServiceRolePolicyForRestores',
  s3Backup: 'AWSBackupServiceRolePolicyForS3Backup',
  s3Restore: 'AWSBackupServiceRolePolicyForS3Restore',
};

/** Restore testing accepts at most this many ARNs in one selection. */
const MAX_ARNS_PER_RESTORE_SELECTION = 30;

const VAULT_ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-[a-z]|aws-eusc):backup:([a-z]{2}(-[a-z]+)+-\d):(\d{12}):backup-vault:([a-zA-Z0-9\-_]{2,50})$/;

/**
 * The backup schedule that meets a recovery point objective.
 *
 * | RPO              | Schedule                                                  |
 * | below 1 hour     | not allowed (AWS Backup runs at most hourly)              |
 * | 1 to 23 hours    | every N hours, N = largest divisor of 24 not above the RPO |
 * | 24 hours or more | daily at 05:00 UTC                                        |
 *
 * Divisors of 24 keep the interval even across midnight, so no gap is ever longer than the RPO.
 */
export function scheduleForRpo(rpo: Duration): string {
  const hours = Math.floor(rpo.toHours({ integral: false }));
  if (hours >= 24) return 'cron(0 5 * * ? *)';
  const every = [12, 8, 6, 4, 3, 2, 1].find((d) => d <= hours) ?? 1;
  return every === 1 ? 'cron(0 * * * ? *)' : `cron(0 0/${every} * * ? *)`;
}

/**
 * An AWS Backup plan derived from a recovery point objective and a retention, writing to a
 * `SecureBackupVault`, with cross-Region copies and a restore testing plan.
 *
 * Default settings:
 * - daily backups (RPO 24 hours), kept 35 days, in a new `SecureBackupVault`;
 * - retention checked against the vault's lock at synth, and cold storage against AWS's 90-day minimum;
 * - resources selected by construct (`protect()`) and by tag (`selectionTags`); a plan that selects
 *   nothing fails at synth;
 * - AWS Backup works through two roles: `BackupRole` (AWS managed backup policies) and `RestoreTestRole`
 *   (AWS managed restore policies); S3 policies are added only when S3 is selected;
 * - a weekly restore test of the latest recovery point of each protected resource type.
 */
export class SecureBackupPlan extends Construct {
  /** The plan. */
  public readonly backupPlan: backup.BackupPlan;
  /** The vault the plan writes to. */
  public readonly backupVault: SecureBackupVault;
  /** The role AWS Backup assumes to back up the selected resources. */
  public readonly backupRole: iam.Role;
  /** The role AWS Backup assumes to restore recovery points in restore tests. */
  public readonly restoreTestRole?: iam.Role;
  /** The restore testing plan, unless `restoreTesting` is false. */
  public readonly restoreTestingPlan?: backup.CfnRestoreTestingPlan;
  /** The backup schedule derived from the RPO. */
  public readonly scheduleExpression: string;
  /** How long recovery points are kept. */
  public readonly retention: Duration;

  private readonly protectedArns: string[] = [];
  private readonly protectedNodes = new Set<string>();
  private protectedSelection?: backup.CfnBackupSelection;
  private readonly restoreSelections = new Map<BackupResourceType, string[][]>();
  private readonly hasTagSelection: boolean;
  private s3PoliciesAdded = false;

  constructor(scope: Construct, id: string, props: SecureBackupPlanProps = {}) {
    super(scope, id);
    validateSecureBackupPlanProps(this, props);

    const stack = Stack.of(this);
    this.backupVault = props.backupVault ?? new SecureBackupVault(this, 'Vault', { alertTopic: props.alertTopic });
    this.retention = props.retention ?? Duration.days(35);
    this.scheduleExpression = scheduleForRpo(props.rpo ?? Duration.days(1));

    this.backupRole = new iam.Role(this, 'BackupRole', {
      assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
      description: 'AWS Backup creates and copies recovery points for this plan (cdk-security-baseline)',
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName(MANAGED_POLICIES.backup)],
    });
    acknowledgeManagedPolicies(this.backupRole, [MANAGED_POLICIES.backup]);

    this.backupPlan = new backup.BackupPlan(this, 'Resource', {
      backupPlanName: props.backupPlanName ?? Names.uniqueResourceName(this, { maxLength: 50, separator: '-' }),
      backupVault: this.backupVault.backupVault,
      backupPlanRules: [
        new backup.BackupPlanRule({
          ruleName: 'Scheduled',
          scheduleExpression: events.Schedule.expression(this.scheduleExpression),
          // A job that has not started within an hour ends EXPIRED, which the vault's job alerts report,
          // rather than silently stretching the RPO; large first backups get AWS's default week to complete.
          startWindow: Duration.hours(1),
          completionWindow: Duration.days(7),
          deleteAfter: this.retention,
          moveToColdStorageAfter: props.moveToColdStorageAfter,
          copyActions: (props.copies ?? []).map((copy, i) => ({
            destinationBackupVault: backup.BackupVault.fromBackupVaultArn(this, `CopyTarget${i}`, copy.destinationVaultArn),
            deleteAfter: copy.retention ?? this.retention,
            moveToColdStorageAfter: copy.moveToColdStorageAfter,
          })),
        }),
      ],
    });

    const tags = props.selectionTags ?? [];
    this.hasTagSelection = tags.length > 0;
    if (this.hasTagSelection) {
      new backup.CfnBackupSelection(this, 'TaggedResources', {
        backupPlanId: this.backupPlan.backupPlanId,
        backupSelection: {
          selectionName: 'tagged-resources',
          iamRoleArn: this.backupRole.roleArn,
          listOfTags: tags.map((tag) => ({ conditionType: 'STRINGEQUALS', conditionKey: tag.key, conditionValue: tag.value })),
        },
      });
    }

    if (props.restoreTesting ?? true) {
      const restoreTestRole = new iam.Role(this, 'RestoreTestRole', {
        assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
        description: 'AWS Backup restores recovery points of this plan in restore tests (cdk-security-baseline)',
        managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName(MANAGED_POLICIES.restore)],
      });
      acknowledgeManagedPolicies(restoreTestRole, [MANAGED_POLICIES.restore]);
      const restoreTestingPlan = new backup.CfnRestoreTestingPlan(this, 'RestoreTestingPlan', {
        restoreTestingPlanName: Names.uniqueResourceName(this, { maxLength: 50, separator: '_' }),
        scheduleExpression: (props.restoreTestSchedule ?? events.Schedule.expression('cron(0 6 ? * MON *)')).expressionString,
        startWindowHours: 24,
        recoveryPointSelection: {
          algorithm: 'LATEST_WITHIN_WINDOW',
          includeVaults: [this.backupVault.backupVaultArn],
          recoveryPointTypes: ['SNAPSHOT'],
          selectionWindowDays: props.restoreTestSelectionWindow?.toDays() ?? 7,
        },
      });
      this.restoreTestRole = restoreTestRole;
      this.restoreTestingPlan = restoreTestingPlan;
      // One selection per (type, tag), so each tag alone selects a resource, as in the backup selection
      // (several conditions in one restore-testing selection would have to hold together).
      for (const type of props.taggedResourceTypes ?? []) {
        tags.forEach((tag, i) => {
          new backup.CfnRestoreTestingSelection(this, `RestoreTest${type}Tag${i}`, {
            restoreTestingPlanName: restoreTestingPlan.ref,
            restoreTestingSelectionName: `${type}_tag_${i}`,
            protectedResourceType: type,
            iamRoleArn: restoreTestRole.roleArn,
            protectedResourceArns: ['*'],
            protectedResourceConditions: { stringEquals: [{ key: `aws:ResourceTag/${tag.key}`, value: tag.value }] },
          });
        });
      }
      if (this.hasTagSelection && (props.taggedResourceTypes ?? []).length === 0) {
        warnWeakening(
          this,
          WEAKENINGS.BACKUP_PLAN_UNTESTED_TAGGED_RESOURCES,
          'selectionTags select resources for backup, but taggedResourceTypes is empty, so restore tests never ' +
            'restore them; list the types your tags select in taggedResourceTypes',
        );
      }
    } else {
      warnWeakening(
        this,
        WEAKENINGS.BACKUP_PLAN_NO_RESTORE_TESTING,
        'restoreTesting is false: nothing proves the recovery points can be restored until the day you need them',
      );
    }
    if ((props.taggedResourceTypes ?? []).includes(BackupResourceType.S3)) this.addS3Policies();

    this.allowRolesToUseVaultKey(stack);
    this.node.addValidation({
      validate: () =>
        validationMessages(
          'SecureBackupPlan.NothingSelected',
          this,
          this.hasTagSelection || this.protectedArns.length > 0
            ? []
            : [
                'selectionTags is empty and protect() was never called, so the plan backs up nothing; ' +
                  'pass selectionTags or call protect() with the tables, databases, file systems or buckets to back up',
              ],
        ),
    });
  }

  /**
   * Back up every resource AWS Backup supports inside the given constructs (DynamoDB tables, RDS DB
   * instances and clusters, EFS file systems, EC2 instances, EBS volumes, S3 buckets), and add them to
   * the restore tests.
   *
   * Each construct must contain at least one such resource; S3 buckets must have versioning on.
   */
  public protect(...resources: IConstruct[]): void {
    const problems: string[] = [];
    const found: FoundResource[] = [];
    for (const resource of resources) {
      const inside = findBackupResources(resource);
      if (inside.length === 0) {
        problems.push(
          `protect() found no resource AWS Backup can protect in ${resource.node.path}; pass a DynamoDB table, ` +
            'RDS instance or cluster, EFS file system, EC2 instance, EBS volume or S3 bucket, or select it with selectionTags',
        );
      }
      for (const r of inside) {
        if (r.type === BackupResourceType.S3 && !isVersioned(r.node as s3.CfnBucket)) {
          problems.push(
            `protect() got the S3 bucket ${r.node.node.path}, which does not have versioning on; AWS Backup needs ` +
              'versioning to back up S3: set versioned: true on the bucket',
          );
        }
      }
      found.push(...inside);
    }
    throwIfProblems('SecureBackupPlan.InvalidProtect', this, problems);

    for (const r of found) {
      if (this.protectedNodes.has(r.node.node.path)) continue;
      this.protectedNodes.add(r.node.node.path);
      this.protectedArns.push(r.arn);
      if (r.type === BackupResourceType.S3) this.addS3Policies();
      this.addToRestoreTests(r.type, r.arn);
    }
    if (!this.protectedSelection) {
      this.protectedSelection = new backup.CfnBackupSelection(this, 'ProtectedResources', {
        backupPlanId: this.backupPlan.backupPlanId,
        backupSelection: {
          selectionName: 'protected-resources',
          iamRoleArn: this.backupRole.roleArn,
          resources: Lazy.list({ produce: () => this.protectedArns }),
        },
      });
    }
  }

  private addToRestoreTests(type: BackupResourceType, arn: string): void {
    if (!this.restoreTestingPlan || !this.restoreTestRole) return;
    const chunks = this.restoreSelections.get(type) ?? [];
    let chunk = chunks[chunks.length - 1];
    if (!chunk || chunk.length >= MAX_ARNS_PER_RESTORE_SELECTION) {
      const arns: string[] = [];
      chunk = arns;
      chunks.push(arns);
      const n = chunks.length;
      new backup.CfnRestoreTestingSelection(this, n === 1 ? `RestoreTest${type}` : `RestoreTest${type}${n}`, {
        restoreTestingPlanName: this.restoreTestingPlan.ref,
        restoreTestingSelectionName: `${type}_protected_${n}`,
        protectedResourceType: type,
        iamRoleArn: this.restoreTestRole.roleArn,
        protectedResourceArns: Lazy.list({ produce: () => arns }),
      });
      this.restoreSelections.set(type, chunks);
    }
    chunk.push(arn);
  }

  private addS3Policies(): void {
    if (this.s3PoliciesAdded) return;
    this.s3PoliciesAdded = true;
    this.backupRole.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName(MANAGED_POLICIES.s3Backup));
    acknowledgeManagedPolicies(this.backupRole, [MANAGED_POLICIES.s3Backup]);
    if (this.restoreTestRole) {
      this.restoreTestRole.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName(MANAGED_POLICIES.s3Restore));
      acknowledgeManagedPolicies(this.restoreTestRole, [MANAGED_POLICIES.s3Restore]);
    }
  }

  /**
   * Let the plan's roles use the vault key, in the key policy (no inline IAM policy needed). AWS Backup
   * encrypts fully managed resource types (S3, DynamoDB advanced backup, EFS, ...) with the vault key
   * under the role's identity.
   */
  private allowRolesToUseVaultKey(stack: Stack): void {
    const vault = this.backupVault;
    if (!vault.dataKey) return; // a key the caller brought: its policy is theirs to write
    if (Stack.of(vault) !== stack) {
      warnWeakening(
        this,
        WEAKENINGS.BACKUP_PLAN_VAULT_KEY_IN_OTHER_STACK,
        'the vault is in another stack, so the plan cannot add its roles to the vault key policy without a ' +
          'cross-stack cycle; grant backupRole and restoreTestRole use of the vault key there',
      );
      return;
    }
    const principals: iam.IPrincipal[] = [this.backupRole, ...(this.restoreTestRole ? [this.restoreTestRole] : [])];
    vault.dataKey.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: `AllowBackupRolesOf${Names.uniqueId(this)}`.slice(0, 100),
        principals,
        actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:ReEncryptFrom', 'kms:ReEncryptTo'],
        resources: ['*'],
      }),
    );
    vault.dataKey.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: `AllowBackupRoleGrantsOf${Names.uniqueId(this)}`.slice(0, 100),
        principals,
        actions: ['kms:CreateGrant'],
        resources: ['*'],
        conditions: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
      }),
    );
  }
}

interface FoundResource {
  readonly type: BackupResourceType;
  readonly arn: string;
  readonly node: IConstruct;
}

/** Every resource AWS Backup can protect inside a construct, with its ARN and restore-testing type. */
function findBackupResources(root: IConstruct): FoundResource[] {
  const found: FoundResource[] = [];
  for (const node of root.node.findAll()) {
    const stack = Stack.of(node);
    const arn = (service: string, resource: string, name: string, arnFormat = ArnFormat.SLASH_RESOURCE_NAME) =>
      stack.formatArn({ service, resource, resourceName: name, arnFormat });
    if (node instanceof dynamodb.CfnTable || node instanceof dynamodb.CfnGlobalTable) {
      found.push({ type: BackupResourceType.DYNAMODB, arn: arn('dynamodb', 'table', node.ref), node });
    } else if (node instanceof efs.CfnFileSystem) {
      found.push({ type: BackupResourceType.EFS, arn: arn('elasticfilesystem', 'file-system', node.ref), node });
    } else if (node instanceof ec2.CfnInstance) {
      found.push({ type: BackupResourceType.EC2, arn: arn('ec2', 'instance', node.ref), node });
    } else if (node instanceof ec2.CfnVolume) {
      found.push({ type: BackupResourceType.EBS, arn: arn('ec2', 'volume', node.ref), node });
    } else if (node instanceof rds.CfnDBInstance && !node.dbClusterIdentifier) {
      // An instance in a cluster is backed up with its cluster.
      found.push({ type: BackupResourceType.RDS, arn: arn('rds', 'db', node.ref, ArnFormat.COLON_RESOURCE_NAME), node });
    } else if (node instanceof rds.CfnDBCluster) {
      const aurora = typeof node.engine === 'string' && node.engine.startsWith('aurora');
      found.push({
        type: aurora ? BackupResourceType.AURORA : BackupResourceType.RDS,
        arn: arn('rds', 'cluster', node.ref, ArnFormat.COLON_RESOURCE_NAME),
        node,
      });
    } else if (node instanceof s3.CfnBucket) {
      found.push({ type: BackupResourceType.S3, arn: stack.formatArn({ service: 's3', region: '', account: '', resource: node.ref }), node });
    }
  }
  return found;
}

function isVersioned(bucket: s3.CfnBucket): boolean {
  const config = bucket.versioningConfiguration;
  if (config === undefined) return false;
  if (Token.isUnresolved(config)) return true; // cannot tell at synth; AWS Backup reports it at run time
  const status = (config as s3.CfnBucket.VersioningConfigurationProperty).status;
  return Token.isUnresolved(status) || status === 'Enabled';
}

/**
 * cdk-nag's AwsSolutions pack flags AWS managed policies (IAM4). These are the policies AWS Backup documents for its
 * service role, and AWS keeps them current as Backup adds resource types: an inline copy would be
 * equally broad and drift out of date.
 */
function acknowledgeManagedPolicies(role: iam.Role, policies: string[]): void {
  for (const policy of policies) {
    acknowledgeExternal(role, EXTERNAL_FINDINGS.IAM_MANAGED_POLICY,
      `${policy.split('/').pop()} is the AWS managed policy AWS Backup documents for its service role; AWS maintains ` +
        'the exact permission set Backup needs per resource type, which an inline copy would duplicate and let drift',
      `Policy::arn:<AWS::Partition>:iam::aws:policy/${policy}`);
  }
}

function validateSecureBackupPlanProps(scope: Construct, props: SecureBackupPlanProps): void {
  const problems: string[] = [];
  const stack = Stack.of(scope);
  const vault = props.backupVault;

  if (vault && props.alertTopic) {
    problems.push(
      `alertTopic configures the vault the plan defines, but backupVault ${vault.node.path} was also given; ` +
        'set alertTopic on that SecureBackupVault instead',
    );
  }
  if (props.backupPlanName !== undefined && !Token.isUnresolved(props.backupPlanName) && !/^[a-zA-Z0-9\-_.]{1,50}$/.test(props.backupPlanName)) {
    problems.push(`backupPlanName must be 1-50 letters, digits, '-', '_' or '.', got ${JSON.stringify(props.backupPlanName)}`);
  }

  if (props.rpo !== undefined && props.rpo.isUnresolved()) {
    problems.push('rpo must be a concrete Duration, got a token; the backup schedule is derived from it at synth');
  } else if (props.rpo !== undefined) {
    const minutes = props.rpo.toMinutes({ integral: false });
    if (minutes < 60) {
      problems.push(
        `rpo must be at least 1 hour (AWS Backup runs at most hourly), got ${props.rpo.toHumanString()}; ` +
          'use Duration.hours(1) or longer, or point-in-time recovery of the resource itself for a shorter RPO',
      );
    }
  }

  const retentionDays = wholeDays('retention', props.retention, problems) ?? 35;
  if (props.retention !== undefined && !props.retention.isUnresolved() && (retentionDays < 1 || retentionDays > 36500)) {
    problems.push(`retention must be a whole number of days from 1 to 36500, got ${JSON.stringify(retentionDays)} days`);
  }
  const retentionKnown = props.retention === undefined || !props.retention.isUnresolved();
  if (vault && retentionKnown) {
    // The vault validated its own lock retentions (whole days); here they are only read.
    const min = lockDays(vault.lockMinRetention);
    const max = lockDays(vault.lockMaxRetention);
    if (min !== undefined && retentionDays < min) {
      problems.push(
        `retention must be at least the vault lock's minimum of ${min} days, got ${retentionDays} days; ` +
          'AWS Backup would fail every job. Raise retention or lower the vault\'s lockMinRetention',
      );
    }
    if (max !== undefined && retentionDays > max) {
      problems.push(
        `retention must be at most the vault lock's maximum of ${max} days, got ${retentionDays} days; ` +
          'AWS Backup would fail every job. Lower retention or raise the vault\'s lockMaxRetention',
      );
    }
  } else if (!vault && retentionKnown && retentionDays < DEFAULT_LOCK_MIN_RETENTION_DAYS) {
    problems.push(
      `retention must be at least the default vault lock's minimum of ${DEFAULT_LOCK_MIN_RETENTION_DAYS} days, got ${retentionDays} days; ` +
        'raise retention, or pass a backupVault whose lockMinRetention allows it',
    );
  }
  if (retentionKnown) {
    checkColdStorage(problems, 'moveToColdStorageAfter', props.moveToColdStorageAfter, 'retention', retentionDays);
  }

  (props.copies ?? []).forEach((copy, i) => {
    const arn = copy.destinationVaultArn;
    // AWS Backup copies only within a partition.
    // @see https://docs.aws.amazon.com/aws-backup/latest/devguide/cross-region-backup.html
    samePartition(`copies[${i}].destinationVaultArn`, arn, scope, problems);
    if (!Token.isUnresolved(arn)) {
      const match = VAULT_ARN.exec(arn);
      if (!match) {
        problems.push(
          `copies[${i}].destinationVaultArn must be a backup vault ARN (arn:<partition>:backup:<region>:<account>:backup-vault:<name>), ` +
            `got ${JSON.stringify(arn)}`,
        );
      } else if (!Token.isUnresolved(stack.region) && match[2] === stack.region) {
        problems.push(
          `copies[${i}].destinationVaultArn must be in another Region than the plan (${stack.region}), got ${JSON.stringify(arn)}; ` +
            'a copy in the same Region does not survive a Regional outage: copy to another Region',
        );
      }
    }
    const copyDays = copy.retention === undefined ? (retentionKnown ? retentionDays : undefined) : wholeDays(`copies[${i}].retention`, copy.retention, problems);
    if (copy.retention !== undefined && copyDays !== undefined && (copyDays < 1 || copyDays > 36500)) {
      problems.push(`copies[${i}].retention must be a whole number of days from 1 to 36500, got ${JSON.stringify(copyDays)} days`);
    }
    if (copyDays !== undefined) {
      checkColdStorage(problems, `copies[${i}].moveToColdStorageAfter`, copy.moveToColdStorageAfter, `copies[${i}].retention`, copyDays);
    }
  });

  const tags = props.selectionTags ?? [];
  tags.forEach((tag, i) => {
    if (!Token.isUnresolved(tag.key) && (tag.key.length === 0 || tag.key.length > 128)) {
      problems.push(`selectionTags[${i}].key must be 1-128 characters, got ${JSON.stringify(tag.key)}`);
    }
  });
  if ((props.taggedResourceTypes ?? []).length > 0 && tags.length === 0) {
    problems.push(
      `taggedResourceTypes names the resource types that selectionTags select, but selectionTags is empty (taggedResourceTypes ${JSON.stringify(props.taggedResourceTypes)}); ` +
        'add selectionTags or drop taggedResourceTypes',
    );
  }
  if (props.restoreTesting === false && (props.restoreTestSchedule !== undefined || props.restoreTestSelectionWindow !== undefined)) {
    problems.push('restoreTestSchedule and restoreTestSelectionWindow configure restore testing, but restoreTesting is false; drop one or the other');
  }
  if (props.restoreTestSchedule !== undefined && !Token.isUnresolved(props.restoreTestSchedule.expressionString) && !props.restoreTestSchedule.expressionString.startsWith('cron(')) {
    problems.push(
      `restoreTestSchedule must be a cron expression, got ${JSON.stringify(props.restoreTestSchedule.expressionString)}; ` +
        "use events.Schedule.expression('cron(0 6 ? * MON *)')",
    );
  }
  const window = wholeDays('restoreTestSelectionWindow', props.restoreTestSelectionWindow, problems);
  if (window !== undefined && (window < 1 || window > 365)) {
    problems.push(`restoreTestSelectionWindow must be a whole number of days from 1 to 365, got ${JSON.stringify(window)} days`);
  }
  throwIfProblems('SecureBackupPlan.InvalidProps', scope, problems);
}

/** AWS keeps cold recovery points at least 90 days: retention >= cold transition + 90 days. */
function checkColdStorage(problems: string[], coldProp: string, cold: Duration | undefined, retentionProp: string, retentionDays: number): void {
  const coldDays = wholeDays(coldProp, cold, problems);
  if (coldDays === undefined) return;
  if (coldDays < 1) {
    problems.push(`${coldProp} must be a whole number of days, at least 1, got ${JSON.stringify(coldDays)} days`);
  } else if (retentionDays < coldDays + 90) {
    problems.push(
      `${retentionProp} must be at least ${coldProp} + 90 days (AWS keeps cold recovery points 90 days), got ${retentionProp} ${retentionDays} days ` +
        `and ${coldProp} ${coldDays} days; raise ${retentionProp} to ${coldDays + 90} days or move to cold storage earlier`,
    );
  }
}

/** Days of a vault's lock retention, or undefined when absent or a token. */
function lockDays(duration: Duration | undefined): number | undefined {
  if (duration === undefined || duration.isUnresolved()) return undefined;
  return duration.toDays({ integral: false });
}
