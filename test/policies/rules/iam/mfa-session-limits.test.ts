import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { MfaRole } from '../../../../constructs/identity/mfa-role';
import rule from '../../../../policies/rules/iam/mfa-session-limits';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from '../ec2/fixtures';

const mfa = { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };
const role = (condition: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  Type: 'AWS::IAM::Role',
  Properties: { ...extra, AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: '444455556666' }, Condition: condition }] } },
});

describe('IAM.MfaSessionLimits', () => {
  test('Compliant: L2 role with an MFA age limit and the default session length', () => {
    const { stack } = testStack();
    new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal().withConditions({ ...mfa, NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 } }) });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 role with 12-hour sessions', () => {
    const { stack } = testStack();
    new iam.Role(stack, 'Role', {
      assumedBy: new iam.AccountRootPrincipal().withConditions({ ...mfa, NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 } }),
      maxSessionDuration: Duration.hours(12),
    });
    expectFail(rule, stack, /43200 seconds/);
  });

  test('Compliant: L1 role with NumericLessThanEquals 900', () => {
    const { stack } = testStack();
    new iam.CfnRole(stack, 'Role', {
      assumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: '444455556666' }, Condition: { ...mfa, NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '900' } } }] },
      maxSessionDuration: 3600,
    });
    expectPass(rule, stack);
  });

  test('Non-compliant 2: L1 role requiring MFA but no MFA age', () => {
    const { stack } = testStack();
    new iam.CfnRole(stack, 'Role', { assumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: '444455556666' }, Condition: mfa }] } });
    expectFail(rule, stack, /no aws:MultiFactorAuthAge limit/);
  });

  test('Compliant: hand-written role', () => {
    expectPass(rule, template({ R: role({ ...mfa, NumericLessThan: { 'aws:MultiFactorAuthAge': 1800 } }) }));
  });

  test('Non-compliant 3: hand-written role whose MFA age was raised to a day', () => {
    expectFail(rule, template({ R: role({ ...mfa, NumericLessThan: { 'aws:MultiFactorAuthAge': 86400 } }) }), /86400 seconds old/);
  });

  test('Non-compliant 4: fails closed when the session length cannot be resolved', () => {
    expectFail(rule, template({ R: role({ NumericLessThan: { 'aws:MultiFactorAuthAge': 1800 } }, { MaxSessionDuration: unknownIf(3600, 43200) }) }), /could not resolve/);
  });

  test('Compliant: MfaRole with default props', () => {
    const { stack } = testStack();
    new MfaRole(stack, 'Admin');
    expectPass(rule, stack);
  });

  test('Non-compliant 5: MfaRole with a longer MFA age (a weakening it warns about) is reported', () => {
    const { stack } = testStack();
    new MfaRole(stack, 'Admin', { maxMfaAge: Duration.hours(4) });
    expectFail(rule, stack, /14400 seconds old/);
  });
});
