import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { throwIfProblems } from '../../lib/errors';
import { acknowledgeExternal, EXTERNAL_FINDINGS } from '../private/external-checks';
import { AccessAnalyzer, AccessAnalyzerProps } from './access-analyzer';
import { AccountPasswordPolicy, AccountPasswordPolicyProps } from './account-password-policy';
import { MfaEnforcedGroup, MfaEnforcedGroupProps } from './mfa-enforced-group';
import { MfaRole, MfaRoleProps } from './mfa-role';
import { SupportRole } from './support-role';

export interface IdentityBaselineProps {
  /**
   * Permissions boundary applied to every role and user defined under this construct (the admin and
   * support roles and the password policy handler's role).
   *
   * @default - no permissions boundary
   */
  readonly permissionsBoundary?: iam.IManagedPolicy;
  /**
   * Settings of the account password policy.
   *
   * @default - CIS defaults: 14 characters, every character class, 24 remembered, 90-day expiry
   */
  readonly passwordPolicy?: AccountPasswordPolicyProps;
  /**
   * Settings of the IAM Access Analyzer.
   *
   * @default - an account-scoped analyzer without archive rules
   */
  readonly accessAnalyzer?: AccessAnalyzerProps;
  /**
   * Settings of the MFA-enforced group for human IAM users.
   *
   * @default - a group with only the MFA policy
   */
  readonly mfaGroup?: MfaEnforcedGroupProps;
  /**
   * Settings of the administrator role.
   *
   * @default - assumable from this account with MFA younger than an hour, one-hour sessions, the AWS
   * managed policy `AdministratorAccess`
   */
  readonly adminRole?: MfaRoleProps;
  /**
   * Settings of the AWS Support role (CIS AWS Foundations 1.17).
   *
   * @default - assumable from this account with MFA younger than an hour, one-hour sessions
   */
  readonly supportRole?: MfaRoleProps;
}

/**
 * The identity part of an account baseline in one construct: the account password policy, an IAM
 * Access Analyzer, an MFA-enforced group for human users, an administrator role and an AWS Support
 * role, both assumable only with MFA.
 *
 * `permissionsBoundary` is applied to every role under this construct, including roles you add to it
 * later.
 *
 * IAM is global but Access Analyzer is regional: define `IdentityBaseline` once per account, in its
 * home Region, and a lone `AccessAnalyzer` in each other Region you use.
 */
export class IdentityBaseline extends Construct {
  /** The account password policy. */
  public readonly passwordPolicy: AccountPasswordPolicy;
  /** The IAM Access Analyzer. */
  public readonly accessAnalyzer: AccessAnalyzer;
  /** The MFA-enforced group. */
  public readonly mfaGroup: MfaEnforcedGroup;
  /** The administrator role. */
  public readonly adminRole: MfaRole;
  /** The AWS Support role. */
  public readonly supportRole: SupportRole;

  constructor(scope: Construct, id: string, props: IdentityBaselineProps = {}) {
    super(scope, id);
    validateIdentityBaselineProps(this, props);

    this.passwordPolicy = new AccountPasswordPolicy(this, 'PasswordPolicy', props.passwordPolicy);
    this.accessAnalyzer = new AccessAnalyzer(this, 'AccessAnalyzer', props.accessAnalyzer);
    this.mfaGroup = new MfaEnforcedGroup(this, 'MfaGroup', props.mfaGroup);
    const usesDefaultAdminPolicy = props.adminRole?.managedPolicies === undefined;
    this.adminRole = new MfaRole(this, 'AdminRole', {
      description: 'Account administration, MFA only (cdk-security-baseline)',
      ...props.adminRole,
      managedPolicies: props.adminRole?.managedPolicies ?? [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')],
    });
    if (usesDefaultAdminPolicy) {
      acknowledgeExternal(this.adminRole, EXTERNAL_FINDINGS.IAM_MANAGED_POLICY,
        'This is the account administrator role: full access is its purpose, AWS keeps AdministratorAccess current, and ' +
          'the trust policy admits only MFA sign-ins younger than the MFA age limit, for sessions of one hour by default',
        'Policy::arn:<AWS::Partition>:iam::aws:policy/AdministratorAccess');
    }
    this.supportRole = new SupportRole(this, 'SupportRole', props.supportRole);

    if (props.permissionsBoundary) iam.PermissionsBoundary.of(this).apply(props.permissionsBoundary);
  }
}

function validateIdentityBaselineProps(scope: Construct, props: IdentityBaselineProps): void {
  const problems: string[] = [];
  if (props.permissionsBoundary) {
    for (const [name, child] of [
      ['passwordPolicy', props.passwordPolicy],
      ['adminRole', props.adminRole],
      ['supportRole', props.supportRole],
    ] as const) {
      if (child?.permissionsBoundary) {
        problems.push(
          `${name}.permissionsBoundary is set as well as permissionsBoundary; set the boundary once, in permissionsBoundary, ` +
            'which applies to every role of the baseline',
        );
      }
    }
  }
  throwIfProblems('IdentityBaseline.InvalidProps', scope, problems);
}
