import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import rule from '../../../../policies/rules/lambda/multi-az';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from '../ec2/fixtures';

const code = lambda.Code.fromInline('exports.handler = async () => {}');
const subnet = (az: string) => ({ Type: 'AWS::EC2::Subnet', Properties: { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/24', AvailabilityZone: az } });
const fn = (subnets: unknown) => ({ Type: 'AWS::Lambda::Function', Properties: { Role: 'arn', Code: { ZipFile: 'x' }, Runtime: 'nodejs24.x', Handler: 'i.h', VpcConfig: { SubnetIds: subnets, SecurityGroupIds: ['sg-1'] } } });

describe('Lambda.MultiAz', () => {
  test('Compliant: L2 function in the private subnets of a two-AZ VPC', () => {
    const { stack } = testStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code, vpc });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 function in one subnet', () => {
    const { stack } = testStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code, vpc, vpcSubnets: { subnets: [vpc.privateSubnets[0]] } });
    expectFail(rule, stack, /one Availability Zone/);
  });

  test('Compliant: L1 function outside a VPC is not judged; one with two subnet ids passes', () => {
    const { stack } = testStack();
    new lambda.CfnFunction(stack, 'Out', { role: 'arn', code: { zipFile: 'x' }, runtime: 'nodejs24.x', handler: 'i.h' });
    new lambda.CfnFunction(stack, 'In', { role: 'arn', code: { zipFile: 'x' }, runtime: 'nodejs24.x', handler: 'i.h', vpcConfig: { subnetIds: ['subnet-a', 'subnet-b'] } });
    expectPass(rule, stack);
  });

  test('Non-compliant 2: hand-written function whose two subnets are in the same zone', () => {
    expectFail(rule, template({ A: subnet('eu-west-1a'), B: subnet('eu-west-1a'), F: fn([{ Ref: 'A' }, { Ref: 'B' }]) }), /2 subnet\(s\) in one/);
  });

  test('Compliant: hand-written function across two zones', () => {
    expectPass(rule, template({ A: subnet('eu-west-1a'), B: subnet('eu-west-1b'), F: fn([{ Ref: 'A' }, { Ref: 'B' }]) }));
  });

  test('Non-compliant 3: fails closed when the subnets cannot be resolved', () => {
    expectFail(rule, template({ F: fn(unknownIf(['subnet-a', 'subnet-b'], ['subnet-a'])) }), /could not resolve/);
  });
});
