import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ACTIONS_ALLOWED_WITHOUT_MFA, MfaEnforcedGroup } from '../../../constructs/identity/mfa-enforced-group';
import { testStack } from '../../util/stack';

const OWN_USER = 'arn:aws:iam::111122223333:user/${aws:username}';
const OWN_MFA = 'arn:aws:iam::111122223333:mfa/${aws:username}';

describe('MfaEnforcedGroup', () => {
  test('defaults: a group with a managed MFA policy and nothing inline', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new MfaEnforcedGroup(stack, 'Group');
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::IAM::Group', 1);
    t.resourceCountIs('AWS::IAM::ManagedPolicy', 1);
    t.resourceCountIs('AWS::IAM::Policy', 0);
    t.hasResourceProperties('AWS::IAM::Group', {
      ManagedPolicyArns: [{ Ref: Match.stringLikeRegexp('^GroupMfaPolicy') }],
      Policies: Match.absent(),
    });
  });

  test('denies everything but MFA self-management unless MFA is present (BoolIfExists false)', () => {
    const { stack } = testStack();
    new MfaEnforcedGroup(stack, 'Group');
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Sid: 'BlockMostAccessUnlessSignedInWithMFA',
            Effect: 'Deny',
            NotAction: ACTIONS_ALLOWED_WITHOUT_MFA,
            Resource: '*',
            Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
          },
        ]),
      },
    });
    expect(ACTIONS_ALLOWED_WITHOUT_MFA).not.toContain('iam:DeactivateMFADevice');
    expect(ACTIONS_ALLOWED_WITHOUT_MFA).not.toContain('iam:CreateAccessKey');
  });

  test('self-management is scoped to the member own user and MFA device', () => {
    const { stack } = testStack();
    new MfaEnforcedGroup(stack, 'Group');
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Sid: 'AllowManageOwnVirtualMFADevice', Effect: 'Allow', Action: 'iam:CreateVirtualMFADevice', Resource: OWN_MFA }),
          Match.objectLike({ Sid: 'AllowManageOwnUserMFA', Effect: 'Allow', Resource: OWN_USER }),
          {
            Sid: 'AllowDeactivateOwnMFAOnlyWhenUsingMFA',
            Effect: 'Allow',
            Action: ['iam:DeactivateMFADevice', 'iam:DeleteVirtualMFADevice'],
            Resource: [OWN_MFA, OWN_USER],
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
          },
        ]),
      },
    });
  });

  test('all props: name, extra managed policies, users', () => {
    // GIVEN
    const { stack } = testStack();
    const user = iam.User.fromUserName(stack, 'Alice', 'alice');
    // WHEN
    new MfaEnforcedGroup(stack, 'Group', {
      groupName: 'Operators',
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')],
      users: [user],
    });
    // THEN
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::IAM::Group', {
      GroupName: 'Operators',
      ManagedPolicyArns: [
        { Ref: Match.stringLikeRegexp('^GroupMfaPolicy') },
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/ReadOnlyAccess']] },
      ],
    });
    t.hasResourceProperties('AWS::IAM::UserToGroupAddition', { GroupName: { Ref: Match.stringLikeRegexp('^Group') }, Users: ['alice'] });
  });

  test('fails when the group name has characters IAM refuses', () => {
    const { stack } = testStack();
    expect(() => new MfaEnforcedGroup(stack, 'Group', { groupName: 'bad name!' })).toThrow(
      /MfaEnforcedGroup.InvalidProps[\s\S]*groupName must be 1-128 .* got "bad name!"/,
    );
  });

  test('same template without feature flags (empty context)', () => {
    const { stack } = testStack({ context: 'empty' });
    new MfaEnforcedGroup(stack, 'Group');
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::IAM::Group', 1);
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'BlockMostAccessUnlessSignedInWithMFA' })]) },
    });
  });

  test('snapshot (change detector)', () => {
    const { stack } = testStack();
    new MfaEnforcedGroup(stack, 'Group');
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
