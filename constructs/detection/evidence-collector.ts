import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { BaselineValidationError } from '../../lib/errors';
import { handlerCode } from '../../lib/handler-assets';
import { EVIDENCE_ACTIONS } from '../../lib/lambda/evidence/policy';
import { checkDataClass, nameKeyAliasSource } from '../data/private/key-naming';
import { ObjectLockMode, SecureBucket } from '../data/secure-bucket';
import { SecureLogGroup } from '../data/secure-log-group';
import { acknowledgeExternal, EXTERNAL_FINDINGS } from '../private/external-checks';

/** Longest Object Lock retention S3 accepts, in days. */
const MAX_RETENTION_DAYS = 36500;

export interface EvidenceCollectorProps {
  /** The topic a failed run alarms to (`SecurityAlerts.topic`). */
  readonly alertTopic: sns.ITopic;
  /**
   * When to collect. Keep it shorter than the `--max-evidence-age` the checks use (24 hours by
   * default), so the latest evidence is never stale.
   *
   * @default - every 6 hours
   */
  readonly schedule?: events.Schedule;
  /**
   * Regions to collect in.
   *
   * @default - the stack's Region
   */
  readonly regions?: string[];
  /**
   * Job-history window of each run: backup, copy and restore jobs created within it.
   *
   * @default Duration.hours(24)
   */
  readonly jobHistory?: Duration;
  /**
   * How long each run's evidence is locked (Object Lock default retention).
   *
   * @default Duration.days(365)
   */
  readonly retention?: Duration;
  /**
   * Object Lock mode of the evidence.
   *
   * @default ObjectLockMode.COMPLIANCE - nobody, root included, can change or delete a run's evidence before its retention ends
   */
  readonly objectLockMode?: ObjectLockMode;
  /**
   * Prefix of the data classes (and so of the key aliases, `alias/baseline/<prefix><dataClass>`) of
   * the keys this construct defines, for a second `EvidenceCollector` in one account and Region.
   *
   * @default - no prefix: `evidence`, `evidence-collector-logs`
   */
  readonly dataClassPrefix?: string;
}

/**
 * Deploys the live evidence collectors (KMS, AWS Backup) on a schedule.
 *
 * - An EventBridge schedule invokes a Lambda function bundled with esbuild at build time (the same
 *   collectors as `security-baseline evidence collect`; it imports only the AWS SDK).
 * - Each run writes its evidence (schema-versioned, SHA-256 digest) to a `SecureBucket` with Object
 *   Lock, so written evidence cannot be changed or deleted: it is tamper-evident.
 * - A run that fails (cannot write, or could not collect part of the evidence) raises an alarm on the
 *   function's `Errors` metric, which notifies `alertTopic`.
 * - The function's role reads only what the collectors call (`security-baseline evidence policy`)
 *   and may only put objects under `evidence/` in its bucket.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-run-lambda-schedule.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html (Errors)
 */
export class EvidenceCollector extends Construct {
  /** Where each run's evidence is written (`evidence/<account>/<date>/<time>.json`). */
  public readonly bucket: SecureBucket;
  /** The collector function. */
  public readonly function: lambda.Function;
  /** The schedule. */
  public readonly rule: events.Rule;
  /** Fires when a run fails. */
  public readonly failureAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: EvidenceCollectorProps) {
    super(scope, id);
    validateEvidenceCollectorProps(this, props);
    nameKeyAliasSource(this, {
      prop: 'dataClassPrefix',
      value: props.dataClassPrefix,
      fix: "give each EvidenceCollector in one account and Region its own dataClassPrefix (for example dataClassPrefix: 'second-')",
    });
    const prefix = props.dataClassPrefix ?? '';
    const retention = props.retention ?? Duration.days(365);
    this.bucket = new SecureBucket(this, 'Bucket', {
      dataClass: `${prefix}evidence`,
      objectLock: { mode: props.objectLockMode ?? ObjectLockMode.COMPLIANCE, retention },
    });
    const logs = new SecureLogGroup(this, 'Logs', { dataClass: `${prefix}evidence-collector-logs` });

    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Reads KMS and AWS Backup evidence and writes it to the evidence bucket (cdk-security-baseline)',
    });
    const policy = new iam.ManagedPolicy(this, 'Policy', {
      description: 'Read-only evidence collection (KMS, AWS Backup) and writes under evidence/ (cdk-security-baseline)',
      roles: [role],
      statements: [
        new iam.PolicyStatement({ sid: 'ReadEvidence', actions: [...EVIDENCE_ACTIONS], resources: ['*'] }),
        new iam.PolicyStatement({ sid: 'WriteEvidence', actions: ['s3:PutObject'], resources: [this.bucket.bucket.arnForObjects('evidence/*')] }),
        new iam.PolicyStatement({ sid: 'EncryptEvidence', actions: ['kms:GenerateDataKey'], resources: [this.bucket.encryptionKey.keyArn] }),
        new iam.PolicyStatement({ sid: 'WriteOwnLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logs.logGroup.logGroupArn] }),
      ],
    });
    acknowledgeExternal(policy, EXTERNAL_FINDINGS.IAM_WILDCARD,
      'The KMS and Backup List actions the collectors call (ListKeys, ListAliases, ListBackupVaults, ListBackupPlans, the job lists) support no resource-level permission, and the Get/Describe actions must read every key and vault of the account; all are read-only metadata calls.',
      'Resource::*');
    acknowledgeExternal(policy, EXTERNAL_FINDINGS.IAM_WILDCARD,
      'Each run writes a new object named by account, date and time under evidence/, so the object ARN must be a prefix; only s3:PutObject is allowed and Object Lock keeps what is written.',
      `Resource::<${Stack.of(this).getLogicalId(this.bucket.bucket.node.defaultChild as any)}.Arn>/evidence/*`);

    const stack = Stack.of(this);
    this.function = new lambda.Function(this, 'Function', {
      description: 'Collects live KMS and AWS Backup evidence into the evidence bucket (cdk-security-baseline)',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: handlerCode('evidence-collector'),
      role,
      timeout: Duration.minutes(10),
      memorySize: 512,
      logGroup: logs.logGroup,
      // One scheduled run at a time is enough; a failed run is retried by the next one, not by Lambda.
      retryAttempts: 0,
      environment: {
        EVIDENCE_BUCKET: this.bucket.bucket.bucketName,
        EVIDENCE_PREFIX: 'evidence/',
        EVIDENCE_REGIONS: (props.regions ?? [stack.region]).join(','),
        EVIDENCE_SINCE: `${(props.jobHistory ?? Duration.hours(24)).toHours()}h`,
      },
    });
    this.function.node.addDependency(policy);
    acknowledgeExternal(this.function, EXTERNAL_FINDINGS.LAMBDA_INSIDE_VPC,
      'The function only calls the regional KMS, Backup, STS and S3 APIs over TLS and reaches no private resource; a VPC would add NAT or endpoints for a scheduled evidence run without reducing exposure.');
    acknowledgeExternal(this.function, EXTERNAL_FINDINGS.LAMBDA_DLQ,
      'The schedule event carries no data: a failed run raises the Errors alarm on the alert topic and the next scheduled run collects afresh, so a dead-letter queue would only hold empty schedule events nobody replays.');
    acknowledgeExternal(this.function, EXTERNAL_FINDINGS.LAMBDA_CONCURRENCY,
      'Only the schedule invokes the function, a few times a day, so it cannot use up the account concurrency; reserving any would fail deployment in new accounts whose Lambda concurrency quota is still 10.');

    this.rule = new events.Rule(this, 'Schedule', {
      description: 'Runs the cdk-security-baseline evidence collector',
      schedule: props.schedule ?? events.Schedule.rate(Duration.hours(6)),
      targets: [new targets.LambdaFunction(this.function, { retryAttempts: 0 })],
    });

    this.failureAlarm = new cloudwatch.Alarm(this, 'FailureAlarm', {
      alarmDescription: 'An evidence collection run failed: the evidence could not be written, or part of it could not be collected (see the function logs)',
      metric: this.function.metricErrors({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.failureAlarm.addAlarmAction(new cwActions.SnsAction(props.alertTopic));
    this.failureAlarm.addOkAction(new cwActions.SnsAction(props.alertTopic));
  }
}

function validateEvidenceCollectorProps(scope: Construct, props: EvidenceCollectorProps): void {
  const problems: string[] = [];
  checkDataClass('dataClassPrefix', props.dataClassPrefix, problems, 'evidence-collector-logs');
  const retention = props.retention;
  if (retention && !Token.isUnresolved(retention.toSeconds())) {
    const days = retention.toDays({ integral: false });
    if (!Number.isInteger(days) || days < 1 || days > MAX_RETENTION_DAYS) {
      problems.push(`retention must be a whole number of days from 1 to ${MAX_RETENTION_DAYS}, got ${days} days; use for example Duration.days(365)`);
    }
  }
  const history = props.jobHistory;
  if (history && !Token.isUnresolved(history.toSeconds())) {
    const hours = history.toHours({ integral: false });
    if (!Number.isInteger(hours) || hours < 1) problems.push(`jobHistory must be a whole number of hours, at least 1, got ${hours} hours; use for example Duration.hours(24)`);
  }
  for (const r of props.regions ?? []) {
    if (!Token.isUnresolved(r) && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(r)) problems.push(`regions must hold Region names such as eu-west-1, got ${JSON.stringify(r)}`);
  }
  if (props.regions && props.regions.length === 0) problems.push('regions must name at least one Region, got []; leave it unset to collect in the stack\'s Region');
  if (problems.length > 0) throw new BaselineValidationError('EvidenceCollector.InvalidProps', scope, problems);
}
