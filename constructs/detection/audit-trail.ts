import { Arn, ArnFormat, Duration, Names, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { throwIfProblems } from '../../lib/errors';
import { logRetention, wholeDays } from '../../lib/validation';
import { DataKey } from '../data/data-key';
import { ObjectLockMode, ObjectLockOptions, SecureBucket } from '../data/secure-bucket';
import { MIN_LOG_RETENTION_DAYS, SecureLogGroup } from '../data/secure-log-group';
import { acknowledgeExternal, EXTERNAL_FINDINGS } from '../private/external-checks';
import { warnWeakening, WEAKENINGS } from '../private/weakenings';

/** Default Object Lock of the trail bucket: GOVERNANCE mode, 365 days (see `AuditTrailProps.objectLock`). */
export const AUDIT_TRAIL_DEFAULT_OBJECT_LOCK: ObjectLockOptions = {
  mode: ObjectLockMode.GOVERNANCE,
  retention: Duration.days(365),
};

export interface AuditTrailProps {
  /**
   * Stand on an existing trail (for example an AWS Organizations trail defined by the management
   * account, or AWS Control Tower's) that already delivers to this CloudWatch Logs log group.
   *
   * The construct then defines no trail, bucket, key or log group: it only exposes this log group as
   * `logGroup`, so `SecurityAlarms` can watch it. None of the trail props below may be set with it.
   *
   * @default - define a new trail
   */
  readonly organizationTrailLogGroup?: logs.ILogGroup;
  /**
   * Data class of the key that encrypts the log files and the log group; it names the key alias
   * (`alias/baseline/<dataClass>`).
   *
   * @default 'audit-logs'
   */
  readonly dataClass?: string;
  /**
   * Name of the trail. It is fixed at synth time because the key and bucket policies name the trail
   * (`aws:SourceArn`) and the trail itself depends on them.
   *
   * @default - a name unique to this construct's path, for example `MyStack-AuditTrail-1A2B3C4D`
   */
  readonly trailName?: string;
  /**
   * Log S3 object-level data events for every bucket in the account (CIS 3.8 for writes, 3.9 for
   * reads). Data events are billed per event and can be numerous.
   *
   * @default cloudtrail.ReadWriteType.NONE - management events only
   */
  readonly s3DataEvents?: cloudtrail.ReadWriteType;
  /**
   * How long the CloudWatch Logs copy of the trail is kept, in whole days. A value CloudWatch Logs does
   * not offer is rounded up to the next one it does (420 days becomes 545). Shorter than 365 days
   * needs `allowShortRetention`.
   *
   * @default Duration.days(365)
   */
  readonly logRetention?: Duration;
  /**
   * Accept a `logRetention` shorter than 365 days. Emits the acknowledgeable warning
   * `cdk-security-baseline:logGroup.shortRetention`.
   *
   * @default false
   */
  readonly allowShortRetention?: boolean;
  /**
   * S3 Object Lock of the trail bucket: every log file is write-once for `retention`.
   *
   * GOVERNANCE by default, not COMPLIANCE: in COMPLIANCE mode nobody, not even the root user, can delete
   * a log file or the bucket before the retention ends, which makes a mistaken deployment (a test
   * account, a wrong Region) impossible to clean up for a year, and an erasure request for personal data
   * in the logs (user names, IP addresses) impossible to honour. GOVERNANCE already stops every
   * principal without `s3:BypassGovernanceRetention` (deny that action in an SCP to close the gap), and
   * log file validation makes any tampering evident. Choose COMPLIANCE where a regulator requires WORM
   * storage (SEC 17a-4, FINRA).
   *
   * @default - GOVERNANCE mode, 365 days (`AUDIT_TRAIL_DEFAULT_OBJECT_LOCK`)
   */
  readonly objectLock?: ObjectLockOptions;
  /**
   * Delete log files from the bucket this long after delivery. Must not be shorter than the Object
   * Lock retention.
   *
   * @default - log files are kept until you delete them
   */
  readonly logFileExpiration?: Duration;
  /**
   * Bucket that receives the trail bucket's server access logs (CIS 3.4). It must use SSE-S3.
   *
   * @default - a hardened log bucket defined by `SecureBucket`
   */
  readonly accessLogsBucket?: s3.IBucket;
}

/**
 * A multi-Region CloudTrail trail with encrypted, tamper-evident delivery to S3 and CloudWatch Logs,
 * or a handle on an existing (organization) trail's log group.
 *
 * Default settings:
 * - multi-Region, global service events, read and write management events, log file validation on
 *   (CIS 3.1, 3.2);
 * - log files encrypted with a `DataKey` (data class `audit-logs`) whose policy lets
 *   `cloudtrail.amazonaws.com` call `GenerateDataKey*` only for this trail (`aws:SourceArn`) and only
 *   under this account's `kms:EncryptionContext:aws:cloudtrail:arn` (CIS 3.5), plus `DescribeKey` and
 *   the `Decrypt` the S3 Bucket Key needs, also only for this trail. No person decrypts through the key
 *   policy by default: reviewers get named grants (`grantRead()`);
 * - delivered to a `SecureBucket` (SSE-KMS with the same key, TLS only, versioned, access-logged for
 *   CIS 3.4, retained) with S3 Object Lock in GOVERNANCE mode for 365 days; its policy admits
 *   CloudTrail only for this trail (`aws:SourceArn`) and with `bucket-owner-full-control`;
 * - also delivered to a `SecureLogGroup` (encrypted with the same key, 365 days) through a role that
 *   may only create log streams and put log events in that log group (CIS 3.4 in v1.4: CloudTrail
 *   integrated with CloudWatch Logs), so `SecurityAlarms` can watch it;
 * - S3 data events (CIS 3.8, 3.9) through `s3DataEvents`;
 * - the trail, key, bucket and log group are retained when the stack is deleted.
 */
export class AuditTrail extends Construct {
  /** The log group the trail delivers to (the one given as `organizationTrailLogGroup`, if any). */
  public readonly logGroup: logs.ILogGroup;
  /** The trail, unless `organizationTrailLogGroup` was given. */
  public readonly trail?: cloudtrail.Trail;
  /** The trail's name, unless `organizationTrailLogGroup` was given. */
  public readonly trailName?: string;
  /** The trail's ARN, built from its name, unless `organizationTrailLogGroup` was given. */
  public readonly trailArn?: string;
  /** The bucket the trail delivers to, unless `organizationTrailLogGroup` was given. */
  public readonly bucket?: SecureBucket;
  /** The key that encrypts the log files and the log group, unless `organizationTrailLogGroup` was given. */
  public readonly encryptionKey?: kms.IKey;
  /** The `DataKey` behind `encryptionKey`. */
  public readonly dataKey?: DataKey;

  constructor(scope: Construct, id: string, props: AuditTrailProps = {}) {
    super(scope, id);
    const logRetentionDays = validateAuditTrailProps(this, props);

    if (props.organizationTrailLogGroup) {
      this.logGroup = props.organizationTrailLogGroup;
      return;
    }

    const stack = Stack.of(this);
    const trailName = props.trailName ?? Names.uniqueResourceName(this, { maxLength: 128, separator: '-' });
    // Built from the name, not read from the trail: the trail depends on the key and bucket policies
    // that name it, so a reference to its Arn attribute would be a dependency cycle.
    const trailArn = Arn.format({ service: 'cloudtrail', resource: 'trail', resourceName: trailName }, stack);
    this.trailName = trailName;
    this.trailArn = trailArn;

    // Key. CloudTrail may use it only for this trail, and generate data keys only in this account's
    // CloudTrail encryption context. No person decrypts through the key policy: grant readers by name.
    // @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html
    this.dataKey = new DataKey(this, 'Key', { dataClass: props.dataClass ?? 'audit-logs' });
    this.encryptionKey = this.dataKey.key;
    const thisTrail = { StringEquals: { 'aws:SourceArn': trailArn } };
    this.dataKey.allowServiceUse({
      service: 'cloudtrail.amazonaws.com',
      sid: 'AllowCloudTrailToEncryptLogsOfThisTrail',
      actions: ['kms:GenerateDataKey*'],
      sourceAccount: false,
      conditions: {
        ...thisTrail,
        StringLike: {
          'kms:EncryptionContext:aws:cloudtrail:arn': Arn.format(
            { service: 'cloudtrail', region: '*', resource: 'trail', resourceName: '*' },
            stack,
          ),
        },
      },
    });
    // The trail bucket uses an S3 Bucket Key (SecureBucket always does), and CloudTrail then needs
    // kms:Decrypt to create or update the trail ("Granting decrypt permissions" in the CloudTrail user
    // guide). Only the CloudTrail service, only for this trail: no person decrypts through this statement.
    this.dataKey.allowServiceUse({
      service: 'cloudtrail.amazonaws.com',
      sid: 'AllowCloudTrailBucketKeyDecryptForThisTrail',
      actions: ['kms:Decrypt'],
      sourceAccount: false,
      conditions: thisTrail,
    });
    // The same sentence of the guide applies to the principal that creates or updates the trail
    // (CloudFormation, with the deployer's credentials): it needs kms:Decrypt on the key. The account's
    // principals get it only through CloudTrail in this Region (kms:ViaService, kms:CallerAccount), and
    // each still needs it in its own IAM policy; nobody reads log files through this statement.
    // @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html
    this.dataKey.allowAccountUseThroughServices({
      services: ['cloudtrail'],
      sid: 'AllowTrailSetupThroughCloudTrail',
      actions: ['kms:Decrypt'],
      allowGrants: false,
    });
    this.dataKey.allowServiceUse({
      service: 'cloudtrail.amazonaws.com',
      sid: 'AllowCloudTrailToDescribeKey',
      actions: ['kms:DescribeKey'],
      sourceAccount: false,
      conditions: thisTrail,
    });
    // CloudWatch Logs encrypts the log group with the same key, for this account's log groups only.
    this.dataKey.allowCloudWatchLogs();

    // Bucket.
    this.bucket = new SecureBucket(this, 'Bucket', {
      encryptionKey: this.encryptionKey,
      objectLock: props.objectLock ?? AUDIT_TRAIL_DEFAULT_OBJECT_LOCK,
      expiration: props.logFileExpiration,
      accessLogsBucket: props.accessLogsBucket,
    });
    const bucket = this.bucket.bucket;
    // @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
    const cloudTrailPrincipal = new iam.ServicePrincipal('cloudtrail.amazonaws.com');
    bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudTrailAclCheckForThisTrail',
        principals: [cloudTrailPrincipal],
        actions: ['s3:GetBucketAcl'],
        resources: [bucket.bucketArn],
        conditions: { StringEquals: { 'aws:SourceArn': trailArn } },
      }),
    );
    bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudTrailWriteForThisTrail',
        principals: [cloudTrailPrincipal],
        actions: ['s3:PutObject'],
        resources: [bucket.arnForObjects(`AWSLogs/${stack.account}/*`)],
        conditions: {
          StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trailArn },
        },
      }),
    );

    // Log group.
    const logGroup = new SecureLogGroup(this, 'LogGroup', {
      encryptionKey: this.encryptionKey,
      // Validated and rounded in AuditTrail's words above, so SecureLogGroup never sees a value it rejects.
      retention: logRetentionDays === undefined ? undefined : Duration.days(logRetentionDays),
      allowShortRetention: props.allowShortRetention,
    });
    this.logGroup = logGroup.logGroup;

    // Trail. The L2 writes its own bucket-policy statements without `aws:SourceArn`; it gets a
    // policy-less view of the bucket so that only the scoped statements above exist.
    const bucketView = s3.Bucket.fromBucketAttributes(this, 'BucketView', {
      bucketArn: bucket.bucketArn,
      bucketName: bucket.bucketName,
      encryptionKey: this.encryptionKey,
    });
    this.trail = new cloudtrail.Trail(this, 'Trail', {
      trailName,
      bucket: bucketView,
      encryptionKey: this.encryptionKey,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      managementEvents: cloudtrail.ReadWriteType.ALL,
      enableFileValidation: true,
      // Delivery to CloudWatch Logs is wired below, with a role we define: the L2's role carries an
      // inline policy, and a managed policy is what HIPAA/NIST/PCI `IAMNoInlinePolicy` expect.
      sendToCloudWatchLogs: false,
      isOrganizationTrail: false,
    });
    const cfnTrail = this.trail.node.defaultChild as cloudtrail.CfnTrail;
    cfnTrail.applyRemovalPolicy(RemovalPolicy.RETAIN);

    // CloudTrail may only create this trail's log streams (`<account>_CloudTrail_<region>`, one per
    // Region of the multi-Region trail) in this log group and put events into them.
    // @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-required-policy-for-cloudwatch-logs.html
    const logsPolicy = new iam.ManagedPolicy(this, 'LogsPolicy', {
      description: `Lets CloudTrail trail ${trailName} deliver events to its CloudWatch Logs log group`,
      statements: [
        new iam.PolicyStatement({
          sid: 'DeliverTrailEventsToItsLogStreams',
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [
            Arn.format(
              {
                service: 'logs',
                resource: 'log-group',
                resourceName: `${this.logGroup.logGroupName}:log-stream:${stack.account}_CloudTrail_*`,
                arnFormat: ArnFormat.COLON_RESOURCE_NAME,
              },
              stack,
            ),
          ],
        }),
      ],
    });
    const logsRole = new iam.Role(this, 'LogsRole', {
      description: `Assumed by CloudTrail to deliver trail ${trailName} to CloudWatch Logs`,
      assumedBy: cloudTrailPrincipal,
      managedPolicies: [logsPolicy],
    });
    cfnTrail.cloudWatchLogsLogGroupArn = this.logGroup.logGroupArn;
    cfnTrail.cloudWatchLogsRoleArn = logsRole.roleArn;
    // cdk-nag reports the wildcard as a granular finding on the rendered ARN, so it is acknowledged by
    // that ARN: a future wildcard anywhere else in the policy stays a finding.
    const nag = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<${pseudo}>` : value);
    const logGroupLogicalId = stack.resolve((this.logGroup.node.defaultChild as logs.CfnLogGroup).logicalId);
    const account = nag(stack.account, 'AWS::AccountId');
    const streamArn =
      `arn:${nag(stack.partition, 'AWS::Partition')}:logs:${nag(stack.region, 'AWS::Region')}:${account}:` +
      `log-group:<${logGroupLogicalId}>:log-stream:${account}_CloudTrail_*`;
    acknowledgeExternal(logsPolicy, EXTERNAL_FINDINGS.IAM_WILDCARD,
        'The wildcard is only the Region suffix of the log streams CloudTrail itself creates (<account>_CloudTrail_<region>, one per Region of the multi-Region trail, including Regions enabled later); the policy is otherwise pinned to this log group and to CreateLogStream and PutLogEvents.',
      `Resource::${streamArn}`);

    // CloudTrail checks the bucket policy, the key policy and the role when the trail is created.
    if (bucket.policy) this.trail.node.addDependency(bucket.policy);
    this.trail.node.addDependency(this.dataKey, logsRole, logsPolicy);

    const dataEvents = props.s3DataEvents ?? cloudtrail.ReadWriteType.NONE;
    if (dataEvents !== cloudtrail.ReadWriteType.NONE) {
      // Management events are already logged by the trail's first selector; this one adds data events only.
      this.trail.logAllS3DataEvents({ readWriteType: dataEvents, includeManagementEvents: false });
    }
    const lockDays = props.objectLock && !props.objectLock.retention.isUnresolved() ? props.objectLock.retention.toDays({ integral: false }) : undefined;
    if (lockDays !== undefined && lockDays < 365) {
      warnWeakening(
        this,
        WEAKENINGS.AUDIT_TRAIL_SHORT_OBJECT_LOCK,
        `objectLock.retention is ${lockDays} days, below the 365 days audit logs are kept ` +
          'write-once by default; log files can be deleted sooner',
      );
    }
  }

  /** Grant a reviewer read access to the log files: the bucket, and decrypt on the key (in its policy). */
  public grantRead(grantee: iam.IGrantable): iam.Grant {
    if (!this.bucket) {
      throwIfProblems('AuditTrail.NoBucket', this, [
        'grantRead() needs the trail bucket, but this AuditTrail stands on organizationTrailLogGroup and defines none; ' +
          "grant read access on the existing trail's bucket where it is defined",
      ]);
    }
    return this.bucket!.bucket.grantRead(grantee);
  }
}

function validateAuditTrailProps(scope: Construct, props: AuditTrailProps): logs.RetentionDays | undefined {
  const problems: string[] = [];
  if (props.organizationTrailLogGroup) {
    const trailProps: Array<keyof AuditTrailProps> = [
      'dataClass',
      'trailName',
      's3DataEvents',
      'logRetention',
      'allowShortRetention',
      'objectLock',
      'logFileExpiration',
      'accessLogsBucket',
    ];
    const set = trailProps.filter((p) => props[p] !== undefined);
    if (set.length > 0) {
      problems.push(
        `${set.join(', ')} configure the trail AuditTrail defines, but organizationTrailLogGroup was given, so it defines none (got ${JSON.stringify(set)}); ` +
          'configure the existing trail where it is defined, or drop organizationTrailLogGroup',
      );
    }
  }
  if (props.trailName !== undefined && !Token.isUnresolved(props.trailName)) {
    const n = props.trailName;
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]$/.test(n) || /[._-]{2}/.test(n) || /^\d+\.\d+\.\d+\.\d+$/.test(n)) {
      problems.push(
        `trailName must be 3-128 letters, digits, '.', '_' or '-', start and end with a letter or digit, have no two ` +
          `adjacent '.', '_' or '-' and not look like an IP address, got ${JSON.stringify(n)}; use a name such as 'baseline-audit-trail'`,
      );
    }
  }
  const retention = logRetention('logRetention', props.logRetention, problems);
  if (retention !== undefined && retention < MIN_LOG_RETENTION_DAYS && !props.allowShortRetention) {
    problems.push(
      `logRetention must be at least ${MIN_LOG_RETENTION_DAYS} days, got ${retention} days; ` +
        'use Duration.days(365) or longer, or pass allowShortRetention: true to accept a shorter retention with a warning',
    );
  }
  // Log files are write-once for the Object Lock retention: an expiration before it could never apply.
  const expiration = wholeDays('logFileExpiration', props.logFileExpiration, problems);
  const lockDays = wholeDays('objectLock.retention', (props.objectLock ?? AUDIT_TRAIL_DEFAULT_OBJECT_LOCK).retention, []);
  if (expiration !== undefined && expiration < 1) {
    problems.push(`logFileExpiration must be at least 1 day, got ${expiration} days; use Duration.days(n), or leave it unset to keep log files`);
  } else if (expiration !== undefined && lockDays !== undefined && expiration < lockDays) {
    problems.push(
      `logFileExpiration (${expiration} days) is shorter than the trail bucket's Object Lock retention (${lockDays} days${props.objectLock ? '' : ', the default'}); ` +
        `log files could not be deleted before then: use logFileExpiration: Duration.days(${lockDays}) or longer, or shorten objectLock.retention`,
    );
  }
  throwIfProblems('AuditTrail.InvalidProps', scope, problems);
  return retention;
}
