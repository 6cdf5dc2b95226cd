import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SegmentedVpc } from '../../../../constructs/network/segmented-vpc';
import rule from '../../../../policies/rules/ec2/vpc-endpoint-policy-scoped';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from './fixtures';

const endpoint = (policy: unknown, type = 'Gateway') => ({
  Type: 'AWS::EC2::VPCEndpoint',
  Properties: { VpcId: 'vpc-1', ServiceName: 'com.amazonaws.eu-west-1.s3', VpcEndpointType: type, ...(policy === undefined ? {} : { PolicyDocument: policy }) },
});
const accountOnly = { Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalAccount': '111122223333' } } }] };

describe('EC2.VpcEndpointPolicyScoped', () => {
  test('Compliant: L2 gateway endpoint with an account-scoped statement', () => {
    const { stack } = testStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0 });
    const e = vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });
    e.addToPolicy(new iam.PolicyStatement({
      principals: [new iam.AnyPrincipal()], actions: ['*'], resources: ['*'], conditions: { StringEquals: { 'aws:PrincipalAccount': stack.account } },
    }));
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 gateway endpoint without a policy (full access)', () => {
    const { stack } = testStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0 });
    vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });
    expectFail(rule, stack, /no endpoint policy/);
  });

  test('Compliant: raw L1 interface endpoint with an organization-scoped policy', () => {
    const { stack } = testStack();
    new ec2.CfnVPCEndpoint(stack, 'Ssm', {
      vpcId: 'vpc-1', serviceName: 'com.amazonaws.eu-west-1.ssm', vpcEndpointType: 'Interface',
      policyDocument: { Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'ssm:*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }] },
    });
    expectPass(rule, stack);
  });

  test('Non-compliant 2: raw L1 endpoint whose condition was weakened to IfExists', () => {
    const { stack } = testStack();
    new ec2.CfnVPCEndpoint(stack, 'S3', {
      vpcId: 'vpc-1', serviceName: 'com.amazonaws.eu-west-1.s3',
      policyDocument: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringEqualsIfExists: { 'aws:PrincipalAccount': '111122223333' } } }] },
    });
    expectFail(rule, stack, /without an account or organization condition/);
  });

  test('Compliant: hand-written endpoint with a read-only statement on named buckets, and a GWLB endpoint', () => {
    const readOnly = { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: ['arn:${AWS::Partition}:s3:::amazon-ssm-eu-west-1/*'] }] };
    expectPass(rule, template({ E: endpoint(readOnly), G: endpoint(undefined, 'GatewayLoadBalancer') }));
  });

  test('Non-compliant 3: hand-written endpoint whose condition was removed', () => {
    expectFail(rule, template({ E: endpoint({ Statement: [{ ...accountOnly.Statement[0], Condition: undefined }] }) }), /any principal/);
  });

  test('Non-compliant 4: fails closed when the policy cannot be resolved', () => {
    expectFail(rule, template({ E: endpoint(unknownIf(accountOnly, { Ref: 'AWS::NoValue' })) }), /could not resolve/);
  });

  test('Compliant: SegmentedVpc with default props, an organization and interface endpoints', () => {
    const { stack } = testStack();
    new SegmentedVpc(stack, 'Net', { organizationId: 'o-a1b2c3d4e5', interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM] });
    expectPass(rule, stack);
  });

  test('Non-compliant 5: an escape hatch that drops the condition of a SegmentedVpc endpoint is caught', () => {
    const { stack } = testStack();
    const net = new SegmentedVpc(stack, 'Net');
    (net.dynamoDbEndpoint.node.defaultChild as ec2.CfnVPCEndpoint).addPropertyDeletionOverride('PolicyDocument.Statement.0.Condition');
    expectFail(rule, stack, /any principal/);
  });
});
