import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { throwIfProblems } from '../../lib/errors';
import { Weakening, warnWeakening, WEAKENINGS } from '../private/weakenings';

/** Longest MFA age and session the baseline accepts without a warning: one hour. */
export const RECOMMENDED_MAX_MFA_AGE = Duration.hours(1);

export interface MfaRoleProps {
  /**
   * Principals that may assume the role, each only with a recent MFA sign-in. Service and federated
   * principals are rejected: their sessions never carry MFA context.
   *
   * @default - this account (`AccountRootPrincipal`) when `trustedAccounts` is not given either, so
   * any IAM user or role of this account that is also allowed `sts:AssumeRole` on the role
   */
  readonly trustedPrincipals?: iam.IPrincipal[];
  /**
   * 12-digit account ids whose principals may assume the role (for example the identity account of
   * an organization), each only with a recent MFA sign-in. Merged with `trustedPrincipals`.
   *
   * @default - none
   */
  readonly trustedAccounts?: string[];
  /**
   * How recent the MFA sign-in must be (`aws:MultiFactorAuthAge`), 1 second to 12 hours. Longer than
   * one hour emits the warning `cdk-security-baseline:mfaRole.longMfaAge`.
   *
   * @default Duration.hours(1)
   */
  readonly maxMfaAge?: Duration;
  /**
   * Longest session the role hands out, 1 to 12 hours. Longer than one hour emits the warning
   * `cdk-security-baseline:mfaRole.longSession`.
   *
   * @default Duration.hours(1)
   */
  readonly maxSessionDuration?: Duration;
  /**
   * Role name.
   *
   * @default - a name CloudFormation generates
   */
  readonly roleName?: string;
  /**
   * Role description.
   *
   * @default 'Role assumable only with MFA (cdk-security-baseline)'
   */
  readonly description?: string;
  /**
   * Managed policies attached to the role.
   *
   * @default - none: the role can do nothing until you attach or grant permissions
   */
  readonly managedPolicies?: iam.IManagedPolicy[];
  /**
   * Permissions boundary applied to the role.
   *
   * @default - no permissions boundary
   */
  readonly permissionsBoundary?: iam.IManagedPolicy;
}

/**
 * An IAM role that can only be assumed by a principal that signed in with MFA recently.
 *
 * Default settings:
 * - the trust policy requires `Bool aws:MultiFactorAuthPresent = true` (a missing key fails, unlike
 *   `BoolIfExists`) and `NumericLessThan aws:MultiFactorAuthAge < 3600` seconds;
 * - sessions last at most one hour;
 * - trusted by this account only, unless `trustedPrincipals` or `trustedAccounts` say otherwise;
 * - no permissions until you attach them.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html
 */
export class MfaRole extends Construct {
  /** The role. */
  public readonly role: iam.Role;
  /** The role's ARN. */
  public readonly roleArn: string;
  /** The MFA age the trust policy accepts. */
  public readonly maxMfaAge: Duration;

  constructor(scope: Construct, id: string, props: MfaRoleProps = {}) {
    super(scope, id);
    validateMfaRoleProps(this, props);

    this.maxMfaAge = props.maxMfaAge ?? RECOMMENDED_MAX_MFA_AGE;
    const maxSessionDuration = props.maxSessionDuration ?? Duration.hours(1);
    warnIfLonger(this, this.maxMfaAge, WEAKENINGS.MFA_ROLE_LONG_MFA_AGE, 'maxMfaAge', 'a stolen laptop session can assume the role for longer after the MFA prompt');
    warnIfLonger(this, maxSessionDuration, WEAKENINGS.MFA_ROLE_LONG_SESSION, 'maxSessionDuration', 'stolen role credentials stay valid for longer');

    const principals: iam.IPrincipal[] = [
      ...(props.trustedPrincipals ?? []),
      ...(props.trustedAccounts ?? []).map((a) => new iam.AccountPrincipal(a)),
    ];
    if (principals.length === 0) principals.push(new iam.AccountRootPrincipal());
    const conditions = {
      Bool: { 'aws:MultiFactorAuthPresent': 'true' },
      NumericLessThan: { 'aws:MultiFactorAuthAge': this.maxMfaAge.toSeconds() },
    };
    this.role = new iam.Role(this, 'Resource', {
      roleName: props.roleName,
      description: props.description ?? 'Role assumable only with MFA (cdk-security-baseline)',
      assumedBy: new iam.CompositePrincipal(...principals.map((p) => new iam.PrincipalWithConditions(p, conditions))),
      maxSessionDuration,
      managedPolicies: props.managedPolicies,
    });
    this.roleArn = this.role.roleArn;
    if (props.permissionsBoundary) iam.PermissionsBoundary.of(this).apply(props.permissionsBoundary);
  }
}

function warnIfLonger(scope: Construct, value: Duration, weakening: Weakening, prop: string, cost: string): void {
  if (!value.isUnresolved() && value.toSeconds() > RECOMMENDED_MAX_MFA_AGE.toSeconds()) {
    warnWeakening(
      scope,
      weakening,
      `${prop} is ${value.toSeconds()} seconds, longer than the recommended ${RECOMMENDED_MAX_MFA_AGE.toSeconds()}; ${cost}`,
    );
  }
}

/** Kinds of principal whose sessions never carry `aws:MultiFactorAuthPresent`. */
function principalWithoutMfa(scope: Construct, principal: iam.IPrincipal): string | undefined {
  const json = Stack.of(scope).resolve(principal.policyFragment.principalJson) as Record<string, unknown>;
  if ('Service' in json) return 'a service principal';
  if ('Federated' in json) return 'a federated (SAML/OIDC) principal';
  return undefined;
}

/** True when the principal is anyone (`*`), in any account. */
function isAnyone(scope: Construct, principal: iam.IPrincipal): boolean {
  const json = Stack.of(scope).resolve(principal.policyFragment.principalJson) as Record<string, unknown>;
  return Object.values(json).some((v) => (Array.isArray(v) ? v : [v]).includes('*'));
}

function validateMfaRoleProps(scope: Construct, props: MfaRoleProps): void {
  const problems: string[] = [];
  if (props.maxMfaAge !== undefined && !props.maxMfaAge.isUnresolved()) {
    const seconds = props.maxMfaAge.toSeconds({ integral: false });
    if (!Number.isInteger(seconds) || seconds <= 0 || seconds > 43200) {
      problems.push(
        `maxMfaAge must be a whole number of seconds from 1 to 43200 (12 hours), got ${JSON.stringify(seconds)} seconds; ` +
          'use Duration.hours(1) (the default) or shorter',
      );
    }
  }
  if (props.maxSessionDuration !== undefined && !props.maxSessionDuration.isUnresolved()) {
    const seconds = props.maxSessionDuration.toSeconds({ integral: false });
    if (seconds < 3600 || seconds > 43200) {
      problems.push(
        `maxSessionDuration must be from 1 hour to 12 hours (IAM limits), got ${JSON.stringify(seconds)} seconds; ` +
          'use Duration.hours(1) (the default)',
      );
    }
  }
  for (const account of props.trustedAccounts ?? []) {
    if (!Token.isUnresolved(account) && !/^\d{12}$/.test(account)) {
      problems.push(`trustedAccounts must hold 12-digit account ids, got ${JSON.stringify(account)}; pass the account id, for example '111122223333'`);
    }
  }
  for (const principal of props.trustedPrincipals ?? []) {
    if (isAnyone(scope, principal)) {
      problems.push(
        "trustedPrincipals must not contain anyone ('*'): MFA from any AWS account would satisfy the trust policy; " +
          'name the accounts (trustedAccounts) or roles that may assume the role',
      );
    }
    const kind = principalWithoutMfa(scope, principal);
    if (kind) {
      problems.push(
        `trustedPrincipals must not contain ${kind} (${JSON.stringify(Stack.of(scope).resolve(principal.policyFragment.principalJson))}): ` +
          'its sessions never carry MFA, so it could never assume the role; use a plain iam.Role for services and federation',
      );
    }
  }
  throwIfProblems('MfaRole.InvalidProps', scope, problems);
}
