import { Duration } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { MfaRole } from '../../../constructs/identity/mfa-role';
import { testStack } from '../../util/stack';

const MFA_CONDITION = {
  Bool: { 'aws:MultiFactorAuthPresent': 'true' },
  NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 },
};

describe('MfaRole', () => {
  test('defaults: this account, MFA present and younger than an hour, one-hour sessions, no policies', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new MfaRole(stack, 'Role');
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::IAM::Role', 1);
    t.hasResourceProperties('AWS::IAM::Role', {
      MaxSessionDuration: 3600,
      ManagedPolicyArns: Match.absent(),
      Policies: Match.absent(),
      PermissionsBoundary: Match.absent(),
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: 'sts:AssumeRole',
            Principal: { AWS: 'arn:aws:iam::111122223333:root' },
            Condition: MFA_CONDITION,
          },
        ],
      },
    });
  });

  test('all props: principals, accounts, MFA age, session, name, policies, boundary', () => {
    // GIVEN
    const { stack } = testStack();
    const boundary = new iam.ManagedPolicy(stack, 'Boundary', { statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })] });
    const readOnly = iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess');
    // WHEN
    const role = new MfaRole(stack, 'Role', {
      trustedPrincipals: [new iam.ArnPrincipal('arn:aws:iam::444455556666:role/Operators')],
      trustedAccounts: ['777788889999'],
      maxMfaAge: Duration.minutes(15),
      maxSessionDuration: Duration.hours(1),
      roleName: 'Operators',
      description: 'Operators',
      managedPolicies: [readOnly],
      permissionsBoundary: boundary,
    });
    // THEN
    const condition = { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, NumericLessThan: { 'aws:MultiFactorAuthAge': 900 } };
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'Operators',
      Description: 'Operators',
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/ReadOnlyAccess']] }],
      PermissionsBoundary: { Ref: Match.stringLikeRegexp('^Boundary') },
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: 'sts:AssumeRole',
            Principal: { AWS: ['arn:aws:iam::444455556666:role/Operators', 'arn:aws:iam::777788889999:root'] },
            Condition: condition,
          },
        ],
      },
    });
    expect(role.maxMfaAge.toSeconds()).toBe(900);
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('fails when maxMfaAge is 0', () => {
    const { stack } = testStack();
    expect(() => new MfaRole(stack, 'Role', { maxMfaAge: Duration.seconds(0) })).toThrow(
      /MfaRole.InvalidProps[\s\S]*maxMfaAge must be a whole number of seconds from 1 to 43200 \(12 hours\), got 0 seconds/,
    );
  });

  test('fails when maxMfaAge is negative (Duration itself refuses it)', () => {
    const { stack } = testStack();
    expect(() => new MfaRole(stack, 'Role', { maxMfaAge: Duration.seconds(-60) })).toThrow(/negative/);
  });

  test('fails when maxMfaAge is longer than 12 hours', () => {
    const { stack } = testStack();
    expect(() => new MfaRole(stack, 'Role', { maxMfaAge: Duration.hours(13) })).toThrow(/maxMfaAge must be .* got 46800 seconds/);
  });

  test('fails when maxSessionDuration is shorter than 1 hour', () => {
    const { stack } = testStack();
    expect(() => new MfaRole(stack, 'Role', { maxSessionDuration: Duration.minutes(30) })).toThrow(
      /maxSessionDuration must be from 1 hour to 12 hours \(IAM limits\), got 1800 seconds/,
    );
  });

  test('fails when maxSessionDuration is longer than 12 hours', () => {
    const { stack } = testStack();
    expect(() => new MfaRole(stack, 'Role', { maxSessionDuration: Duration.hours(13) })).toThrow(/maxSessionDuration must be .* got 46800 seconds/);
  });

  test('fails when a trusted account is not a 12-digit id', () => {
    const { stack } = testStack();
    expect(() => new MfaRole(stack, 'Role', { trustedAccounts: ['1234'] })).toThrow(/trustedAccounts must hold 12-digit account ids, got "1234"/);
  });

  test('fails when a service principal is trusted (its sessions never carry MFA)', () => {
    const { stack } = testStack();
    expect(() => new MfaRole(stack, 'Role', { trustedPrincipals: [new iam.ServicePrincipal('ec2.amazonaws.com')] })).toThrow(
      /trustedPrincipals must not contain a service principal/,
    );
  });

  test('fails when a federated principal is trusted', () => {
    const { stack } = testStack();
    const saml = new iam.FederatedPrincipal('arn:aws:iam::111122223333:saml-provider/Corp', {}, 'sts:AssumeRoleWithSAML');
    expect(() => new MfaRole(stack, 'Role', { trustedPrincipals: [saml] })).toThrow(/must not contain a federated/);
  });

  test('fails when anyone is trusted', () => {
    const { stack } = testStack();
    expect(() => new MfaRole(stack, 'Role', { trustedPrincipals: [new iam.AnyPrincipal()] })).toThrow(
      /trustedPrincipals must not contain anyone \('\*'\)/,
    );
  });

  test('collects every problem in one error', () => {
    const { stack } = testStack();
    expect(() => new MfaRole(stack, 'Role', { maxMfaAge: Duration.seconds(0), maxSessionDuration: Duration.minutes(5) })).toThrow(
      /maxMfaAge[\s\S]*maxSessionDuration/,
    );
  });

  test('a longer MFA age warns', () => {
    const { stack } = testStack();
    new MfaRole(stack, 'Role', { maxMfaAge: Duration.hours(4) });
    Annotations.fromStack(stack).hasWarning('/TestStack/Role', Match.stringLikeRegexp('ack: cdk-security-baseline:mfaRole.longMfaAge'));
  });

  test('a longer session warns', () => {
    const { stack } = testStack();
    new MfaRole(stack, 'Role', { maxSessionDuration: Duration.hours(8) });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', { MaxSessionDuration: 28800 });
    Annotations.fromStack(stack).hasWarning('/TestStack/Role', Match.stringLikeRegexp('ack: cdk-security-baseline:mfaRole.longSession'));
  });

  test('same template without feature flags (empty context)', () => {
    const { stack } = testStack({ context: 'empty' });
    new MfaRole(stack, 'Role');
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      MaxSessionDuration: 3600,
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Condition: MFA_CONDITION })] },
    });
  });

  test('snapshot (change detector)', () => {
    const { stack } = testStack();
    new MfaRole(stack, 'Role');
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
