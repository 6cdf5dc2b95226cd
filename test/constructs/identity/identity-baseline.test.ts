import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AnalyzerScope } from '../../../constructs/identity/access-analyzer';
import { IdentityBaseline } from '../../../constructs/identity/identity-baseline';
import { testStack } from '../../util/stack';

const awsManaged = (name: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::aws:policy/${name}`]] });

function boundaryPolicy(stack: Stack): iam.ManagedPolicy {
  return new iam.ManagedPolicy(stack, 'Boundary', { statements: [new iam.PolicyStatement({ actions: ['*'], resources: ['*'] })] });
}

describe('IdentityBaseline', () => {
  test('defaults: password policy, analyzer, MFA group, admin and support roles', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new IdentityBaseline(stack, 'Identity');
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('Custom::AccountPasswordPolicy', 1);
    t.resourceCountIs('AWS::AccessAnalyzer::Analyzer', 1);
    t.resourceCountIs('AWS::IAM::Group', 1);
    // admin role, support role, password policy handler role
    t.resourceCountIs('AWS::IAM::Role', 3);
    t.resourceCountIs('AWS::IAM::Policy', 0);
    t.hasResourceProperties('AWS::AccessAnalyzer::Analyzer', { Type: 'ACCOUNT' });
    t.hasResourceProperties('Custom::AccountPasswordPolicy', { MinimumPasswordLength: 14, PasswordReusePrevention: 24 });
    t.hasResourceProperties('AWS::IAM::Role', {
      Description: 'Account administration, MFA only (cdk-security-baseline)',
      ManagedPolicyArns: [awsManaged('AdministratorAccess')],
      MaxSessionDuration: 3600,
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 } } })],
      },
    });
    t.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: [awsManaged('AWSSupportAccess')], MaxSessionDuration: 3600 });
    t.allResourcesProperties('AWS::IAM::Role', { PermissionsBoundary: Match.absent() });
  });

  test('permissionsBoundary applies to every role of the baseline, including roles added to it later', () => {
    // GIVEN
    const { stack } = testStack();
    const boundary = boundaryPolicy(stack);
    // WHEN
    const baseline = new IdentityBaseline(stack, 'Identity', { permissionsBoundary: boundary });
    new iam.Role(baseline, 'Extra', { assumedBy: new iam.AccountRootPrincipal() });
    // THEN
    const t = Template.fromStack(stack);
    expect(Object.keys(t.findResources('AWS::IAM::Role'))).toHaveLength(4);
    t.allResourcesProperties('AWS::IAM::Role', { PermissionsBoundary: { Ref: Match.stringLikeRegexp('^Boundary') } });
  });

  test('all props: each child takes its own settings', () => {
    const { stack } = testStack();
    new IdentityBaseline(stack, 'Identity', {
      permissionsBoundary: boundaryPolicy(stack),
      passwordPolicy: { minimumPasswordLength: 16 },
      accessAnalyzer: { scope: AnalyzerScope.ORGANIZATION, analyzerName: 'org' },
      mfaGroup: { groupName: 'Humans' },
      adminRole: { roleName: 'Admin', trustedAccounts: ['444455556666'], managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('PowerUserAccess')] },
      supportRole: { roleName: 'Support', maxMfaAge: Duration.minutes(10) },
    });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('Custom::AccountPasswordPolicy', { MinimumPasswordLength: 16 });
    t.hasResourceProperties('AWS::AccessAnalyzer::Analyzer', { Type: 'ORGANIZATION', AnalyzerName: 'org' });
    t.hasResourceProperties('AWS::IAM::Group', { GroupName: 'Humans' });
    t.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'Admin',
      ManagedPolicyArns: [awsManaged('PowerUserAccess')],
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { AWS: 'arn:aws:iam::444455556666:root' } })] },
    });
    t.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'Support',
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Condition: Match.objectLike({ NumericLessThan: { 'aws:MultiFactorAuthAge': 600 } }) })] },
    });
  });

  test('fails when a child sets its own permissions boundary as well', () => {
    const { stack } = testStack();
    const boundary = boundaryPolicy(stack);
    expect(() => new IdentityBaseline(stack, 'Identity', { permissionsBoundary: boundary, adminRole: { permissionsBoundary: boundary } })).toThrow(
      /IdentityBaseline.InvalidProps[\s\S]*adminRole.permissionsBoundary is set as well as permissionsBoundary/,
    );
  });

  test('fails with the child construct error for bad child settings', () => {
    const { stack } = testStack();
    expect(() => new IdentityBaseline(stack, 'Identity', { passwordPolicy: { minimumPasswordLength: 10 } })).toThrow(
      /AccountPasswordPolicy.InvalidProps[\s\S]*minimumPasswordLength .* got 10/,
    );
  });

  test('same template without feature flags (empty context)', () => {
    const { stack } = testStack({ context: 'empty' });
    new IdentityBaseline(stack, 'Identity');
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::IAM::Role', 3);
    t.hasResource('Custom::AccountPasswordPolicy', { DeletionPolicy: 'Retain' });
  });

  test('passes the built-in CloudFormation validator', () => {
    // GIVEN: the CloudFormation validator stays on for this synth
    const { app, stack } = testStack({ cfnValidation: true });
    // WHEN
    new IdentityBaseline(stack, 'Identity');
    // THEN
    expect(() => app.synth()).not.toThrow();
  });

  test('snapshot (change detector)', () => {
    const { stack } = testStack();
    new IdentityBaseline(stack, 'Identity');
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
