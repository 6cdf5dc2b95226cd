import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IdentityBaseline } from '../../../../constructs/identity/identity-baseline';
import rule from '../../../../policies/rules/iam/no-admin-policy';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from '../ec2/fixtures';

const policy = (statement: Record<string, unknown>) => ({ Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Statement: [{ Effect: 'Allow', ...statement }] } } });

describe('IAM.NoAdminPolicy', () => {
  test('Compliant: L2 role with a scoped grant', () => {
    const { stack } = testStack();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    new s3.Bucket(stack, 'Bucket').grantRead(role);
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 managed policy allowing "*" on "*"', () => {
    const { stack } = testStack();
    new iam.ManagedPolicy(stack, 'Admin', { statements: [new iam.PolicyStatement({ actions: ['*'], resources: ['*'] })] });
    expectFail(rule, stack, /"\*" on "\*"/);
  });

  test('Compliant: L1 user with an inline Deny on "*"', () => {
    const { stack } = testStack();
    new iam.CfnUser(stack, 'User', { policies: [{ policyName: 'deny', policyDocument: { Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] } }] });
    expectPass(rule, stack);
  });

  test('Non-compliant 2: L1 role whose inline policy was widened to "*" on "*"', () => {
    const { stack } = testStack();
    new iam.CfnRole(stack, 'Role', {
      assumeRolePolicyDocument: { Statement: [] },
      policies: [{ policyName: 'wide', policyDocument: { Statement: [{ Sid: 'Wide', Effect: 'Allow', Action: ['s3:GetObject', '*'], Resource: ['*'] }] } }],
    });
    expectFail(rule, stack, /statement Wide/);
  });

  test('Compliant: hand-written policy with a service wildcard on one resource', () => {
    expectPass(rule, template({ P: policy({ Action: 's3:*', Resource: 'arn:${AWS::Partition}:s3:::data/*' }) }));
  });

  test('Non-compliant 3: hand-written group policy with "*" on "*"', () => {
    const t = template({ G: { Type: 'AWS::IAM::Group', Properties: { Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }] } } });
    expectFail(rule, t);
  });

  test('Non-compliant 4: fails closed when the resource cannot be resolved', () => {
    expectFail(rule, template({ P: policy({ Action: '*', Resource: unknownIf('*', 'arn:x') }) }), /could not resolve/);
  });

  test('Compliant: IdentityBaseline with default props (AdministratorAccess is an AWS managed ARN, judged elsewhere)', () => {
    const { stack } = testStack();
    new IdentityBaseline(stack, 'Identity');
    expectPass(rule, stack);
  });
});
