import { CfnResource } from 'aws-cdk-lib';
import { AccountPasswordPolicy } from '../../../../constructs/identity/account-password-policy';
import rule from '../../../../policies/rules/iam/password-policy-strength';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from '../ec2/fixtures';
import { STRONG, jsonPolicy, l1Policy, l2Policy, without } from './fixtures';

describe('IAM.PasswordPolicyStrength', () => {
  test('Compliant: L2 custom resource with the strong settings', () => {
    const { stack } = testStack();
    l2Policy(stack, STRONG);
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 custom resource with 12 characters', () => {
    const { stack } = testStack();
    l2Policy(stack, { ...STRONG, MinimumPasswordLength: 12 });
    expectFail(rule, stack, /MinimumPasswordLength is 12/);
  });

  test('Compliant: L1 resource with string values, as CloudFormation passes them to the handler', () => {
    const { stack } = testStack();
    l1Policy(stack, Object.fromEntries(Object.entries(STRONG).map(([k, v]) => [k, String(v)])));
    expectPass(rule, stack);
  });

  test('Non-compliant 2: L1 resource remembering only 5 passwords', () => {
    const { stack } = testStack();
    l1Policy(stack, { ...STRONG, PasswordReusePrevention: 5 });
    expectFail(rule, stack, /PasswordReusePrevention is 5/);
  });

  test('Compliant: hand-written resource with a longer minimum', () => {
    expectPass(rule, template({ P: jsonPolicy({ ...STRONG, MinimumPasswordLength: 20 }) }));
  });

  test('Non-compliant 3: hand-written resource with symbols turned off', () => {
    expectFail(rule, template({ P: jsonPolicy({ ...STRONG, RequireSymbols: 'false' }) }), /RequireSymbols is false/);
  });

  test('Non-compliant 4: hand-written resource without AllowUsersToChangePassword, and one with hard expiry', () => {
    expectFail(rule, template({ P: jsonPolicy(without(STRONG, 'AllowUsersToChangePassword')) }), /AllowUsersToChangePassword is not set/);
    expectFail(rule, template({ P: jsonPolicy({ ...STRONG, HardExpiry: true }) }), /locked out/);
  });

  test('Non-compliant 5: fails closed when the length cannot be resolved', () => {
    expectFail(rule, template({ P: jsonPolicy({ ...STRONG, MinimumPasswordLength: unknownIf(14, 8) }) }), /could not resolve/);
  });

  test('Compliant: AccountPasswordPolicy with default props', () => {
    const { stack } = testStack();
    new AccountPasswordPolicy(stack, 'Passwords');
    expectPass(rule, stack);
  });

  test('Non-compliant 6: an escape hatch lowering AccountPasswordPolicy\'s reuse history is caught', () => {
    const { stack } = testStack();
    const p = new AccountPasswordPolicy(stack, 'Passwords');
    (p.resource.node.defaultChild as CfnResource).addPropertyOverride('PasswordReusePrevention', 1);
    expectFail(rule, stack, /PasswordReusePrevention is 1/);
  });
});
