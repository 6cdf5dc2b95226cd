import { Duration, RemovalPolicy, Token } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { throwIfProblems } from '../../lib/errors';
import { logRetention, sameRegion } from '../../lib/validation';
import { warnWeakening, WEAKENINGS } from '../private/weakenings';
import { DataKey } from './data-key';
import { nameKeyAliasSource } from './private/key-naming';

/** Minimum retention, in days, that the baseline accepts without an explicit override (CIS, PCI DSS 10.5.1). */
export const MIN_LOG_RETENTION_DAYS = 365;

export interface SecureLogGroupProps {
  /**
   * Log group name.
   *
   * @default - a name CloudFormation generates
   */
  readonly logGroupName?: string;
  /**
   * How long to keep log events: a whole number of days. A value CloudWatch Logs does not accept is
   * rounded up to the next one it does (for example 400 days to 545 days).
   *
   * @see https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
   * @default Duration.days(365)
   */
  readonly retention?: Duration;
  /**
   * Accept a retention shorter than 365 days. Emits the acknowledgeable warning
   * `cdk-security-baseline:logGroup.shortRetention`.
   *
   * @default false
   */
  readonly allowShortRetention?: boolean;
  /**
   * Key that encrypts the log group. It must let `logs.<region>.amazonaws.com` use it.
   *
   * @default - a new `DataKey` for data class `dataClass`, with a key-policy statement that lets
   * CloudWatch Logs use it only for this account's log groups in this Region
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * Data class of the key created when `encryptionKey` is not given.
   *
   * @default 'logs'
   */
  readonly dataClass?: string;
}

/**
 * A CloudWatch Logs log group encrypted with a customer-managed key and kept for a year.
 *
 * Default settings:
 * - encrypted with a `DataKey` whose policy admits `logs.<region>.amazonaws.com` only under the
 *   `kms:EncryptionContext:aws:logs:arn` of this account's log groups (checked by HIPAA/NIST
 *   `CloudWatchLogGroupEncrypted`);
 * - retention 365 days; shorter needs `allowShortRetention` and raises a warning (checked by NIST/PCI
 *   `CloudWatchLogGroupRetentionPeriod`);
 * - retained when the stack is deleted.
 */
export class SecureLogGroup extends Construct {
  /** The log group. */
  public readonly logGroup: logs.LogGroup;
  /** The key that encrypts it. */
  public readonly encryptionKey: kms.IKey;
  /** The key we defined, when none was given. */
  public readonly dataKey?: DataKey;

  constructor(scope: Construct, id: string, props: SecureLogGroupProps = {}) {
    super(scope, id);
    const retention = validateSecureLogGroupProps(this, props);
    nameKeyAliasSource(this, {
      prop: 'dataClass',
      value: props.dataClass ?? 'logs',
      fix: 'give each SecureLogGroup its own dataClass, or pass encryptionKey',
    });

    if (props.encryptionKey) {
      this.encryptionKey = props.encryptionKey;
    } else {
      this.dataKey = new DataKey(this, 'Key', { dataClass: props.dataClass ?? 'logs' });
      this.dataKey.allowCloudWatchLogs();
      this.encryptionKey = this.dataKey.key;
    }

    if (retention < MIN_LOG_RETENTION_DAYS) {
      warnWeakening(
        this,
        WEAKENINGS.LOG_GROUP_SHORT_RETENTION,
        `retention is ${retention} days, below the ${MIN_LOG_RETENTION_DAYS} days CIS and PCI DSS 10.5.1 expect; ` +
          'evidence of an incident may be gone before it is investigated',
      );
    }
    this.logGroup = new logs.LogGroup(this, 'Resource', {
      logGroupName: props.logGroupName,
      retention,
      encryptionKey: this.encryptionKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The key must exist, with its policy, before CloudWatch Logs checks it.
    if (this.dataKey) this.logGroup.node.addDependency(this.dataKey);
  }
}

/** Validates the props and returns the retention CloudWatch Logs will apply. */
function validateSecureLogGroupProps(scope: Construct, props: SecureLogGroupProps): logs.RetentionDays {
  const problems: string[] = [];
  const retention = logRetention('retention', props.retention, problems) ?? logs.RetentionDays.ONE_YEAR;
  if (retention < MIN_LOG_RETENTION_DAYS && !props.allowShortRetention) {
    problems.push(
      `retention must be at least ${MIN_LOG_RETENTION_DAYS} days, got ${retention} days; ` +
        'use Duration.days(365) or longer, or pass allowShortRetention: true to accept a shorter retention with a warning',
    );
  }
  // CloudWatch Logs accepts only a key in the log group's Region.
  // @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
  sameRegion('encryptionKey', props.encryptionKey, scope, problems);
  if (props.encryptionKey && props.dataClass !== undefined) {
    problems.push(
      `dataClass names the key the log group defines, but encryptionKey was also given (dataClass ${JSON.stringify(props.dataClass)}); ` +
        'pass one or the other',
    );
  }
  if (props.logGroupName !== undefined && !Token.isUnresolved(props.logGroupName) && !/^[\w\-/.#]{1,512}$/.test(props.logGroupName)) {
    problems.push(
      `logGroupName may contain only letters, digits, '_', '-', '/', '.' and '#' (1-512 characters), got ${JSON.stringify(props.logGroupName)}`,
    );
  }
  throwIfProblems('SecureLogGroup.InvalidProps', scope, problems);
  return retention;
}
