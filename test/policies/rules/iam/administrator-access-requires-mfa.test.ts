import * as iam from 'aws-cdk-lib/aws-iam';
import { IdentityBaseline } from '../../../../constructs/identity/identity-baseline';
import rule from '../../../../policies/rules/iam/administrator-access-requires-mfa';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from '../ec2/fixtures';

const ADMIN = { 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess' };
const role = (condition: unknown) => ({
  Type: 'AWS::IAM::Role',
  Properties: { ManagedPolicyArns: [ADMIN], AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: '444455556666' }, Condition: condition }] } },
});

describe('IAM.AdministratorAccessRequiresMfa', () => {
  test('Compliant: L2 admin role that requires MFA', () => {
    const { stack } = testStack();
    new iam.Role(stack, 'Admin', {
      assumedBy: new iam.AccountRootPrincipal().withConditions({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')],
    });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 service role with AdministratorAccess', () => {
    const { stack } = testStack();
    new iam.Role(stack, 'Admin', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')] });
    expectFail(rule, stack, /without MFA/);
  });

  test('Non-compliant 2: L1 user with AdministratorAccess', () => {
    const { stack } = testStack();
    new iam.CfnUser(stack, 'U', { managedPolicyArns: ['arn:aws-cn:iam::aws:policy/AdministratorAccess'] });
    expectFail(rule, stack, /IAM user/);
  });

  test('Compliant: hand-written admin role requiring MFA', () => {
    expectPass(rule, template({ R: role({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }) }));
  });

  test('Non-compliant 3: hand-written admin role weakened to BoolIfExists', () => {
    expectFail(rule, template({ R: role({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } }) }), /without MFA/);
  });

  test('Non-compliant 4: fails closed when the trust policy cannot be resolved', () => {
    expectFail(rule, template({ R: role(unknownIf({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }, {})) }), /could not resolve/);
  });

  test('Compliant: IdentityBaseline with default props (its admin role is an MfaRole)', () => {
    const { stack } = testStack();
    new IdentityBaseline(stack, 'Identity');
    expectPass(rule, stack);
  });

  test('Non-compliant 5: an escape hatch dropping the admin role\'s MFA is caught', () => {
    const { stack } = testStack();
    const id = new IdentityBaseline(stack, 'Identity');
    (id.adminRole.role.node.defaultChild as iam.CfnRole).addPropertyDeletionOverride('AssumeRolePolicyDocument.Statement.0.Condition.Bool');
    expectFail(rule, stack, /without MFA/);
  });
});
