import { CustomResource, Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { acknowledgeDeployTimeFunction } from '../../lib/deploy-time-function';
import { throwIfProblems } from '../../lib/errors';
import { handlerCode } from '../../lib/handler-assets';
import { SecureLogGroup } from '../data/secure-log-group';
import { acknowledgeExternal, EXTERNAL_FINDINGS } from '../private/external-checks';
import { warnWeakening, WEAKENINGS } from '../private/weakenings';

/** Shortest password the baseline accepts (CIS AWS Foundations 1.8). */
export const MIN_PASSWORD_LENGTH = 14;
/** Number of previous passwords IAM can remember, and the baseline default (CIS AWS Foundations 1.9). */
export const MAX_PASSWORD_REUSE_PREVENTION = 24;
/** Longest password age, in days, that PCI DSS 3.2.1 8.2.4 accepts. */
export const RECOMMENDED_MAX_PASSWORD_AGE_DAYS = 90;

export interface AccountPasswordPolicyProps {
  /**
   * Minimum password length, 14 to 128.
   *
   * @default 14
   */
  readonly minimumPasswordLength?: number;
  /**
   * How many previous passwords a user may not reuse, 1 to 24. Fewer than 24 emits the warning
   * `cdk-security-baseline:passwordPolicy.shortReuseHistory`.
   *
   * @default 24
   */
  readonly passwordReusePrevention?: number;
  /**
   * How long a password stays valid, 1 to 1095 whole days. Longer than 90 days emits the warning
   * `cdk-security-baseline:passwordPolicy.longMaxAge`.
   *
   * @default Duration.days(90)
   */
  readonly maxPasswordAge?: Duration;
  /**
   * Require at least one symbol. `false` emits the warning
   * `cdk-security-baseline:passwordPolicy.characterClass`.
   *
   * @default true
   */
  readonly requireSymbols?: boolean;
  /**
   * Require at least one digit. `false` emits the warning
   * `cdk-security-baseline:passwordPolicy.characterClass`.
   *
   * @default true
   */
  readonly requireNumbers?: boolean;
  /**
   * Require at least one uppercase letter. `false` emits the warning
   * `cdk-security-baseline:passwordPolicy.characterClass`.
   *
   * @default true
   */
  readonly requireUppercase?: boolean;
  /**
   * Require at least one lowercase letter. `false` emits the warning
   * `cdk-security-baseline:passwordPolicy.characterClass`.
   *
   * @default true
   */
  readonly requireLowercase?: boolean;
  /**
   * What happens to the account password policy when this resource leaves the stack: `RETAIN` keeps
   * the hardened policy in the account; `DESTROY` deletes it (the account falls back to IAM's weak
   * default) and emits the warning `cdk-security-baseline:passwordPolicy.deleteOnRemoval`.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Key that encrypts the handler's log group. It must let CloudWatch Logs use it (as a
   * `SecureLogGroup` key does).
   *
   * @default - a new `DataKey` with data class `password-policy-logs`
   */
  readonly logsEncryptionKey?: kms.IKey;
  /**
   * Permissions boundary applied to the handler's role.
   *
   * @default - no permissions boundary
   */
  readonly permissionsBoundary?: iam.IManagedPolicy;
}

/**
 * The IAM account password policy, set through a custom resource because CloudFormation has no
 * resource type for it.
 *
 * Default settings (CIS AWS Foundations 1.8 and 1.9, PCI DSS 3.2.1 8.2.3 to 8.2.5):
 * - minimum length 14, every character class required;
 * - the last 24 passwords cannot be reused;
 * - passwords expire after 90 days, and users may change their own (no hard expiry, so an expired
 *   password is changed at sign-in rather than locking the user out);
 * - the policy is retained when the resource is deleted (DeletionPolicy `Retain`).
 *
 * The custom resource is backed by one small Lambda function (no `custom-resources.Provider`
 * framework) that sends the CloudFormation response itself. It runs on the newest Node.js runtime,
 * with a role that may only update (and, with `DESTROY`, delete) the password policy and write its own
 * logs, and a `SecureLogGroup`. It reserves no concurrency: a reservation fails the deployment in new
 * accounts whose Lambda concurrency quota is still 10.
 *
 * An account has one password policy: define this construct once per account.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
 */
export class AccountPasswordPolicy extends Construct {
  /** The custom resource. */
  public readonly resource: CustomResource;
  /** The function that sets the policy. */
  public readonly handler: lambda.Function;
  /** The handler's role. */
  public readonly handlerRole: iam.Role;
  /** The handler's log group. */
  public readonly logGroup: SecureLogGroup;

  constructor(scope: Construct, id: string, props: AccountPasswordPolicyProps = {}) {
    super(scope, id);
    validateAccountPasswordPolicyProps(this, props);

    const minimumPasswordLength = props.minimumPasswordLength ?? MIN_PASSWORD_LENGTH;
    const passwordReusePrevention = props.passwordReusePrevention ?? MAX_PASSWORD_REUSE_PREVENTION;
    const maxPasswordAge = props.maxPasswordAge ?? Duration.days(RECOMMENDED_MAX_PASSWORD_AGE_DAYS);
    const classes = {
      RequireSymbols: props.requireSymbols ?? true,
      RequireNumbers: props.requireNumbers ?? true,
      RequireUppercaseCharacters: props.requireUppercase ?? true,
      RequireLowercaseCharacters: props.requireLowercase ?? true,
    };
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.warnAboutWeakenedSettings(passwordReusePrevention, maxPasswordAge, classes, removalPolicy);

    this.logGroup = new SecureLogGroup(this, 'HandlerLogs', {
      encryptionKey: props.logsEncryptionKey,
      dataClass: props.logsEncryptionKey ? undefined : 'password-policy-logs',
    });
    this.handlerRole = new iam.Role(this, 'HandlerRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Sets the IAM account password policy (cdk-security-baseline)',
    });
    const iamActions = ['iam:UpdateAccountPasswordPolicy'];
    if (removalPolicy === RemovalPolicy.DESTROY) iamActions.push('iam:DeleteAccountPasswordPolicy');
    const policy = new iam.ManagedPolicy(this, 'HandlerPolicy', {
      description: 'Least privilege for the account password policy handler (cdk-security-baseline)',
      roles: [this.handlerRole],
      statements: [
        new iam.PolicyStatement({ sid: 'SetAccountPasswordPolicy', actions: iamActions, resources: ['*'] }),
        new iam.PolicyStatement({
          sid: 'WriteOwnLogs',
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [this.logGroup.logGroup.logGroupArn],
        }),
      ],
    });
    acknowledgeExternal(policy, EXTERNAL_FINDINGS.IAM_WILDCARD,
      'iam:UpdateAccountPasswordPolicy and iam:DeleteAccountPasswordPolicy act on the account itself and support no ' +
        'resource-level permissions, so IAM only accepts Resource "*"; the policy grants nothing else',
      'Resource::*');

    this.handler = new lambda.Function(this, 'Handler', {
      description: 'Sets the IAM account password policy for CloudFormation (cdk-security-baseline)',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      code: handlerCode('password-policy'),
      handler: 'index.handler',
      role: this.handlerRole,
      timeout: Duration.minutes(2),
      memorySize: 256,
      // No reserved concurrency: Lambda keeps 10 unreserved, so any reservation fails in a new account
      // whose quota is still 10 (the HIPAA/NIST LambdaConcurrency findings are acknowledged below).
      logGroup: this.logGroup.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.INFO,
    });
    // The role must hold its permissions before CloudFormation first invokes the function.
    this.handler.node.addDependency(policy);
    acknowledgeDeployTimeFunction(this.handler, {
      outsideVpc:
        'The function only calls the IAM API (a public AWS endpoint) and holds no data; it runs only while CloudFormation ' +
        'deploys the stack, so a VPC would add NAT or an IAM interface endpoint without protecting anything',
    });

    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: this.handler.functionArn,
      resourceType: 'Custom::AccountPasswordPolicy',
      serviceTimeout: Duration.minutes(5),
      removalPolicy,
      properties: {
        MinimumPasswordLength: minimumPasswordLength,
        ...classes,
        AllowUsersToChangePassword: true,
        MaxPasswordAge: maxPasswordAge.toDays(),
        PasswordReusePrevention: passwordReusePrevention,
        HardExpiry: false,
        RetainOnDelete: removalPolicy === RemovalPolicy.RETAIN,
      },
    });

    if (props.permissionsBoundary) iam.PermissionsBoundary.of(this).apply(props.permissionsBoundary);
  }

  private warnAboutWeakenedSettings(
    reuse: number,
    maxAge: Duration,
    classes: Record<string, boolean>,
    removalPolicy: RemovalPolicy,
  ): void {
    if (!Token.isUnresolved(reuse) && reuse < MAX_PASSWORD_REUSE_PREVENTION) {
      warnWeakening(this, WEAKENINGS.PASSWORD_POLICY_SHORT_REUSE_HISTORY, `passwordReusePrevention is ${reuse}, below the 24 CIS AWS Foundations 1.9 expects; users can cycle back to an old password sooner`);
    }
    if (!maxAge.isUnresolved() && maxAge.toDays() > RECOMMENDED_MAX_PASSWORD_AGE_DAYS) {
      warnWeakening(this, WEAKENINGS.PASSWORD_POLICY_LONG_MAX_AGE, `maxPasswordAge is ${maxAge.toDays()} days, above the 90 days PCI DSS 3.2.1 8.2.4 expects; a leaked password stays valid for longer`);
    }
    const off = Object.entries(classes).filter(([, on]) => !on).map(([name]) => name);
    if (off.length > 0) {
      warnWeakening(this, WEAKENINGS.PASSWORD_POLICY_CHARACTER_CLASS, `${off.join(', ')} turned off; passwords from fewer character classes are easier to guess (PCI DSS 3.2.1 8.2.3)`);
    }
    if (removalPolicy === RemovalPolicy.DESTROY) {
      warnWeakening(this, WEAKENINGS.PASSWORD_POLICY_DELETE_ON_REMOVAL, 'removalPolicy is DESTROY: removing this resource deletes the account password policy and IAM falls back to its weak default');
    }
  }
}

function validateAccountPasswordPolicyProps(scope: Construct, props: AccountPasswordPolicyProps): void {
  const problems: string[] = [];
  const length = props.minimumPasswordLength;
  if (length !== undefined && !Token.isUnresolved(length) && (!Number.isInteger(length) || length < MIN_PASSWORD_LENGTH || length > 128)) {
    problems.push(
      `minimumPasswordLength must be a whole number from ${MIN_PASSWORD_LENGTH} (CIS AWS Foundations 1.8) to 128, got ${JSON.stringify(length)}; ` +
        `use ${MIN_PASSWORD_LENGTH} or more`,
    );
  }
  const reuse = props.passwordReusePrevention;
  if (reuse !== undefined && !Token.isUnresolved(reuse) && (!Number.isInteger(reuse) || reuse < 1 || reuse > MAX_PASSWORD_REUSE_PREVENTION)) {
    problems.push(
      `passwordReusePrevention must be a whole number from 1 to ${MAX_PASSWORD_REUSE_PREVENTION} (IAM remembers at most 24 passwords), ` +
        `got ${JSON.stringify(reuse)}; use ${MAX_PASSWORD_REUSE_PREVENTION} (CIS AWS Foundations 1.9)`,
    );
  }
  if (props.maxPasswordAge !== undefined && !props.maxPasswordAge.isUnresolved()) {
    const days = props.maxPasswordAge.toDays({ integral: false });
    if (!Number.isInteger(days) || days < 1 || days > 1095) {
      problems.push(
        `maxPasswordAge must be a whole number of days from 1 to 1095 (IAM limits), got ${JSON.stringify(days)} days; ` +
          `use Duration.days(${RECOMMENDED_MAX_PASSWORD_AGE_DAYS})`,
      );
    }
  }
  if (props.removalPolicy !== undefined && props.removalPolicy !== RemovalPolicy.RETAIN && props.removalPolicy !== RemovalPolicy.DESTROY) {
    problems.push(
      `removalPolicy must be RemovalPolicy.RETAIN or RemovalPolicy.DESTROY, got ${JSON.stringify(props.removalPolicy)}; ` +
        'a password policy has no snapshot',
    );
  }
  const others = Stack.of(scope)
    .node.findAll()
    .filter((c) => c !== scope && c instanceof AccountPasswordPolicy);
  if (others.length > 0) {
    problems.push(
      `an account has one password policy, but this stack already defines one at ${others[0].node.path}; define AccountPasswordPolicy once`,
    );
  }
  throwIfProblems('AccountPasswordPolicy.InvalidProps', scope, problems);
}
