import * as iam from 'aws-cdk-lib/aws-iam';
import rule from '../../../../policies/rules/iam/no-access-keys';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from '../ec2/fixtures';

describe('IAM.NoAccessKeys', () => {
  test('Compliant: L2 access key created inactive', () => {
    const { stack } = testStack();
    new iam.AccessKey(stack, 'Key', { user: new iam.User(stack, 'User'), status: iam.AccessKeyStatus.INACTIVE });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 access key', () => {
    const { stack } = testStack();
    new iam.AccessKey(stack, 'Key', { user: new iam.User(stack, 'User') });
    expectFail(rule, stack, /active long-term access key/);
  });

  test('Non-compliant 2: L1 access key switched to Active', () => {
    const { stack } = testStack();
    new iam.CfnAccessKey(stack, 'Key', { userName: 'u', status: 'Active' });
    expectFail(rule, stack);
  });

  test('Compliant: hand-written inactive key', () => {
    expectPass(rule, template({ K: { Type: 'AWS::IAM::AccessKey', Properties: { UserName: 'u', Status: 'Inactive' } } }));
  });

  test('Non-compliant 3: fails closed when the status cannot be resolved', () => {
    expectFail(rule, template({ K: { Type: 'AWS::IAM::AccessKey', Properties: { UserName: 'u', Status: unknownIf('Inactive', 'Active') } } }), /could not resolve/);
  });
});
