import * as iam from 'aws-cdk-lib/aws-iam';
import { MfaRole } from '../../../../constructs/identity/mfa-role';
import { SupportRole } from '../../../../constructs/identity/support-role';
import rule from '../../../../policies/rules/iam/role-trust-requires-mfa';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass, judge } from '../../rule-harness';
import { template, unknownIf } from '../ec2/fixtures';

const role = (statement: Record<string, unknown>) => ({
  Type: 'AWS::IAM::Role',
  Properties: { AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: 'arn:${AWS::Partition}:iam::111122223333:root' }, ...statement }] } },
});

describe('IAM.RoleTrustRequiresMfa', () => {
  test('Compliant: L2 role trusting an account with an MFA condition', () => {
    const { stack } = testStack();
    new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal().withConditions({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }) });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 role trusting an account without MFA', () => {
    const { stack } = testStack();
    new iam.Role(stack, 'Role', { assumedBy: new iam.AccountPrincipal('444455556666') });
    expectFail(rule, stack, /without MFA/);
  });

  test('Compliant: L1 service role is not judged (services carry no MFA)', () => {
    const { stack } = testStack();
    new iam.CfnRole(stack, 'Role', { assumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' } }] } });
    new iam.CfnRole(stack, 'Human', {
      assumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: '444455556666' }, Condition: { Bool: { 'aws:MultiFactorAuthPresent': true } } }] },
    });
    const results = judge(rule, stack);
    expect(results.map((r) => r.status)).toEqual(['not-applicable', 'pass']);
  });

  test('Non-compliant 2: L1 role weakened from Bool to BoolIfExists', () => {
    const { stack } = testStack();
    new iam.CfnRole(stack, 'Role', {
      assumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: '444455556666' }, Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } } }] },
    });
    expectFail(rule, stack, /BoolIfExists/);
  });

  test('Compliant: hand-written role with MFA as a one-value list', () => {
    expectPass(rule, template({ R: role({ Condition: { Bool: { 'aws:MultiFactorAuthPresent': ['true'] } } }) }));
  });

  test('Non-compliant 3: hand-written role trusting everyone, even with MFA', () => {
    expectFail(rule, template({ R: role({ Principal: { AWS: '*' }, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }) }), /any AWS principal/);
  });

  test('Non-compliant 4: hand-written role whose MFA condition is false', () => {
    expectFail(rule, template({ R: role({ Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }) }), /without MFA/);
  });

  test('Non-compliant 5: fails closed when the MFA condition cannot be resolved', () => {
    expectFail(rule, template({ R: role({ Condition: { Bool: { 'aws:MultiFactorAuthPresent': unknownIf('true', 'false') } } }) }), /could not resolve/);
  });

  test('Compliant: MfaRole and SupportRole with default props and with trusted accounts', () => {
    const { stack } = testStack();
    new MfaRole(stack, 'Admin');
    new MfaRole(stack, 'Cross', { trustedAccounts: ['444455556666'] });
    new SupportRole(stack, 'Support');
    expectPass(rule, stack);
  });

  test('Non-compliant 6: an escape hatch dropping MfaRole\'s condition is caught', () => {
    const { stack } = testStack();
    const r = new MfaRole(stack, 'Admin');
    (r.role.node.defaultChild as iam.CfnRole).addPropertyDeletionOverride('AssumeRolePolicyDocument.Statement.0.Condition.Bool');
    expectFail(rule, stack, /without MFA/);
  });

  test('Compliant: an escape hatch adding MFA to an insecure L2 role passes', () => {
    const { stack } = testStack();
    const r = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    (r.node.defaultChild as iam.CfnRole).addPropertyOverride('AssumeRolePolicyDocument.Statement.0.Condition', { Bool: { 'aws:MultiFactorAuthPresent': 'true' } });
    expectPass(rule, stack);
  });
});
