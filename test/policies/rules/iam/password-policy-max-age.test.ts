import { Duration } from 'aws-cdk-lib';
import { AccountPasswordPolicy } from '../../../../constructs/identity/account-password-policy';
import rule from '../../../../policies/rules/iam/password-policy-max-age';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from '../ec2/fixtures';
import { STRONG, jsonPolicy, l1Policy, l2Policy, without } from './fixtures';

describe('IAM.PasswordPolicyMaxAge', () => {
  test('Compliant: L2 custom resource with 90 days', () => {
    const { stack } = testStack();
    l2Policy(stack, STRONG);
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 custom resource with 365 days', () => {
    const { stack } = testStack();
    l2Policy(stack, { ...STRONG, MaxPasswordAge: 365 });
    expectFail(rule, stack, /365 days/);
  });

  test('Compliant: L1 resource with "60"', () => {
    const { stack } = testStack();
    l1Policy(stack, { ...STRONG, MaxPasswordAge: '60' });
    expectPass(rule, stack);
  });

  test('Non-compliant 2: L1 resource without an expiry', () => {
    const { stack } = testStack();
    l1Policy(stack, without(STRONG, 'MaxPasswordAge'));
    expectFail(rule, stack, /never expire/);
  });

  test('Compliant: hand-written resource with 30 days', () => {
    expectPass(rule, template({ P: jsonPolicy({ ...STRONG, MaxPasswordAge: 30 }) }));
  });

  test('Non-compliant 3: hand-written resource raised to 91 days', () => {
    expectFail(rule, template({ P: jsonPolicy({ ...STRONG, MaxPasswordAge: 91 }) }), /more than 90/);
  });

  test('Non-compliant 4: fails closed when the age cannot be resolved', () => {
    expectFail(rule, template({ P: jsonPolicy({ ...STRONG, MaxPasswordAge: unknownIf(90, 365) }) }), /could not resolve/);
  });

  test('Compliant: AccountPasswordPolicy with default props; reported when maxPasswordAge is longer', () => {
    const { stack } = testStack();
    new AccountPasswordPolicy(stack, 'Passwords');
    expectPass(rule, stack);
    const other = testStack().stack;
    new AccountPasswordPolicy(other, 'Passwords', { maxPasswordAge: Duration.days(180) });
    expectFail(rule, other, /180 days/);
  });
});
