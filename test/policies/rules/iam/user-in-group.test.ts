import * as iam from 'aws-cdk-lib/aws-iam';
import { MfaEnforcedGroup } from '../../../../constructs/identity/mfa-enforced-group';
import rule from '../../../../policies/rules/iam/user-in-group';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from '../ec2/fixtures';

describe('IAM.UserInGroup', () => {
  test('Compliant: L2 user in an MfaEnforcedGroup', () => {
    const { stack } = testStack();
    const user = new iam.User(stack, 'User');
    new MfaEnforcedGroup(stack, 'Humans', { users: [user], managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')] });
    expectPass(rule, stack);
  });

  test('Compliant: L2 user with groups', () => {
    const { stack } = testStack();
    new iam.User(stack, 'User', { groups: [new iam.Group(stack, 'G')] });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 user in no group', () => {
    const { stack } = testStack();
    new iam.User(stack, 'User');
    expectFail(rule, stack, /in no group/);
  });

  test('Compliant: L1 user added by an AWS::IAM::UserToGroupAddition', () => {
    const { stack } = testStack();
    const user = new iam.CfnUser(stack, 'U');
    new iam.CfnUserToGroupAddition(stack, 'Add', { groupName: 'humans', users: [user.ref] });
    expectPass(rule, stack);
  });

  test('Non-compliant 2: L1 user with an empty group list, and an addition naming another user', () => {
    const { stack } = testStack();
    new iam.CfnUser(stack, 'U', { groups: [] });
    new iam.CfnUserToGroupAddition(stack, 'Add', { groupName: 'humans', users: ['someone-else'] });
    expectFail(rule, stack, /in no group/);
  });

  test('Compliant: hand-written user named by literal in an addition', () => {
    expectPass(rule, template({
      U: { Type: 'AWS::IAM::User', Properties: { UserName: 'alice' } },
      A: { Type: 'AWS::IAM::UserToGroupAddition', Properties: { GroupName: 'humans', Users: ['alice'] } },
    }));
  });

  test('Non-compliant 3: hand-written user without Groups', () => {
    expectFail(rule, template({ U: { Type: 'AWS::IAM::User', Properties: { UserName: 'alice' } } }), /in no group/);
  });

  test('Non-compliant 4: fails closed when Groups cannot be resolved', () => {
    expectFail(rule, template({ U: { Type: 'AWS::IAM::User', Properties: { Groups: unknownIf(['g'], []) } } }), /could not resolve/);
  });
});
