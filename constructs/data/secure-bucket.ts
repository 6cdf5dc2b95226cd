import { Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct, IConstruct } from 'constructs';
import { throwIfProblems } from '../../lib/errors';
import { oneOf, sameRegion, wholeDays } from '../../lib/validation';
import { acknowledgeExternal, EXTERNAL_FINDINGS } from '../private/external-checks';
import { warnWeakening, WEAKENINGS } from '../private/weakenings';
import { DataKey } from './data-key';
import { nameKeyAliasSource } from './private/key-naming';

/** Minimum days the baseline keeps server access logs (CIS, PCI DSS 10.5.1 expect a year). */
export const MIN_ACCESS_LOG_RETENTION_DAYS = 365;

/** Longest Object Lock default retention S3 accepts, in days (100 years). */
const MAX_OBJECT_LOCK_DAYS = 36500;

/** Object Lock retention mode. */
export enum ObjectLockMode {
  /**
   * Principals with `s3:BypassGovernanceRetention` can shorten or lift the retention of an object
   * version (and so can still honour an erasure request).
   */
  GOVERNANCE = 'GOVERNANCE',
  /**
   * Nobody, not even the account root user, can delete a locked object version or shorten its
   * retention until it expires.
   */
  COMPLIANCE = 'COMPLIANCE',
}

/**
 * Object Lock default retention for a `SecureBucket`.
 *
 * Every new object version is locked (write once, read many) for `retention` from when it is written.
 */
export interface ObjectLockOptions {
  /** Retention mode. */
  readonly mode: ObjectLockMode;
  /** Default retention: a whole number of days, from 1 to 36500. */
  readonly retention: Duration;
}

export interface SecureBucketProps {
  /**
   * Customer-managed key for SSE-KMS. Principals that read or write objects need to use it: grant
   * them through `bucket.grantRead()` / `grantReadWrite()`, which also grant the key.
   *
   * @default - a new `DataKey` for data class `dataClass`
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * Data class of the key defined when `encryptionKey` is not given; it names the key alias
   * (`alias/baseline/<dataClass>`), so two buckets that each define a key need different classes.
   *
   * @default 'data'
   */
  readonly dataClass?: string;
  /**
   * Bucket name: 3-63 lowercase letters, digits and hyphens.
   *
   * @default - a name CloudFormation generates
   */
  readonly bucketName?: string;
  /**
   * How long a version is kept after it stops being the current one (overwritten or deleted): a
   * whole number of days, at least 1.
   *
   * @default Duration.days(365)
   */
  readonly noncurrentVersionExpiration?: Duration;
  /**
   * Delete current objects this long after they are written (GDPR storage limitation). With
   * versioning the object becomes a noncurrent version and is removed for good after
   * `noncurrentVersionExpiration`. A whole number of days, at least 1, and not shorter than the
   * Object Lock retention.
   *
   * @default - current objects never expire
   */
  readonly expiration?: Duration;
  /**
   * Turn on S3 Object Lock with a default retention (write once, read many).
   *
   * Object Lock can only be turned on when the bucket is defined, and never turned off. Locked
   * versions cannot be erased before their retention ends, so choose it per data class.
   *
   * @default - Object Lock off
   */
  readonly objectLock?: ObjectLockOptions;
  /**
   * Bucket that receives the server access logs. Pass another SecureBucket's `accessLogsBucket` to
   * share one. It must use SSE-S3: S3 log delivery does not support SSE-KMS default encryption on
   * the target bucket.
   *
   * @default - a hardened log bucket defined inside (`AccessLogs`)
   */
  readonly accessLogsBucket?: s3.IBucket;
  /**
   * Key prefix of the access logs in the log bucket. Keys are partitioned below it by source
   * account, Region, bucket and event date.
   *
   * @default - no prefix
   */
  readonly accessLogsPrefix?: string;
  /**
   * How long the log bucket defined inside keeps access logs: a whole number of days, at least 365
   * unless `allowShortRetention` is set.
   * Only when `accessLogsBucket` is not given.
   *
   * @default Duration.days(365)
   */
  readonly accessLogsRetention?: Duration;
  /**
   * Accept an `accessLogsRetention` shorter than 365 days. Emits the acknowledgeable warning
   * `cdk-security-baseline:secureBucket.shortRetention`.
   *
   * @default false
   */
  readonly allowShortRetention?: boolean;
  /**
   * Extra bucket settings (CORS, inventories, metrics, intelligent tiering, replication, extra
   * lifecycle rules, ...). Settings the baseline owns (encryption, public access, ACLs and object
   * ownership, TLS, versioning, removal, access logging, Object Lock, notifications) cannot be set
   * here: use the dedicated props above. Trying to weaken one throws an error naming the prop.
   *
   * @default - baseline settings only
   */
  readonly bucketProps?: s3.BucketProps;
}

/**
 * An S3 bucket for one class of data: SSE-KMS with a customer-managed key, private, versioned,
 * TLS 1.2+ only, access-logged and retained.
 *
 * Default settings:
 * - SSE-KMS with a `DataKey` (or your `encryptionKey`) and the S3 Bucket Key on;
 * - all four Block Public Access settings on, object ownership `BucketOwnerEnforced` (ACLs off);
 * - the bucket policy denies requests without TLS and with TLS older than 1.2;
 * - versioning on; noncurrent versions expire after 365 days; incomplete multipart uploads are
 *   aborted after 7 days; current objects expire only if `expiration` is set;
 * - server access logs go to a hardened log bucket (SSE-S3, see below), with date-partitioned keys;
 * - EventBridge notifications on, set on the bucket itself (no custom resource);
 * - retained when the stack is deleted, and objects are never deleted automatically;
 * - Object Lock off unless `objectLock` is given.
 *
 * Consumers that deliver data with a service principal (CloudTrail, AWS Config, GuardDuty) pass
 * their own `DataKey` as `encryptionKey` and add statements with `bucket.addToResourcePolicy()`.
 * `bucket.grantRead()` / `grantReadWrite()` also grant the key (in the `DataKey`'s key policy), so no
 * extra grant method is needed here.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventBridge.html
 */
export class SecureBucket extends Construct {
  /** The bucket. */
  public readonly bucket: s3.Bucket;
  /** The key that encrypts it. */
  public readonly encryptionKey: kms.IKey;
  /** The key we defined, when none was given. */
  public readonly dataKey?: DataKey;
  /** The bucket that receives the server access logs (defined inside unless one was given). */
  public readonly accessLogsBucket: s3.IBucket;

  constructor(scope: Construct, id: string, props: SecureBucketProps = {}) {
    super(scope, id);
    validateSecureBucketProps(this, props);
    nameKeyAliasSource(this, {
      prop: 'dataClass',
      value: props.dataClass ?? 'data',
      fix: 'give each SecureBucket its own dataClass, or pass encryptionKey',
    });
    const passthrough = props.bucketProps ?? {};

    if (props.encryptionKey) {
      this.encryptionKey = props.encryptionKey;
    } else {
      // A grant to a role of another stack (records.bucket.grantRead(lambdaRole)) goes into the role's
      // policy; the key policy admits the account's principals for it through S3 only.
      this.dataKey = new DataKey(this, 'Key', { dataClass: props.dataClass ?? 'data', crossStackGrantServices: ['s3'] });
      this.encryptionKey = this.dataKey.key;
    }

    const givenLogsBucket = props.accessLogsBucket ?? passthrough.serverAccessLogsBucket;
    const logsPrefix = props.accessLogsPrefix ?? passthrough.serverAccessLogsPrefix;
    this.accessLogsBucket =
      givenLogsBucket ?? defineAccessLogsBucket(this, 'AccessLogs', props.accessLogsRetention ?? Duration.days(365));
    const logDays = props.accessLogsRetention?.isUnresolved() ? undefined : props.accessLogsRetention?.toDays();
    if (!givenLogsBucket && logDays !== undefined && logDays < MIN_ACCESS_LOG_RETENTION_DAYS) {
      warnWeakening(
        this,
        WEAKENINGS.SECURE_BUCKET_SHORT_RETENTION,
        `accessLogsRetention is ${logDays} days, below the ${MIN_ACCESS_LOG_RETENTION_DAYS} days CIS and PCI DSS 10.5.1 expect; ` +
          'evidence of who read or changed the data may be gone before an incident is investigated',
      );
    }
    if (givenLogsBucket?.encryptionKey) {
      warnWeakening(
        this,
        WEAKENINGS.SECURE_BUCKET_ACCESS_LOGS_BUCKET_KMS,
        'accessLogsBucket is encrypted with a KMS key, but S3 server access log delivery supports only SSE-S3 ' +
          '(AES256) default encryption on the target bucket, so logs may not be delivered; pass a bucket that uses ' +
          's3.BucketEncryption.S3_MANAGED, or leave accessLogsBucket unset to get one',
      );
    }

    const lock = props.objectLock;
    // Merge order: baseline defaults, then the passthrough, then the invariants (so they always win).
    // validateSecureBucketProps has already rejected every passthrough value that would weaken one.
    this.bucket = new EventBridgeNotifiedBucket(this, 'Bucket', {
      ...passthrough,
      bucketName: props.bucketName ?? passthrough.bucketName,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.encryptionKey,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      publicReadAccess: false,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      accessControl: undefined,
      enforceSSL: true,
      minimumTLSVersion: Math.max(1.2, passthrough.minimumTLSVersion ?? 1.2),
      versioned: true,
      objectLockEnabled: lock ? true : undefined,
      objectLockDefaultRetention: lock ? objectLockRetention(lock) : undefined,
      lifecycleRules: [
        {
          id: 'BaselineVersionsAndUploads',
          enabled: true,
          noncurrentVersionExpiration: props.noncurrentVersionExpiration ?? Duration.days(365),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
          expiration: props.expiration,
        },
        ...(passthrough.lifecycleRules ?? []),
      ],
      // Access logging and notifications are written on the L1 below, so that neither depends on the
      // `@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy` feature flag nor needs a custom resource.
      serverAccessLogsBucket: undefined,
      serverAccessLogsPrefix: undefined,
      eventBridgeEnabled: undefined,
      autoDeleteObjects: false,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    enableAccessLogging(this, this.bucket, this.accessLogsBucket, logsPrefix);

    if (!lock) {
      acknowledgeNoObjectLock(
        this.bucket,
        'Object Lock is a retention decision per data class, offered through the objectLock prop: turning it on for ' +
          'every bucket would make GDPR erasure and storage-limitation deletes impossible for the retention period; ' +
          'versioning, the retained bucket and the TLS-only, non-public policy protect the data meanwhile.',
      );
    }
    if (!passthrough.replicationRules?.length) {
      acknowledgeNoReplication(this.bucket);
    }
  }
}

/**
 * The bucket, with EventBridge notifications switched on in its own `NotificationConfiguration`.
 *
 * CDK's `addEventNotification()` writes the notification configuration through a custom resource that
 * replaces the whole configuration, and CloudFormation writes the bucket's own configuration back on
 * updates (aws/aws-cdk#29653): the two would silently overwrite each other. Every object event already
 * reaches EventBridge, so route it from there with an `events.Rule` instead.
 */
class EventBridgeNotifiedBucket extends s3.Bucket {
  constructor(scope: Construct, id: string, props: s3.BucketProps) {
    super(scope, id, props);
    (this.node.defaultChild as s3.CfnBucket).notificationConfiguration = {
      eventBridgeConfiguration: { eventBridgeEnabled: true },
    };
  }

  /** Not supported: route the EventBridge event (source `aws.s3`) with an `events.Rule` instead. */
  public addEventNotification(event: s3.EventType, _dest: s3.IBucketNotificationDestination, ..._filters: s3.NotificationKeyFilter[]): void {
    throwIfProblems('SecureBucket.UnsupportedNotification', this, [
      `addEventNotification(${JSON.stringify(event)}) is not supported on a SecureBucket: EventBridge notifications are ` +
        'already on for every event, and a second, custom-resource-managed notification configuration would overwrite ' +
        "them; define an events.Rule with eventPattern { source: ['aws.s3'], detail: { bucket: { name: [bucket.bucketName] } } } " +
        'and target your Lambda function, queue or topic',
    ]);
  }

  /** EventBridge notifications are always on; nothing to do. */
  public enableEventBridgeNotification(): void {}
}

/**
 * Define the log bucket that receives server access logs.
 *
 * Decision table for its settings (where it differs from the data bucket, and why):
 *
 * | Setting            | Log bucket | Why                                                                  |
 * | ------------------ | ---------- | -------------------------------------------------------------------- |
 * | Default encryption | SSE-S3     | S3 log delivery supports only SSE-S3 on the target bucket (below)    |
 * | Object Lock        | off        | Object Lock on the target bucket blocks server access log delivery   |
 * | Access logging     | off        | logging a log bucket to itself loops; elsewhere only moves the gap   |
 * | Current objects    | expire     | after `retention` (>= 365 days): logs hold IP addresses (GDPR)       |
 */
function defineAccessLogsBucket(scope: Construct, id: string, retention: Duration): s3.Bucket {
  const logs = new EventBridgeNotifiedBucket(scope, id, {
    // SSE-S3, not SSE-KMS with a CMK: the S3 User Guide ("Enabling Amazon S3 server access logging")
    // states that default encryption on the destination bucket is supported only with SSE-S3 (AES256),
    // and that default SSE-KMS is not supported. aws-cdk PR #25350 relaxed CDK's synth-time check after
    // reports that a CMK whose key policy admits `logging.s3.amazonaws.com` works, but AWS support has
    // said that configuration is not officially supported and does not work in every Region. A security
    // baseline must not rely on undocumented behaviour that loses audit logs silently, so the strongest
    // supported choice is SSE-S3 (AES-256, AWS-owned keys). DSSE-KMS is KMS-based and equally unsupported.
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    publicReadAccess: false,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    versioned: true,
    lifecycleRules: [
      {
        id: 'BaselineAccessLogRetention',
        enabled: true,
        expiration: retention,
        // Logs are never overwritten: a noncurrent version exists only after a delete, so keep it long
        // enough to notice and undo a deletion.
        noncurrentVersionExpiration: Duration.days(90),
        abortIncompleteMultipartUploadAfter: Duration.days(7),
      },
    ],
    autoDeleteObjects: false,
    removalPolicy: RemovalPolicy.RETAIN,
  });

  acknowledgeExternal(logs, EXTERNAL_FINDINGS.S3_DEFAULT_ENCRYPTION_KMS,
    'S3 server access log delivery supports only SSE-S3 (AES256) default encryption on the target bucket; SSE-KMS ' +
      'is not supported by AWS, so a CMK here would risk losing the access logs. The data bucket itself uses SSE-KMS.');
  acknowledgeExternal(logs, EXTERNAL_FINDINGS.S3_LOG_TARGET_NOT_LOGGED,
    'This bucket is the server access log target: logging it to itself would create a feedback loop AWS advises ' +
      'against, and logging it elsewhere only moves the gap. API access to it is recorded by CloudTrail.');
  acknowledgeNoObjectLock(
    logs,
    'S3 documents that Object Lock on the destination bucket blocks server access log delivery, so the log bucket ' +
      'cannot use it; versioning with a 90-day noncurrent window and the TLS-only, non-public policy protect the logs.',
  );
  acknowledgeNoReplication(logs);
  return logs;
}

/**
 * Point the bucket's server access logs at `target`, and allow the S3 logging service to write there
 * for this bucket only.
 *
 * Written on the L1 and as an explicit bucket-policy statement, because the L2 falls back to the
 * `LogDeliveryWrite` ACL (which `BucketOwnerEnforced` forbids) unless the consumer's app sets
 * `@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy`.
 */
function enableAccessLogging(scope: Construct, bucket: s3.Bucket, target: s3.IBucket, prefix: string | undefined): void {
  (bucket.node.defaultChild as s3.CfnBucket).loggingConfiguration = {
    destinationBucketName: target.bucketName,
    logFilePrefix: prefix,
    // [prefix][account]/[region]/[bucket]/[yyyy]/[mm]/[dd]/...: a shared log bucket stays searchable.
    targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: 'EventTime' } },
  };
  const sameStack = Stack.of(target) === Stack.of(bucket);
  const result = target.addToResourcePolicy(
    new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
      actions: ['s3:PutObject'],
      resources: [target.arnForObjects(`${prefix ?? ''}*`)],
      conditions: {
        StringEquals: { 'aws:SourceAccount': Stack.of(bucket).account },
        // Referencing the source bucket from a log bucket in another stack would make the stacks
        // depend on each other in a cycle; there the account condition scopes the statement.
        ...(sameStack ? { ArnLike: { 'aws:SourceArn': bucket.bucketArn } } : {}),
      },
    }),
  );
  if (!result.statementAdded) {
    warnWeakening(
      scope,
      WEAKENINGS.SECURE_BUCKET_ACCESS_LOGS_PERMISSION,
      'accessLogsBucket is an imported bucket, so its policy cannot be changed here: add a statement that allows ' +
        "service principal logging.s3.amazonaws.com s3:PutObject on the log prefix (scoped with aws:SourceAccount), or no " +
        'access logs will be delivered',
    );
  }
}

function objectLockRetention(lock: ObjectLockOptions): s3.ObjectLockRetention {
  return lock.mode === ObjectLockMode.COMPLIANCE
    ? s3.ObjectLockRetention.compliance(lock.retention)
    : s3.ObjectLockRetention.governance(lock.retention);
}

function acknowledgeNoObjectLock(scope: IConstruct, reason: string): void {
  acknowledgeExternal(scope, EXTERNAL_FINDINGS.S3_OBJECT_LOCK, reason);
}

function acknowledgeNoReplication(scope: IConstruct): void {
  acknowledgeExternal(scope, EXTERNAL_FINDINGS.S3_REPLICATION,
    'Cross-Region replication needs a destination bucket in another Region or account, which one construct in one ' +
      'stack cannot define; pass bucketProps.replicationRules where the data class needs it. Versioning and retention ' +
      'protect the data in this Region.');
}

// Reserved prefixes and suffixes as "General purpose bucket naming rules" lists them (sthree- covers
// sthree-configurator). @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
const BUCKET_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
const RESERVED_BUCKET_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_BUCKET_SUFFIXES = ['-s3alias', '--ol-s3', '--x-s3', '--table-s3'];

function validateSecureBucketProps(scope: Construct, props: SecureBucketProps): void {
  const problems: string[] = [];
  const bp = props.bucketProps ?? {};

  // Keys and names.
  if (props.encryptionKey && props.dataClass !== undefined) {
    problems.push(
      `dataClass names the key the bucket defines, but encryptionKey was also given (dataClass ${JSON.stringify(props.dataClass)}); ` +
        'pass one or the other',
    );
  }
  const name = props.bucketName ?? bp.bucketName;
  if (props.bucketName !== undefined && bp.bucketName !== undefined) {
    problems.push(
      `bucketProps.bucketName ${JSON.stringify(bp.bucketName)} duplicates bucketName ${JSON.stringify(props.bucketName)}; set bucketName only`,
    );
  } else if (name !== undefined && !Token.isUnresolved(name)) {
    const reserved =
      RESERVED_BUCKET_PREFIXES.some((p) => name.startsWith(p)) || RESERVED_BUCKET_SUFFIXES.some((s) => name.endsWith(s));
    if (!BUCKET_NAME.test(name) || name.includes('--') || reserved) {
      problems.push(
        `bucketName must be 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit, ` +
          `without a reserved prefix (${RESERVED_BUCKET_PREFIXES.join(', ')}) or suffix (${RESERVED_BUCKET_SUFFIXES.join(', ')}), ` +
          `got ${JSON.stringify(name)}; dots are not allowed because they break TLS certificate matching for ` +
          "virtual-hosted requests and this bucket accepts TLS only; use a name such as 'acme-customer-data-prod'",
      );
    }
  }

  sameRegion('encryptionKey', props.encryptionKey, scope, problems);

  // Lifecycle and Object Lock.
  const noncurrent = wholeDays('noncurrentVersionExpiration', props.noncurrentVersionExpiration, problems);
  if (noncurrent !== undefined && noncurrent < 1) {
    problems.push(
      `noncurrentVersionExpiration must be a whole number of days, at least 1, got ${noncurrent} days; ` +
        'use Duration.days(365) (the default) or the number of days old versions must stay recoverable',
    );
  }
  const expiration = wholeDays('expiration', props.expiration, problems);
  if (expiration !== undefined && expiration < 1) {
    problems.push(
      `expiration must be a whole number of days, at least 1, got ${expiration} days; ` +
        'use Duration.days(n) with the storage limit of the data class, or leave it unset to keep current objects',
    );
  }
  // A JavaScript or Python caller can pass any string as the mode: reject it rather than let
  // objectLockRetention() silently pick GOVERNANCE.
  if (props.objectLock !== undefined) {
    oneOf('objectLock.mode', props.objectLock.mode, Object.values(ObjectLockMode), problems);
  }
  const retention = wholeDays('objectLock.retention', props.objectLock?.retention, problems);
  if (retention !== undefined) {
    if (retention < 1 || retention > MAX_OBJECT_LOCK_DAYS) {
      problems.push(
        `objectLock.retention must be a whole number of days from 1 to ${MAX_OBJECT_LOCK_DAYS}, got ${retention} days; ` +
          'use for example Duration.days(365), or leave objectLock unset to keep Object Lock off',
      );
    } else {
      const shorter = [
        ...(expiration !== undefined && expiration < retention ? [['expiration', expiration] as const] : []),
        ...(bp.lifecycleRules ?? []).flatMap((r, i) => {
          const d = wholeDays(`bucketProps.lifecycleRules[${i}].expiration`, r.expiration, problems);
          return d !== undefined && d < retention ? [[`bucketProps.lifecycleRules[${i}].expiration`, d] as const] : [];
        }),
      ];
      for (const [prop, d] of shorter) {
        problems.push(
          `${prop} (${d} days) is shorter than objectLock.retention (${retention} days): objects would be due for ` +
            'deletion while still locked; make the expiration at least as long as the retention, or shorten the retention',
        );
      }
    }
  }
  if (bp.objectLockEnabled !== undefined || bp.objectLockDefaultRetention !== undefined) {
    problems.push(
      `bucketProps.objectLockEnabled/objectLockDefaultRetention cannot be set (got ${JSON.stringify(bp.objectLockEnabled)}); ` +
        'use objectLock: { mode, retention }',
    );
  }

  // Access logging.
  if (props.accessLogsBucket && bp.serverAccessLogsBucket) {
    problems.push(
      'accessLogsBucket and bucketProps.serverAccessLogsBucket were both given; pass the log bucket as accessLogsBucket only',
    );
  }
  if (props.accessLogsPrefix !== undefined && bp.serverAccessLogsPrefix !== undefined) {
    problems.push(
      `accessLogsPrefix ${JSON.stringify(props.accessLogsPrefix)} and bucketProps.serverAccessLogsPrefix ` +
        `${JSON.stringify(bp.serverAccessLogsPrefix)} were both given; set accessLogsPrefix only`,
    );
  }
  if (bp.targetObjectKeyFormat !== undefined) {
    problems.push(
      'bucketProps.targetObjectKeyFormat cannot be set: access log keys are always partitioned by source account, ' +
        'Region, bucket and event date, so a shared log bucket stays searchable; use accessLogsPrefix to place them',
    );
  }
  const logRetention = wholeDays('accessLogsRetention', props.accessLogsRetention, problems);
  if (props.accessLogsRetention !== undefined && (props.accessLogsBucket || bp.serverAccessLogsBucket)) {
    problems.push(
      'accessLogsRetention applies only to the log bucket SecureBucket defines, but accessLogsBucket was also given; ' +
        "set the retention on your own log bucket's lifecycle rules, or drop accessLogsBucket",
    );
  } else if (logRetention !== undefined && logRetention < 1) {
    problems.push(`accessLogsRetention must be at least 1 day, got ${logRetention} days; use Duration.days(365) or longer`);
  } else if (logRetention !== undefined && logRetention < MIN_ACCESS_LOG_RETENTION_DAYS && !props.allowShortRetention) {
    problems.push(
      `accessLogsRetention must be at least ${MIN_ACCESS_LOG_RETENTION_DAYS} days (CIS, PCI DSS 10.5.1), ` +
        `got ${logRetention} days; use Duration.days(365) or longer, or pass allowShortRetention: true to accept a shorter retention with a warning`,
    );
  }

  // Invariants the passthrough may not weaken. Each message names the dedicated prop, if there is one.
  const owned = (prop: string, got: unknown, fix: string) =>
    problems.push(`bucketProps.${prop} cannot be set (got ${JSON.stringify(got)}): ${fix}`);
  if (bp.encryption !== undefined) {
    owned('encryption', bp.encryption, 'the bucket always uses SSE-KMS with a customer-managed key; pass encryptionKey to choose the key');
  }
  if (bp.encryptionKey !== undefined) owned('encryptionKey', 'IKey', 'pass the key as encryptionKey');
  if (bp.bucketKeyEnabled === false) {
    owned('bucketKeyEnabled', false, 'the S3 Bucket Key is always on (it cuts KMS calls and cost); it has no off switch');
  }
  if (bp.publicReadAccess) {
    owned('publicReadAccess', true, 'a SecureBucket is never public; serve public content through CloudFront with origin access control');
  }
  const bpa = bp.blockPublicAccess;
  if (bpa && !(bpa.blockPublicAcls && bpa.blockPublicPolicy && bpa.ignorePublicAcls && bpa.restrictPublicBuckets)) {
    owned('blockPublicAccess', bpa, 'all four Block Public Access settings are always on; a SecureBucket is never public');
  }
  if (bp.accessControl !== undefined) {
    owned('accessControl', bp.accessControl, 'ACLs are disabled (object ownership BucketOwnerEnforced); grant access with bucket.grant*() or the bucket policy');
  }
  if (bp.objectOwnership !== undefined && bp.objectOwnership !== s3.ObjectOwnership.BUCKET_OWNER_ENFORCED) {
    owned('objectOwnership', bp.objectOwnership, 'object ownership is always BucketOwnerEnforced, which turns ACLs off');
  }
  if (bp.enforceSSL === false) {
    owned('enforceSSL', false, 'the bucket policy always denies requests without TLS; it has no off switch');
  }
  if (bp.minimumTLSVersion !== undefined && bp.minimumTLSVersion < 1.2) {
    owned('minimumTLSVersion', bp.minimumTLSVersion, 'TLS older than 1.2 is always denied; 1.2 or higher is allowed');
  }
  if (bp.versioned === false) {
    owned('versioned', false, 'versioning is always on; use noncurrentVersionExpiration to bound how long old versions are kept');
  }
  if (bp.autoDeleteObjects) {
    owned('autoDeleteObjects', true, 'objects are never deleted automatically; use expiration to delete them after a storage limit');
  }
  if (bp.removalPolicy !== undefined && bp.removalPolicy !== RemovalPolicy.RETAIN) {
    owned('removalPolicy', bp.removalPolicy, 'the bucket is always retained when the stack is deleted (RemovalPolicy.RETAIN)');
  }
  if (bp.eventBridgeEnabled === false) {
    owned('eventBridgeEnabled', false, 'EventBridge notifications are always on (CT.S3.PR.4); they cost nothing until a rule matches');
  }
  if (bp.websiteIndexDocument || bp.websiteErrorDocument || bp.websiteRedirect || bp.websiteRoutingRules) {
    owned('website*', 'website configuration', 'S3 website endpoints serve plain HTTP only; serve the bucket through CloudFront with origin access control');
  }
  throwIfProblems('SecureBucket.InvalidProps', scope, problems);
}
