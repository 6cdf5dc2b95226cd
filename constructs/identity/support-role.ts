import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledgeExternal, EXTERNAL_FINDINGS } from '../private/external-checks';
import { MfaRole, MfaRoleProps } from './mfa-role';

/** The AWS managed policy that CIS AWS Foundations 1.17 names for incident handling with AWS Support. */
export const AWS_SUPPORT_ACCESS_POLICY = 'AWSSupportAccess';

/**
 * A role for opening and managing AWS Support cases during an incident (CIS AWS Foundations 1.17).
 *
 * An `MfaRole` (MFA required, MFA younger than an hour, one-hour sessions by default) with the AWS
 * managed policy `AWSSupportAccess`. `managedPolicies` adds to that policy, never replaces it.
 *
 * @see https://docs.aws.amazon.com/awssupport/latest/user/accessing-support.html
 */
export class SupportRole extends Construct {
  /** The MFA-gated role. */
  public readonly mfaRole: MfaRole;
  /** The role. */
  public readonly role: iam.Role;
  /** The role's ARN. */
  public readonly roleArn: string;

  constructor(scope: Construct, id: string, props: MfaRoleProps = {}) {
    super(scope, id);
    this.mfaRole = new MfaRole(this, 'Resource', {
      description: 'AWS Support access for incident handling, MFA only (cdk-security-baseline)',
      ...props,
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName(AWS_SUPPORT_ACCESS_POLICY), ...(props.managedPolicies ?? [])],
    });
    this.role = this.mfaRole.role;
    this.roleArn = this.mfaRole.roleArn;
    acknowledgeExternal(this.role, EXTERNAL_FINDINGS.IAM_MANAGED_POLICY,
      'CIS AWS Foundations 1.17 asks for a support role with exactly the AWS managed policy AWSSupportAccess; AWS keeps ' +
        'it current as Support adds actions, and it grants only support-case access',
      `Policy::arn:<AWS::Partition>:iam::aws:policy/${AWS_SUPPORT_ACCESS_POLICY}`);
  }
}
