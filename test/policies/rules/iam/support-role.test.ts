import * as iam from 'aws-cdk-lib/aws-iam';
import { IdentityBaseline } from '../../../../constructs/identity/identity-baseline';
import { SupportRole } from '../../../../constructs/identity/support-role';
import rule from '../../../../policies/rules/iam/support-role';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from '../ec2/fixtures';

const role = (arns: unknown) => ({ Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [] }, ManagedPolicyArns: arns } });

describe('IAM.SupportRole', () => {
  test('Compliant: L2 role with AWSSupportAccess', () => {
    const { stack } = testStack();
    new iam.Role(stack, 'Support', { assumedBy: new iam.AccountRootPrincipal(), managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AWSSupportAccess')] });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 role with another policy only', () => {
    const { stack } = testStack();
    new iam.Role(stack, 'Support', { assumedBy: new iam.AccountRootPrincipal(), managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')] });
    expectFail(rule, stack, /nobody can open AWS Support cases/);
  });

  test('Compliant: L1 role with the policy ARN in a GovCloud-style partition', () => {
    const { stack } = testStack();
    new iam.CfnRole(stack, 'Support', { assumeRolePolicyDocument: { Statement: [] }, managedPolicyArns: ['arn:aws-us-gov:iam::aws:policy/AWSSupportAccess'] });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written role', () => {
    expectPass(rule, template({ R: role([{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AWSSupportAccess' }]) }));
  });

  test('Non-compliant 2: hand-written role with a look-alike customer policy', () => {
    expectFail(rule, template({ R: role(['arn:${AWS::Partition}:iam::111122223333:policy/AWSSupportAccess']) }));
  });

  test('Non-compliant 3: fails closed when the managed policies cannot be resolved', () => {
    expectFail(rule, template({ R: role(unknownIf(['x'], ['y'])) }), /could not resolve/);
  });

  test('Compliant: SupportRole and IdentityBaseline with default props', () => {
    const { stack } = testStack();
    new SupportRole(stack, 'Support');
    expectPass(rule, stack);
    const other = testStack().stack;
    new IdentityBaseline(other, 'Identity');
    expectPass(rule, other);
  });
});
