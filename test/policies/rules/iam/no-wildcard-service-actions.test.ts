import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IdentityBaseline } from '../../../../constructs/identity/identity-baseline';
import rule from '../../../../policies/rules/iam/no-wildcard-service-actions';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from '../ec2/fixtures';

const policy = (actions: unknown) => ({ Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] } } });

describe('IAM.NoWildcardServiceActions', () => {
  test('Compliant: L2 grant (prefix wildcards such as s3:GetObject* pass)', () => {
    const { stack } = testStack();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    new s3.Bucket(stack, 'Bucket').grantReadWrite(role);
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 policy allowing s3:*', () => {
    const { stack } = testStack();
    new iam.ManagedPolicy(stack, 'P', { statements: [new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] })] });
    expectFail(rule, stack, /allows s3:\*/);
  });

  test('Non-compliant 2: L1 role inline policy allowing kms:*', () => {
    const { stack } = testStack();
    new iam.CfnRole(stack, 'Role', { assumeRolePolicyDocument: {}, policies: [{ policyName: 'p', policyDocument: { Statement: [{ Effect: 'Allow', Action: ['kms:Decrypt', 'kms:*'], Resource: '*' }] } }] });
    expectFail(rule, stack, /kms:\*/);
  });

  test('Compliant: hand-written policy with named actions, and a Deny of ec2:*', () => {
    expectPass(rule, template({ P: policy(['ec2:DescribeInstances']), D: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Statement: [{ Effect: 'Deny', Action: 'ec2:*', Resource: '*' }] } } } }));
  });

  test('Non-compliant 3: hand-written policy widened to logs:*', () => {
    expectFail(rule, template({ P: policy(['logs:*']) }));
  });

  test('Non-compliant 4: fails closed when the actions cannot be resolved', () => {
    expectFail(rule, template({ P: policy(unknownIf(['s3:GetObject'], ['s3:*'])) }), /could not resolve/);
  });

  test('Compliant: IdentityBaseline with default props', () => {
    const { stack } = testStack();
    new IdentityBaseline(stack, 'Identity');
    expectPass(rule, stack);
  });
});
