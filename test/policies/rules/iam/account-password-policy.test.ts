import { AccountPasswordPolicy } from '../../../../constructs/identity/account-password-policy';
import { IdentityBaseline } from '../../../../constructs/identity/identity-baseline';
import rule from '../../../../policies/rules/iam/account-password-policy';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass, resultsFor } from '../../rule-harness';
import { template } from '../ec2/fixtures';
import { STRONG, jsonPolicy, l1Policy, l2Policy } from './fixtures';

describe('IAM.AccountPasswordPolicy', () => {
  test('Compliant: L2 custom resource of the type', () => {
    const { stack } = testStack();
    l2Policy(stack, STRONG);
    expectPass(rule, stack);
  });

  test('Non-compliant 1: a stack without a password policy (reported on the set, no resource)', () => {
    const { stack } = testStack();
    new AccountPasswordPolicy(testStack().stack, 'Elsewhere');
    expectFail(rule, stack, /keeps IAM's default/);
    expect(resultsFor(rule, stack, null)).toHaveLength(1);
  });

  test('Compliant: L1 resource in a second template of the set', () => {
    const { stack } = testStack();
    const { stack: identity } = testStack();
    l1Policy(identity, STRONG);
    expectPass(rule, [stack, identity]);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, template({ P: jsonPolicy(STRONG) }));
  });

  test('Non-compliant 2: hand-written template whose policy is not deployed (condition false)', () => {
    expectFail(rule, { Conditions: { Off: { 'Fn::Equals': ['1', '2'] } }, Resources: { P: { ...jsonPolicy(STRONG), Condition: 'Off' } } });
  });

  test('Non-compliant 3: fails closed when the policy\'s condition cannot be evaluated', () => {
    expectFail(rule, template({ P: { ...jsonPolicy(STRONG), Condition: 'IsProd' } }), /could not resolve/);
  });

  test('Compliant: IdentityBaseline with default props', () => {
    const { stack } = testStack();
    new IdentityBaseline(stack, 'Identity');
    expectPass(rule, stack);
  });
});
