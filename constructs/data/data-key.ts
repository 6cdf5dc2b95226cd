import { Arn, ArnFormat, Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Construct } from 'constructs';
import { throwIfProblems } from '../../lib/errors';
import { wholeDays } from '../../lib/validation';
import { checkDataClass, keyAliasSourceOf } from './private/key-naming';

/**
 * Actions the account keeps on every key, so a key policy can never lock the account out of
 * administering it. None of them uses the key: encryption and decryption need a grant.
 *
 * `kms:CreateGrant` is here on purpose: grants are how named principals get use, and an administrator
 * must be able to create and revoke them.
 *
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-administrators
 */
export const KEY_ADMIN_ACTIONS = [
  'kms:CancelKeyDeletion',
  'kms:CreateAlias',
  'kms:CreateGrant',
  'kms:DeleteAlias',
  'kms:DescribeKey',
  'kms:DisableKey',
  'kms:DisableKeyRotation',
  'kms:EnableKey',
  'kms:EnableKeyRotation',
  'kms:GetKeyPolicy',
  'kms:GetKeyRotationStatus',
  'kms:ListAliases',
  'kms:ListGrants',
  'kms:ListKeyPolicies',
  'kms:ListResourceTags',
  'kms:ListRetirableGrants',
  'kms:PutKeyPolicy',
  'kms:ReplicateKey',
  'kms:RetireGrant',
  'kms:RevokeGrant',
  'kms:RotateKeyOnDemand',
  'kms:ScheduleKeyDeletion',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:UpdateAlias',
  'kms:UpdateKeyDescription',
  'kms:UpdatePrimaryRegion',
];

/** Actions that encrypt and decrypt data with a symmetric key. */
export const KEY_USE_ACTIONS = [
  'kms:Decrypt',
  'kms:DescribeKey',
  'kms:Encrypt',
  'kms:GenerateDataKey*',
  'kms:ReEncrypt*',
];

/**
 * How a service principal may use a `DataKey`.
 *
 * At least one scoping condition (`sourceAccount`, `sourceArn`, `viaService` or `conditions`) is
 * required, so a service can only use the key on behalf of this account.
 */
export interface ServiceKeyUseOptions {
  /**
   * Service principal, for example `logs.amazonaws.com` or `delivery.logs.amazonaws.com`.
   */
  readonly service: string;
  /**
   * Actions the service may call.
   *
   * @default KEY_USE_ACTIONS (Encrypt, Decrypt, ReEncrypt*, GenerateDataKey*, DescribeKey)
   */
  readonly actions?: string[];
  /**
   * Scope with `aws:SourceAccount`.
   *
   * @default true - the key's own account
   */
  readonly sourceAccount?: boolean;
  /**
   * Scope with `aws:SourceArn` (ArnLike), for example the trail or log group ARN.
   *
   * @default - no source ARN condition
   */
  readonly sourceArn?: string;
  /**
   * Scope with `kms:ViaService` (the service must call KMS on the caller's behalf).
   *
   * @default - no ViaService condition
   */
  readonly viaService?: string;
  /**
   * Extra conditions, merged with the ones above (for example an encryption-context condition).
   *
   * @default - none
   */
  readonly conditions?: Record<string, Record<string, unknown>>;
  /**
   * Statement id (Sid) in the key policy.
   *
   * @default - derived from the service name
   */
  readonly sid?: string;
}

/**
 * How the account's own principals may use a `DataKey` through an AWS service that encrypts on their
 * behalf (RDS, DynamoDB, EBS, Secrets Manager, S3, AWS Backup, ...).
 *
 * The key policy admits the account (`kms:CallerAccount`) only when the call comes through one of the
 * named services in this Region (`kms:ViaService`), and each principal still needs the key in its own
 * IAM policy. This is the form AWS documents for services that call KMS with the caller's identity.
 *
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service
 */
export interface AccountServiceUseOptions {
  /**
   * Services, by endpoint prefix: `rds`, `dynamodb`, `ec2` (EBS), `secretsmanager`, `s3`, `backup`, ...
   * Each becomes `kms:ViaService <service>.<region>.amazonaws.com`.
   */
  readonly services: string[];
  /**
   * Actions the account's principals may call through the services.
   *
   * @default KEY_USE_ACTIONS (Encrypt, Decrypt, ReEncrypt*, GenerateDataKey*, DescribeKey)
   */
  readonly actions?: string[];
  /**
   * Also allow `kms:CreateGrant` through the services, for AWS resources only
   * (`kms:GrantIsForAWSResource`): RDS, EBS, DynamoDB and AWS Backup create grants for the resource.
   *
   * @default true
   */
  readonly allowGrants?: boolean;
  /**
   * Statement id (Sid) prefix in the key policy.
   *
   * @default - derived from the services
   */
  readonly sid?: string;
}

export interface DataKeyProps {
  /**
   * The class of data this key protects: lowercase letters, digits and hyphens (for example `logs`,
   * `backup`, `customer-data`). The alias is `alias/<aliasPrefix>/<dataClass>`.
   */
  readonly dataClass: string;
  /**
   * Prefix of the alias.
   *
   * @default 'baseline'
   */
  readonly aliasPrefix?: string;
  /**
   * How often KMS rotates the key material: 90 to 2560 days.
   *
   * @default Duration.days(365)
   */
  readonly rotationPeriod?: Duration;
  /**
   * Make the key a multi-Region primary key, so it can be replicated for cross-Region backup copies
   * and disaster recovery.
   *
   * @default false
   */
  readonly multiRegion?: boolean;
  /**
   * Extra principals that may administer the key (never use it). The account itself always keeps
   * administration.
   *
   * @default - the account (through IAM) only
   */
  readonly administrators?: iam.IPrincipal[];
  /**
   * Key description.
   *
   * @default - 'Customer-managed key for <dataClass> data (cdk-security-baseline)'
   */
  readonly description?: string;
  /**
   * Services through which principals of other stacks (same account and Region) use the key, for
   * example `['s3']` for a bucket key. A grant to such a principal then goes into the principal's own
   * policy only, and one key-policy statement (`AllowAccountUseForCrossStackGrants`) admits the
   * account's principals for the granted actions, only through these services (`kms:ViaService`,
   * `kms:CallerAccount`). Naming a role of another stack in the key policy instead would make the two
   * stacks depend on each other in a cycle.
   *
   * @default - none: a grant to a principal of another stack fails at synth
   */
  readonly crossStackGrantServices?: string[];
}

const SERVICE_PREFIX = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * A customer-managed KMS key for one class of data.
 *
 * Default settings:
 * - rotation on, every 365 days (90 to 2560 allowed);
 * - 30-day pending window (the longest), and the key is retained when the stack is deleted;
 * - the key policy separates administration from use: the account keeps every administrative action
 *   (so it can never be locked out) but no cryptographic action. Use comes only from `grant*()` to
 *   named principals (a principal of the same stack is written into the key policy; one of another
 *   stack gets the key in its own policy, admitted through `crossStackGrantServices`),
 *   `allowServiceUse()` for service principals scoped with `aws:SourceAccount`, `aws:SourceArn` or
 *   `kms:ViaService`, and `allowAccountUseThroughServices()` for the account's principals through the
 *   services you name (`kms:ViaService`, `kms:CallerAccount`).
 *
 * The key is defined with the L1 `CfnKey`, so none of these settings depends on the consumer's
 * feature flags (`@aws-cdk/aws-kms:defaultKeyPolicies` would otherwise change the key policy).
 */
export class DataKey extends Construct {
  /**
   * The key, usable anywhere an `IKey` is expected. Grants on it to a principal of the same stack go
   * into the key policy; to a principal of another stack, into that principal's policy (see
   * `crossStackGrantServices`).
   */
  public readonly key: kms.IKey;
  /** The key's alias. */
  public readonly alias: kms.Alias;
  /** The underlying L1 resource. */
  public readonly cfnKey: kms.CfnKey;
  /** Key ARN. */
  public readonly keyArn: string;
  /** Data class the key protects. */
  public readonly dataClass: string;

  private readonly crossStackGrantServices: string[];
  private readonly servicesAdmittingAccount = new Set<string>();
  private readonly sids = new Set<string>();
  private crossStackStatement?: iam.PolicyStatement;

  constructor(scope: Construct, id: string, props: DataKeyProps) {
    super(scope, id);
    validateDataKeyProps(this, props);

    const rotationDays = props.rotationPeriod?.toDays() ?? 365;
    this.dataClass = props.dataClass;
    this.cfnKey = new kms.CfnKey(this, 'Resource', {
      description: props.description ?? `Customer-managed key for ${props.dataClass} data (cdk-security-baseline)`,
      enabled: true,
      enableKeyRotation: true,
      rotationPeriodInDays: rotationDays,
      pendingWindowInDays: 30,
      keySpec: 'SYMMETRIC_DEFAULT',
      keyUsage: 'ENCRYPT_DECRYPT',
      multiRegion: props.multiRegion ?? false,
      keyPolicy: { Version: '2012-10-17', Statement: [] },
    });
    this.cfnKey.applyRemovalPolicy(RemovalPolicy.RETAIN);
    this.key = kms.Key.fromCfnKey(this.cfnKey);
    this.keyArn = this.key.keyArn;
    this.crossStackGrantServices = props.crossStackGrantServices ?? [];
    routeCrossStackGrants(this);

    const admins: iam.IPrincipal[] = [new iam.AccountRootPrincipal(), ...(props.administrators ?? [])];
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AccountAdministersKeyButCannotUseIt',
        principals: admins,
        actions: KEY_ADMIN_ACTIONS,
        resources: ['*'],
      }),
    );
    // KMS grants may only be created for AWS resources (EBS, RDS, ...), never handed to people: use by
    // people and roles goes through key-policy statements that a reviewer can read (CT.KMS.PR.3).
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyGrantsExceptForAwsResources',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['kms:CreateGrant'],
        resources: ['*'],
        conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
      }),
    );

    const aliasName = `alias/${props.aliasPrefix ?? 'baseline'}/${props.dataClass}`;
    claimAlias(this, aliasName);
    this.alias = new kms.Alias(this, 'Alias', {
      aliasName,
      targetKey: this.key,
    });
  }

  /**
   * Allow a service principal to use the key on this account's behalf.
   *
   * The statement is always scoped: by default with `aws:SourceAccount` set to this account, plus any
   * source ARN, `kms:ViaService` or extra conditions given.
   */
  public allowServiceUse(options: ServiceKeyUseOptions): iam.PolicyStatement {
    const conditions: Record<string, Record<string, unknown>> = {};
    const merge = (op: string, key: string, value: unknown) => {
      conditions[op] = { ...conditions[op], [key]: value };
    };
    if (options.sourceAccount ?? true) merge('StringEquals', 'aws:SourceAccount', Stack.of(this).account);
    if (options.sourceArn) merge('ArnLike', 'aws:SourceArn', options.sourceArn);
    if (options.viaService) merge('StringEquals', 'kms:ViaService', options.viaService);
    for (const [op, values] of Object.entries(options.conditions ?? {})) {
      for (const [key, value] of Object.entries(values)) merge(op, key, value);
    }
    if (Object.keys(conditions).length === 0) {
      throwIfProblems('DataKey.UnscopedServiceUse', this, [
        `allowServiceUse(${options.service}) has no scoping condition; set sourceAccount, sourceArn, ` +
          'viaService or conditions so the service can only use the key for this account',
      ]);
    }
    const statement = new iam.PolicyStatement({
      sid: options.sid ?? `Allow${options.service.split('.')[0].replace(/[^A-Za-z0-9]/g, '')}Use`,
      principals: [new iam.ServicePrincipal(options.service)],
      actions: options.actions ?? KEY_USE_ACTIONS,
      resources: ['*'],
      conditions,
    });
    this.key.addToResourcePolicy(statement);
    return statement;
  }

  /**
   * Let CloudWatch Logs in this Region encrypt log groups with the key, for this account's log groups
   * only (the `kms:EncryptionContext:aws:logs:arn` condition CloudWatch Logs documents).
   *
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
   */
  public allowCloudWatchLogs(): iam.PolicyStatement {
    const stack = Stack.of(this);
    return this.allowServiceUse({
      service: `logs.${stack.region}.amazonaws.com`,
      sid: 'AllowCloudWatchLogsForThisAccount',
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      sourceAccount: false,
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': Arn.format(
            { service: 'logs', resource: 'log-group', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME },
            stack,
          ),
        },
      },
    });
  }

  /**
   * Let the account's principals use the key through AWS services that encrypt on their behalf: RDS,
   * DynamoDB, EBS (`ec2`), Secrets Manager, S3, AWS Backup and so on. This is the one way to let such a
   * service use the key for the roles and people of this account (including CloudFormation, which
   * calls the service when it defines the database, table or volume).
   *
   * The statements admit the account only with `kms:CallerAccount` (this account) and
   * `kms:ViaService` (the services, in this Region); a principal still needs the key in its own IAM
   * policy. Grants (`kms:CreateGrant`) are allowed only for AWS resources. Calling it again for a
   * service already admitted adds nothing.
   *
   * @see https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service
   * @see https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-caller-account
   */
  public allowAccountUseThroughServices(options: AccountServiceUseOptions): iam.PolicyStatement[] {
    const problems: string[] = [];
    if (options.services.length === 0) {
      problems.push('allowAccountUseThroughServices() needs at least one service, got []; name the service by endpoint prefix, for example rds');
    }
    for (const service of options.services) {
      if (!Token.isUnresolved(service) && !SERVICE_PREFIX.test(service)) {
        problems.push(
          `allowAccountUseThroughServices() services must be endpoint prefixes such as 'rds', 'dynamodb', 'ec2' or 'secretsmanager', ` +
            `got ${JSON.stringify(service)}; the Region and amazonaws.com are added for you`,
        );
      }
    }
    throwIfProblems('DataKey.InvalidServiceUse', this, problems);
    const actions = options.actions ?? KEY_USE_ACTIONS;
    const services = options.services.filter((s) => !this.servicesAdmittingAccount.has(`${s} ${actions.join(',')}`));
    if (services.length === 0) return [];
    services.forEach((s) => this.servicesAdmittingAccount.add(`${s} ${actions.join(',')}`));
    const stack = Stack.of(this);
    const viaService = this.viaServiceConditions(services);
    const base = options.sid ?? `AllowAccountUseThrough${services.map((s) => s.replace(/[^a-z0-9]/g, '')).map((s) => s[0].toUpperCase() + s.slice(1)).join('')}`;
    let sid = base.slice(0, 90);
    for (let n = 2; this.sids.has(sid); n++) sid = `${base.slice(0, 90)}${n}`;
    this.sids.add(sid);
    const statements = [
      new iam.PolicyStatement({
        sid,
        principals: [new iam.AccountPrincipal(stack.account)],
        actions,
        resources: ['*'],
        conditions: { StringEquals: viaService },
      }),
    ];
    if (options.allowGrants ?? true) {
      statements.push(
        new iam.PolicyStatement({
          sid: `${sid}Grants`,
          principals: [new iam.AccountPrincipal(stack.account)],
          actions: ['kms:CreateGrant'],
          resources: ['*'],
          conditions: { StringEquals: viaService, Bool: { 'kms:GrantIsForAWSResource': 'true' } },
        }),
      );
    }
    statements.forEach((statement) => this.key.addToResourcePolicy(statement));
    return statements;
  }

  /**
   * Route a grant to a principal of another stack (same account and Region) into the principal's own
   * policy, and admit the account through `crossStackGrantServices` in the key policy.
   *
   * @internal
   */
  public _grantAcrossStacks(grantee: iam.IGrantable, actions: string[]): iam.Grant {
    if (this.crossStackGrantServices.length > 0) {
      // One statement for every cross-stack grant, holding only the actions granted so far.
      if (!this.crossStackStatement) {
        const stack = Stack.of(this);
        this.crossStackStatement = new iam.PolicyStatement({
          sid: 'AllowAccountUseForCrossStackGrants',
          principals: [new iam.AccountPrincipal(stack.account)],
          actions: [],
          resources: ['*'],
          conditions: { StringEquals: this.viaServiceConditions(this.crossStackGrantServices) },
        });
        this.key.addToResourcePolicy(this.crossStackStatement);
      }
      const statement = this.crossStackStatement;
      const missing = actions.filter((a) => !statement.actions.includes(a));
      if (missing.length > 0) statement.addActions(...missing);
    } else {
      throwIfProblems('DataKey.CrossStackGrant', this, [
        `a grant of ${JSON.stringify(actions)} to ${grantee.grantPrincipal.toString()} in another stack cannot name that principal in ` +
          'this key policy (the two stacks would depend on each other in a cycle); define the DataKey with ' +
          "crossStackGrantServices: ['<service>'] (the service that uses the key for it, for example 's3'), or grant from the key's own stack",
      ]);
    }
    return iam.Grant.addToPrincipal({ grantee, actions, resourceArns: [this.keyArn] });
  }

  /** Grant encrypt and decrypt to a named principal (in the key policy and the principal's policy). */
  public grantEncryptDecrypt(grantee: iam.IGrantable): iam.Grant {
    return this.key.grantEncryptDecrypt(grantee);
  }

  /** Grant decrypt to a named principal (in the key policy and the principal's policy). */
  public grantDecrypt(grantee: iam.IGrantable): iam.Grant {
    return this.key.grantDecrypt(grantee);
  }

  /** Grant encrypt to a named principal (in the key policy and the principal's policy). */
  public grantEncrypt(grantee: iam.IGrantable): iam.Grant {
    return this.key.grantEncrypt(grantee);
  }

  /** `kms:ViaService` (the services in this Region) and `kms:CallerAccount` (this account). */
  private viaServiceConditions(services: string[]): Record<string, unknown> {
    const stack = Stack.of(this);
    // The domain is known at synth when the Region is (amazonaws.com, amazonaws.com.cn, ...).
    const domain = Token.isUnresolved(stack.region) ? stack.urlSuffix : RegionInfo.get(stack.region).domainSuffix ?? stack.urlSuffix;
    const name = (service: string) => `${service}.${stack.region}.${domain}`;
    return {
      'kms:ViaService': services.length === 1 ? name(services[0]) : services.map(name),
      'kms:CallerAccount': stack.account,
    };
  }
}

/** The key actions aws-cdk-lib grants for decrypt and encrypt (`aws-kms/lib/private/perms`). */
const DECRYPT_ACTIONS = ['kms:Decrypt'];
const ENCRYPT_ACTIONS = ['kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'];

/**
 * Make every grant on `dataKey.key` to a principal of another stack in the same account and Region go
 * through `DataKey._grantAcrossStacks`. aws-cdk-lib writes such a principal into the key policy, and the
 * key's stack then references the principal's stack while the principal's policy references the key:
 * a dependency cycle. Grants in the same stack, to other accounts or Regions, and to service principals
 * keep aws-cdk-lib's behaviour (the principal is named in the key policy).
 */
function routeCrossStackGrants(dataKey: DataKey): void {
  const key = dataKey.key;
  const sameEnvOtherStack = (grantee: iam.IGrantable): boolean => {
    const principal = grantee.grantPrincipal;
    if (!iam.principalIsOwnedResource(principal)) return false;
    const keyStack = Stack.of(dataKey);
    const granteeStack = Stack.of(principal);
    return granteeStack !== keyStack && granteeStack.account === keyStack.account && granteeStack.region === keyStack.region;
  };
  const base = key.grant.bind(key);
  const grant = (grantee: iam.IGrantable, ...actions: string[]): iam.Grant =>
    sameEnvOtherStack(grantee) ? dataKey._grantAcrossStacks(grantee, actions) : base(grantee, ...actions);
  Object.assign(key, {
    grant,
    grantDecrypt: (grantee: iam.IGrantable) => grant(grantee, ...DECRYPT_ACTIONS),
    grantEncrypt: (grantee: iam.IGrantable) => grant(grantee, ...ENCRYPT_ACTIONS),
    grantEncryptDecrypt: (grantee: iam.IGrantable) => grant(grantee, ...DECRYPT_ACTIONS, ...ENCRYPT_ACTIONS),
  });
}

/** Aliases claimed per app and environment: two keys with one alias would fail at deploy time. */
const claimedAliases = new WeakMap<Construct, Map<string, string>>();

function claimAlias(key: DataKey, aliasName: string): void {
  const stack = Stack.of(key);
  if (Token.isUnresolved(aliasName)) return;
  const root = key.node.root;
  const claimed = claimedAliases.get(root) ?? new Map<string, string>();
  claimedAliases.set(root, claimed);
  const slot = `${stack.account}/${stack.region}/${aliasName}`;
  const other = claimed.get(slot);
  if (other !== undefined) {
    // Name the prop the caller typed: a composed construct (SegmentedVpc, SecureBucket, ...) registers
    // the prop its child data classes derive from, so its caller is never told to set a DataKey prop.
    const source = keyAliasSourceOf(key) ?? {
      prop: 'dataClass',
      value: key.dataClass,
      fix: 'give each DataKey its own dataClass, or a different aliasPrefix',
    };
    throwIfProblems('DataKey.DuplicateAlias', key, [
      `${source.prop} ${source.value === undefined ? '(not set)' : JSON.stringify(source.value)} gives KMS alias ${aliasName}, which ${other} already uses in this account and Region; ` +
        source.fix,
    ]);
  }
  claimed.set(slot, key.node.path);
}

function validateDataKeyProps(scope: Construct, props: DataKeyProps): void {
  const problems: string[] = [];
  checkDataClass('dataClass', props.dataClass, problems);
  if (props.aliasPrefix !== undefined && !Token.isUnresolved(props.aliasPrefix)) {
    // alias/aws/ is reserved for AWS managed keys: KMS rejects a customer managed key's alias under it.
    // @see https://docs.aws.amazon.com/kms/latest/developerguide/alias-create.html
    if (!/^[a-zA-Z0-9/_-]{1,100}$/.test(props.aliasPrefix) || props.aliasPrefix.startsWith('/') || props.aliasPrefix.endsWith('/')) {
      problems.push(
        `aliasPrefix must be 1-100 letters, digits, '/', '_' or '-', not starting or ending with '/', got ${JSON.stringify(props.aliasPrefix)}; ` +
          "use your organisation's prefix, for example 'acme'",
      );
    } else if (props.aliasPrefix === 'aws' || props.aliasPrefix.startsWith('aws/')) {
      problems.push(
        `aliasPrefix must not be 'aws' or start with 'aws/' (KMS reserves alias/aws/ for AWS managed keys), got ${JSON.stringify(props.aliasPrefix)}; ` +
          "use your organisation's prefix, for example 'acme'",
      );
    }
  }
  if (props.administrators !== undefined) {
    // An AnyPrincipal administrator would let anyone change the key policy and schedule the key's deletion.
    props.administrators.forEach((admin, i) => {
      const json = admin.policyFragment.principalJson;
      if ((json.AWS ?? []).includes('*')) {
        problems.push(
          `administrators[${i}] must not be AnyPrincipal (or a principal of '*'), got ${admin.toString()}; anyone could rewrite the key policy ` +
            'and schedule the key for deletion. Name the administrator roles, for example iam.Role.fromRoleArn(...)',
        );
      }
    });
  }
  const days = wholeDays('rotationPeriod', props.rotationPeriod, problems);
  if (days !== undefined) {
    if (days < 90 || days > 2560) {
      problems.push(
        `rotationPeriod must be a whole number of days from 90 to 2560 (KMS limits), got ${days} days; ` +
          'use Duration.days(365) for yearly rotation or Duration.days(90) for quarterly',
      );
    }
  }
  for (const service of props.crossStackGrantServices ?? []) {
    if (!Token.isUnresolved(service) && !SERVICE_PREFIX.test(service)) {
      problems.push(
        `crossStackGrantServices must hold service endpoint prefixes such as 's3' or 'dynamodb', got ${JSON.stringify(service)}`,
      );
    }
  }
  throwIfProblems('DataKey.InvalidProps', scope, problems);
}
