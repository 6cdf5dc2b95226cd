import { Duration } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SupportRole } from '../../../constructs/identity/support-role';
import { testStack } from '../../util/stack';

const SUPPORT_ACCESS = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AWSSupportAccess']] };

describe('SupportRole', () => {
  test('defaults: AWSSupportAccess, MFA-only trust from this account, one-hour sessions', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SupportRole(stack, 'Support');
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::IAM::Role', 1);
    t.hasResourceProperties('AWS::IAM::Role', {
      ManagedPolicyArns: [SUPPORT_ACCESS],
      MaxSessionDuration: 3600,
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: 'sts:AssumeRole',
            Principal: { AWS: 'arn:aws:iam::111122223333:root' },
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 } },
          },
        ],
      },
    });
  });

  test('all props: extra policies are added to AWSSupportAccess, never replace it', () => {
    const { stack } = testStack();
    const boundary = new iam.ManagedPolicy(stack, 'Boundary', { statements: [new iam.PolicyStatement({ actions: ['support:*'], resources: ['*'] })] });
    new SupportRole(stack, 'Support', {
      roleName: 'IncidentSupport',
      trustedAccounts: ['444455556666'],
      maxMfaAge: Duration.minutes(30),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')],
      permissionsBoundary: boundary,
    });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'IncidentSupport',
      ManagedPolicyArns: [SUPPORT_ACCESS, { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/ReadOnlyAccess']] }],
      PermissionsBoundary: { Ref: Match.stringLikeRegexp('^Boundary') },
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Condition: Match.objectLike({ NumericLessThan: { 'aws:MultiFactorAuthAge': 1800 } }) })],
      },
    });
  });

  test('fails when the MFA age is invalid (MfaRole validation applies)', () => {
    const { stack } = testStack();
    expect(() => new SupportRole(stack, 'Support', { maxMfaAge: Duration.seconds(0) })).toThrow(/MfaRole.InvalidProps[\s\S]*maxMfaAge/);
  });

  test('warns when maxMfaAge is above one hour (MfaRole warning)', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SupportRole(stack, 'Support', { maxMfaAge: Duration.hours(2) });
    // THEN
    Annotations.fromStack(stack).hasWarning('/TestStack/Support/Resource', Match.stringLikeRegexp('ack: cdk-security-baseline:mfaRole.longMfaAge'));
  });

  test('warns when maxSessionDuration is above one hour (MfaRole warning)', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SupportRole(stack, 'Support', { maxSessionDuration: Duration.hours(4) });
    // THEN
    Annotations.fromStack(stack).hasWarning('/TestStack/Support/Resource', Match.stringLikeRegexp('ack: cdk-security-baseline:mfaRole.longSession'));
  });

  test('same template without feature flags (empty context)', () => {
    const { stack } = testStack({ context: 'empty' });
    new SupportRole(stack, 'Support');
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: [SUPPORT_ACCESS], MaxSessionDuration: 3600 });
  });

  test('snapshot (change detector)', () => {
    const { stack } = testStack();
    new SupportRole(stack, 'Support');
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
