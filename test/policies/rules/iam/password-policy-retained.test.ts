import { CfnResource, RemovalPolicy } from 'aws-cdk-lib';
import { AccountPasswordPolicy } from '../../../../constructs/identity/account-password-policy';
import rule from '../../../../policies/rules/iam/password-policy-retained';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from '../ec2/fixtures';
import { STRONG, jsonPolicy, l1Policy, l2Policy } from './fixtures';

describe('IAM.PasswordPolicyRetained', () => {
  test('Compliant: L2 custom resource retained on removal', () => {
    const { stack } = testStack();
    l2Policy(stack, STRONG).applyRemovalPolicy(RemovalPolicy.RETAIN);
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 custom resource destroyed, with RetainOnDelete false', () => {
    const { stack } = testStack();
    l2Policy(stack, { ...STRONG, RetainOnDelete: false }).applyRemovalPolicy(RemovalPolicy.DESTROY);
    expectFail(rule, stack, /deletes the account password policy/);
  });

  test('Compliant: L1 resource deleted by CloudFormation but kept by the handler', () => {
    const { stack } = testStack();
    l1Policy(stack, { ...STRONG, RetainOnDelete: 'true' });
    expectPass(rule, stack);
  });

  test('Non-compliant 2: L1 resource switched to RetainOnDelete "false"', () => {
    const { stack } = testStack();
    l1Policy(stack, { ...STRONG, RetainOnDelete: 'false' });
    expectFail(rule, stack);
  });

  test('Compliant: hand-written resource with DeletionPolicy Retain', () => {
    expectPass(rule, template({ P: jsonPolicy({ ...STRONG, RetainOnDelete: false }, { DeletionPolicy: 'Retain' }) }));
  });

  test('Non-compliant 3: hand-written resource with DeletionPolicy Delete', () => {
    expectFail(rule, template({ P: jsonPolicy({ ...STRONG, RetainOnDelete: false }, { DeletionPolicy: 'Delete' }) }));
  });

  test('Non-compliant 4: fails closed when RetainOnDelete cannot be resolved', () => {
    expectFail(rule, template({ P: jsonPolicy({ ...STRONG, RetainOnDelete: unknownIf(true, false) }) }), /could not resolve/);
  });

  test('Compliant: AccountPasswordPolicy with default props; reported with RemovalPolicy.DESTROY', () => {
    const { stack } = testStack();
    new AccountPasswordPolicy(stack, 'Passwords');
    expectPass(rule, stack);
    const other = testStack().stack;
    new AccountPasswordPolicy(other, 'Passwords', { removalPolicy: RemovalPolicy.DESTROY });
    expectFail(rule, other);
  });

  test('Non-compliant 5: an escape hatch that removes the retention is caught', () => {
    const { stack } = testStack();
    const p = new AccountPasswordPolicy(stack, 'Passwords');
    const cfn = p.resource.node.defaultChild as CfnResource;
    cfn.applyRemovalPolicy(RemovalPolicy.DESTROY);
    cfn.addPropertyOverride('RetainOnDelete', false);
    expectFail(rule, stack);
  });
});
