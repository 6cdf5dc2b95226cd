import * as iam from 'aws-cdk-lib/aws-iam';
import rule from '../../../../policies/rules/iam/no-inline-policies';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from '../ec2/fixtures';

const doc = { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };

describe('IAM.NoInlinePolicies', () => {
  test('Compliant: L2 role with a managed policy and a grant (AWS::IAM::Policy)', () => {
    const { stack } = testStack();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.addManagedPolicy(new iam.ManagedPolicy(stack, 'Managed', { statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })] }));
    role.addToPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['*'] }));
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 role with inlinePolicies', () => {
    const { stack } = testStack();
    new iam.Role(stack, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      inlinePolicies: { p: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })] }) },
    });
    expectFail(rule, stack, /role embeds 1 inline policy/);
  });

  test('Compliant: L1 group without Policies', () => {
    const { stack } = testStack();
    new iam.CfnGroup(stack, 'G', { managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] });
    expectPass(rule, stack);
  });

  test('Non-compliant 2: L1 user with an inline policy', () => {
    const { stack } = testStack();
    new iam.CfnUser(stack, 'U', { policies: [{ policyName: 'p', policyDocument: doc }] });
    expectFail(rule, stack, /user embeds 1 inline policy/);
  });

  test('Non-compliant 3: escape hatch adds Policies to an L2 group', () => {
    const { stack } = testStack();
    const group = new iam.Group(stack, 'G');
    (group.node.defaultChild as iam.CfnGroup).addPropertyOverride('Policies', [{ PolicyName: 'p', PolicyDocument: doc }]);
    expectFail(rule, stack, /group embeds/);
  });

  test('Compliant: hand-written role with an empty Policies list', () => {
    expectPass(rule, template({ R: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {}, Policies: [] } } }));
  });

  test('Non-compliant 4: hand-written group with two inline policies', () => {
    expectFail(rule, template({ G: { Type: 'AWS::IAM::Group', Properties: { Policies: [{ PolicyName: 'a', PolicyDocument: doc }, { PolicyName: 'b', PolicyDocument: doc }] } } }), /2 inline policies/);
  });

  test('Non-compliant 5: fails closed when Policies cannot be resolved', () => {
    expectFail(rule, template({ R: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {}, Policies: unknownIf([{ PolicyName: 'p', PolicyDocument: doc }], []) } } }), /could not resolve/);
  });
});
