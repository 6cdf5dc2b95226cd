import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { AccountPasswordPolicy } from '../../../constructs/identity/account-password-policy';
import { testStack } from '../../util/stack';

const CIS_DEFAULTS = {
  MinimumPasswordLength: 14,
  RequireSymbols: true,
  RequireNumbers: true,
  RequireUppercaseCharacters: true,
  RequireLowercaseCharacters: true,
  AllowUsersToChangePassword: true,
  MaxPasswordAge: 90,
  PasswordReusePrevention: 24,
  HardExpiry: false,
  RetainOnDelete: true,
};

function policyStatements(t: Template): any[] {
  const policies = Object.values(t.findResources('AWS::IAM::ManagedPolicy'));
  expect(policies).toHaveLength(1);
  return policies[0].Properties.PolicyDocument.Statement;
}

describe('AccountPasswordPolicy', () => {
  test('defaults: CIS settings, retained, backed by one function and no provider framework', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new AccountPasswordPolicy(stack, 'PasswordPolicy');
    // THEN
    const t = Template.fromStack(stack);
    t.hasResource('Custom::AccountPasswordPolicy', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: { ServiceToken: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PasswordPolicyHandler'), 'Arn'] }, ServiceTimeout: '300', ...CIS_DEFAULTS },
    });
    t.resourceCountIs('Custom::AccountPasswordPolicy', 1);
    t.resourceCountIs('AWS::Lambda::Function', 1);
    t.resourceCountIs('AWS::IAM::Role', 1);
    t.resourceCountIs('AWS::IAM::Policy', 0);
  });

  test('the function: newest Node.js runtime, no reserved concurrency (new accounts have none to spare), its own encrypted log group', () => {
    const { stack } = testStack();
    new AccountPasswordPolicy(stack, 'PasswordPolicy');
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      ReservedConcurrentExecutions: Match.absent(),
      Timeout: 120,
      LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: Match.stringLikeRegexp('^PasswordPolicyHandlerLogs') } },
      Environment: Match.absent(),
    });
    t.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain', Properties: { RetentionInDays: 365, KmsKeyId: Match.anyValue() } });
    t.hasResource('AWS::Lambda::Function', { DependsOn: Match.arrayWith([Match.stringLikeRegexp('^PasswordPolicyHandlerPolicy')]) });
  });

  test('the role may only update the password policy and write its own logs', () => {
    const { stack } = testStack();
    new AccountPasswordPolicy(stack, 'PasswordPolicy');
    const t = Template.fromStack(stack);
    expect(policyStatements(t)).toHaveLength(2);
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^PasswordPolicyHandlerRole') }],
      PolicyDocument: {
        Statement: [
          { Sid: 'SetAccountPasswordPolicy', Effect: 'Allow', Action: 'iam:UpdateAccountPasswordPolicy', Resource: '*' },
          {
            Sid: 'WriteOwnLogs',
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PasswordPolicyHandlerLogs'), 'Arn'] },
          },
        ],
      },
    });
    t.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent(), Policies: Match.absent() });
  });

  test('all props: longer password, shorter age, removal DESTROY grants delete, boundary on the role', () => {
    // GIVEN
    const { stack } = testStack();
    const boundary = new iam.ManagedPolicy(stack, 'Boundary', { statements: [new iam.PolicyStatement({ actions: ['iam:*'], resources: ['*'] })] });
    // WHEN
    new AccountPasswordPolicy(stack, 'PasswordPolicy', {
      minimumPasswordLength: 20,
      passwordReusePrevention: 24,
      maxPasswordAge: Duration.days(60),
      requireSymbols: true,
      requireNumbers: true,
      requireUppercase: true,
      requireLowercase: true,
      removalPolicy: RemovalPolicy.DESTROY,
      permissionsBoundary: boundary,
    });
    // THEN
    const t = Template.fromStack(stack);
    t.hasResource('Custom::AccountPasswordPolicy', {
      DeletionPolicy: 'Delete',
      Properties: { ...CIS_DEFAULTS, MinimumPasswordLength: 20, MaxPasswordAge: 60, RetainOnDelete: false },
    });
    t.hasResourceProperties('AWS::IAM::Role', { PermissionsBoundary: { Ref: Match.stringLikeRegexp('^Boundary') } });
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          { Sid: 'SetAccountPasswordPolicy', Effect: 'Allow', Action: ['iam:DeleteAccountPasswordPolicy', 'iam:UpdateAccountPasswordPolicy'], Resource: '*' },
        ]),
      },
    });
    Annotations.fromStack(stack).hasWarning('/TestStack/PasswordPolicy', Match.stringLikeRegexp('ack: cdk-security-baseline:passwordPolicy.deleteOnRemoval'));
  });

  test('the log group has its own key alias, or uses the key given', () => {
    // GIVEN
    const { stack } = testStack();
    const { stack: shared } = testStack();
    const key = new kms.Key(shared, 'LogsKey', { enableKeyRotation: true });
    // WHEN
    new AccountPasswordPolicy(stack, 'PasswordPolicy');
    new AccountPasswordPolicy(shared, 'PasswordPolicy', { logsEncryptionKey: key });
    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/baseline/password-policy-logs' });
    const t = Template.fromStack(shared);
    t.resourceCountIs('AWS::KMS::Key', 1);
    t.hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^LogsKey'), 'Arn'] } });
  });

  test('fails when the minimum length is under 14', () => {
    const { stack } = testStack();
    expect(() => new AccountPasswordPolicy(stack, 'PasswordPolicy', { minimumPasswordLength: 8 })).toThrow(
      /AccountPasswordPolicy.InvalidProps[\s\S]*minimumPasswordLength must be a whole number from 14 \(CIS AWS Foundations 1.8\) to 128, got 8; use 14 or more/,
    );
  });

  test('fails when the minimum length is over 128', () => {
    const { stack } = testStack();
    expect(() => new AccountPasswordPolicy(stack, 'PasswordPolicy', { minimumPasswordLength: 129 })).toThrow(/minimumPasswordLength .* got 129/);
  });

  test('fails when passwordReusePrevention is above 24', () => {
    const { stack } = testStack();
    expect(() => new AccountPasswordPolicy(stack, 'PasswordPolicy', { passwordReusePrevention: 25 })).toThrow(
      /passwordReusePrevention must be a whole number from 1 to 24 .* got 25/,
    );
  });

  test('fails when passwordReusePrevention is below 1', () => {
    const { stack } = testStack();
    expect(() => new AccountPasswordPolicy(stack, 'PasswordPolicy', { passwordReusePrevention: 0 })).toThrow(/passwordReusePrevention .* got 0/);
  });

  test('fails when maxPasswordAge is not 1 to 1095 whole days', () => {
    const { stack } = testStack();
    expect(() => new AccountPasswordPolicy(stack, 'PasswordPolicy', { maxPasswordAge: Duration.days(1096) })).toThrow(
      /maxPasswordAge must be a whole number of days from 1 to 1095 \(IAM limits\), got 1096 days/,
    );
    const { stack: other } = testStack();
    expect(() => new AccountPasswordPolicy(other, 'PasswordPolicy', { maxPasswordAge: Duration.hours(36) })).toThrow(/got 1.5 days/);
  });

  test('fails when removalPolicy is SNAPSHOT', () => {
    const { stack } = testStack();
    expect(() => new AccountPasswordPolicy(stack, 'PasswordPolicy', { removalPolicy: RemovalPolicy.SNAPSHOT })).toThrow(
      /removalPolicy must be RemovalPolicy.RETAIN or RemovalPolicy.DESTROY, got "snapshot"/,
    );
  });

  test('fails when a stack defines two password policies', () => {
    const { stack } = testStack();
    new AccountPasswordPolicy(stack, 'PasswordPolicy');
    expect(() => new AccountPasswordPolicy(stack, 'Second')).toThrow(/an account has one password policy, but this stack already defines one at TestStack\/PasswordPolicy/);
  });

  test('a shorter reuse history warns', () => {
    const { stack } = testStack();
    new AccountPasswordPolicy(stack, 'PasswordPolicy', { passwordReusePrevention: 5 });
    Annotations.fromStack(stack).hasWarning('/TestStack/PasswordPolicy', Match.stringLikeRegexp('ack: cdk-security-baseline:passwordPolicy.shortReuseHistory'));
  });

  test('a max age above 90 days warns', () => {
    const { stack } = testStack();
    new AccountPasswordPolicy(stack, 'PasswordPolicy', { maxPasswordAge: Duration.days(365) });
    Annotations.fromStack(stack).hasWarning('/TestStack/PasswordPolicy', Match.stringLikeRegexp('ack: cdk-security-baseline:passwordPolicy.longMaxAge'));
  });

  test('dropping a character class warns and names it', () => {
    const { stack } = testStack();
    new AccountPasswordPolicy(stack, 'PasswordPolicy', { requireSymbols: false });
    Template.fromStack(stack).hasResourceProperties('Custom::AccountPasswordPolicy', { RequireSymbols: false, RequireNumbers: true });
    Annotations.fromStack(stack).hasWarning(
      '/TestStack/PasswordPolicy',
      Match.stringLikeRegexp('RequireSymbols turned off.*ack: cdk-security-baseline:passwordPolicy.characterClass'),
    );
  });

  test('defaults raise no warning', () => {
    const { stack } = testStack();
    new AccountPasswordPolicy(stack, 'PasswordPolicy');
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('pins logical ids of the custom resource and the retained log group and key', () => {
    const { stack } = testStack();
    new AccountPasswordPolicy(stack, 'PasswordPolicy');
    const t = Template.fromStack(stack);
    expect(Object.keys(t.findResources('Custom::AccountPasswordPolicy'))).toEqual(['PasswordPolicy4B0A08FE']);
    expect(Object.keys(t.findResources('AWS::Logs::LogGroup'))).toEqual(['PasswordPolicyHandlerLogsDC4D9009']);
    expect(Object.keys(t.findResources('AWS::KMS::Key'))).toEqual(['PasswordPolicyHandlerLogsKey96C91AFE']);
  });

  test('same template without feature flags (empty context)', () => {
    const { stack } = testStack({ context: 'empty' });
    new AccountPasswordPolicy(stack, 'PasswordPolicy');
    const t = Template.fromStack(stack);
    t.hasResource('Custom::AccountPasswordPolicy', { DeletionPolicy: 'Retain', Properties: CIS_DEFAULTS });
    t.hasResourceProperties('AWS::Lambda::Function', { Runtime: 'nodejs24.x', ReservedConcurrentExecutions: Match.absent() });
  });

  test('snapshot (change detector)', () => {
    const { stack } = testStack();
    new AccountPasswordPolicy(stack, 'PasswordPolicy');
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
