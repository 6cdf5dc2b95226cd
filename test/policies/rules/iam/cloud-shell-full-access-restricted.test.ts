import * as iam from 'aws-cdk-lib/aws-iam';
import { IdentityBaseline } from '../../../../constructs/identity/identity-baseline';
import rule from '../../../../policies/rules/iam/cloud-shell-full-access-restricted';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from '../ec2/fixtures';

describe('IAM.CloudShellFullAccessRestricted', () => {
  test('Compliant: L2 group with read-only access', () => {
    const { stack } = testStack();
    new iam.Group(stack, 'G', { managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')] });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 group with AWSCloudShellFullAccess', () => {
    const { stack } = testStack();
    new iam.Group(stack, 'G', { managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AWSCloudShellFullAccess')] });
    expectFail(rule, stack, /AWSCloudShellFullAccess is attached/);
  });

  test('Non-compliant 2: L1 user with AWSCloudShellFullAccess', () => {
    const { stack } = testStack();
    new iam.CfnUser(stack, 'U', { managedPolicyArns: ['arn:aws-cn:iam::aws:policy/AWSCloudShellFullAccess'] });
    expectFail(rule, stack);
  });

  test('Compliant: hand-written role without managed policies', () => {
    expectPass(rule, template({ R: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } } }));
  });

  test('Non-compliant 3: fails closed when the managed policies cannot be resolved', () => {
    expectFail(rule, template({ R: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {}, ManagedPolicyArns: [unknownIf('a', 'b')] } } }), /could not resolve/);
  });

  test('Compliant: IdentityBaseline with default props', () => {
    const { stack } = testStack();
    new IdentityBaseline(stack, 'Identity');
    expectPass(rule, stack);
  });
});
