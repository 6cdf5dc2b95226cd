import * as iam from 'aws-cdk-lib/aws-iam';
import { MfaEnforcedGroup } from '../../../../constructs/identity/mfa-enforced-group';
import rule from '../../../../policies/rules/iam/no-user-policies';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from '../ec2/fixtures';

describe('IAM.NoUserPolicies', () => {
  test('Compliant: L2 user in an MfaEnforcedGroup', () => {
    const { stack } = testStack();
    const user = new iam.User(stack, 'User');
    new MfaEnforcedGroup(stack, 'Humans', { users: [user], managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')] });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 user with a managed policy of its own', () => {
    const { stack } = testStack();
    new iam.User(stack, 'User', { managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')] });
    expectFail(rule, stack, /ManagedPolicyArns of its own/);
  });

  test('Non-compliant 2: L2 grant to a user (an AWS::IAM::Policy naming the user)', () => {
    const { stack } = testStack();
    const user = new iam.User(stack, 'User');
    user.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));
    expectFail(rule, stack, /attached directly to users/);
  });

  test('Compliant: L1 managed policy attached to a role', () => {
    const { stack } = testStack();
    new iam.CfnManagedPolicy(stack, 'P', { policyDocument: { Statement: [] }, roles: ['r'] });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written user with an empty Policies list', () => {
    expectPass(rule, template({ U: { Type: 'AWS::IAM::User', Properties: { Policies: [] } } }));
  });

  test('Non-compliant 3: hand-written user with an inline policy', () => {
    expectFail(rule, template({ U: { Type: 'AWS::IAM::User', Properties: { Policies: [{ PolicyName: 'p', PolicyDocument: {} }] } } }), /Policies of its own/);
  });

  test('Non-compliant 4: fails closed when the policy\'s users cannot be resolved', () => {
    expectFail(rule, template({ P: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'p', PolicyDocument: {}, Users: unknownIf(['u'], []) } } }), /could not resolve/);
  });
});
