import { Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { throwIfProblems } from '../../lib/errors';
import { acknowledgeExternal, EXTERNAL_FINDINGS } from '../private/external-checks';

/**
 * Actions a member may call without MFA: enough to see the account's password rules, change their
 * own password (a first sign-in may require it) and register their own MFA device. Everything else
 * is denied until they sign in with MFA.
 */
export const ACTIONS_ALLOWED_WITHOUT_MFA = [
  'iam:ChangePassword',
  'iam:CreateVirtualMFADevice',
  'iam:EnableMFADevice',
  'iam:GetAccountPasswordPolicy',
  'iam:GetMFADevice',
  'iam:GetUser',
  'iam:ListMFADevices',
  'iam:ListVirtualMFADevices',
  'iam:ResyncMFADevice',
  'sts:GetSessionToken',
];

export interface MfaEnforcedGroupProps {
  /**
   * Group name.
   *
   * @default - a name CloudFormation generates
   */
  readonly groupName?: string;
  /**
   * Managed policies that grant the group's permissions. They take effect only once a member has
   * signed in with MFA.
   *
   * @default - none: members can only manage their own password and MFA device
   */
  readonly managedPolicies?: iam.IManagedPolicy[];
  /**
   * Users to add to the group.
   *
   * @default - none: add members later (`group.addUser()`) or outside this stack
   */
  readonly users?: iam.IUser[];
}

/**
 * An IAM group whose members can do nothing but set up their own MFA device until they sign in with
 * MFA.
 *
 * The group carries a customer-managed policy (not an inline one) built on the AWS-documented
 * `BlockMostAccessUnlessSignedInWithMFA` pattern:
 * - `Deny` every action except those in `ACTIONS_ALLOWED_WITHOUT_MFA` when
 *   `BoolIfExists aws:MultiFactorAuthPresent = false` (the `IfExists` also catches long-term access
 *   keys, whose requests carry no MFA key at all);
 * - `Allow` each member to manage only their own user and their own virtual MFA device, both scoped to
 *   `${aws:username}`; deactivating an MFA device itself needs MFA.
 *
 * Members name their virtual MFA device after their IAM user name, the only device name the policy
 * allows them to create.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage.html
 */
export class MfaEnforcedGroup extends Construct {
  /** The group. */
  public readonly group: iam.Group;
  /** The policy that enforces MFA and lets members manage their own MFA device. */
  public readonly mfaPolicy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: MfaEnforcedGroupProps = {}) {
    super(scope, id);
    validateMfaEnforcedGroupProps(this, props);

    const stack = Stack.of(this);
    const ownUser = stack.formatArn({ service: 'iam', region: '', resource: 'user', resourceName: '${aws:username}' });
    const ownMfaDevice = stack.formatArn({ service: 'iam', region: '', resource: 'mfa', resourceName: '${aws:username}' });

    this.mfaPolicy = new iam.ManagedPolicy(this, 'MfaPolicy', {
      description: 'Deny everything except own MFA and password management unless signed in with MFA (cdk-security-baseline)',
      statements: [
        new iam.PolicyStatement({
          sid: 'AllowViewAccountInfo',
          actions: ['iam:GetAccountPasswordPolicy', 'iam:ListVirtualMFADevices'],
          resources: ['*'],
        }),
        new iam.PolicyStatement({
          sid: 'AllowManageOwnVirtualMFADevice',
          actions: ['iam:CreateVirtualMFADevice'],
          resources: [ownMfaDevice],
        }),
        new iam.PolicyStatement({
          sid: 'AllowManageOwnUserMFA',
          actions: ['iam:ChangePassword', 'iam:EnableMFADevice', 'iam:GetMFADevice', 'iam:GetUser', 'iam:ListMFADevices', 'iam:ResyncMFADevice'],
          resources: [ownUser],
        }),
        new iam.PolicyStatement({
          sid: 'AllowDeactivateOwnMFAOnlyWhenUsingMFA',
          actions: ['iam:DeactivateMFADevice', 'iam:DeleteVirtualMFADevice'],
          resources: [ownUser, ownMfaDevice],
          conditions: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        }),
        new iam.PolicyStatement({
          sid: 'BlockMostAccessUnlessSignedInWithMFA',
          effect: iam.Effect.DENY,
          notActions: ACTIONS_ALLOWED_WITHOUT_MFA,
          resources: ['*'],
          conditions: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
        }),
      ],
    });
    acknowledgeExternal(this.mfaPolicy, EXTERNAL_FINDINGS.IAM_WILDCARD,
      'iam:GetAccountPasswordPolicy and iam:ListVirtualMFADevices support no resource-level permissions, so IAM only ' +
        'accepts Resource "*"; both are read-only and members need them to register an MFA device',
      'Resource::*');

    this.group = new iam.Group(this, 'Resource', {
      groupName: props.groupName,
      managedPolicies: [this.mfaPolicy, ...(props.managedPolicies ?? [])],
    });
    for (const user of props.users ?? []) this.group.addUser(user);

    // cdk-nag's IAMGroupHasUsers looks for members in the same stack only.
    acknowledgeExternal(this.group, EXTERNAL_FINDINGS.IAM_GROUP_HAS_USERS,
      'Members of this MFA-enforced group are added after deployment or from another stack; an empty group grants ' +
        'no access to anyone, so it cannot widen permissions while it has no members');
  }
}

function validateMfaEnforcedGroupProps(scope: Construct, props: MfaEnforcedGroupProps): void {
  const problems: string[] = [];
  if (props.groupName !== undefined && !Token.isUnresolved(props.groupName) && !/^[\w+=,.@-]{1,128}$/.test(props.groupName)) {
    problems.push(
      `groupName must be 1-128 letters, digits or '+=,.@_-', got ${JSON.stringify(props.groupName)}; use a name such as 'Administrators'`,
    );
  }
  throwIfProblems('MfaEnforcedGroup.InvalidProps', scope, problems);
}
