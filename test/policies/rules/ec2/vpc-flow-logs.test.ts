import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { SegmentedVpc } from '../../../../constructs/network/segmented-vpc';
import rule from '../../../../policies/rules/ec2/vpc-flow-logs';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from './fixtures';

const vpc = { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } };
const flowLog = (traffic: unknown, resourceId: unknown = { Ref: 'Vpc' }) => ({
  Type: 'AWS::EC2::FlowLog',
  Properties: { ResourceId: resourceId, ResourceType: 'VPC', TrafficType: traffic, LogDestinationType: 's3', LogDestination: 'arn:${AWS::Partition}:s3:::logs' },
});

describe('EC2.VpcFlowLogs', () => {
  test('Compliant: L2 VPC with a flow log of all traffic', () => {
    const { stack } = testStack();
    new ec2.Vpc(stack, 'Vpc', { natGateways: 0, flowLogs: { all: { trafficType: ec2.FlowLogTrafficType.ALL } } });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 VPC without flow logs', () => {
    const { stack } = testStack();
    new ec2.Vpc(stack, 'Vpc', { natGateways: 0 });
    expectFail(rule, stack, /no flow log records this VPC/);
  });

  test('Non-compliant 2: L2 VPC whose flow log records only rejected traffic', () => {
    const { stack } = testStack();
    new ec2.Vpc(stack, 'Vpc', { natGateways: 0, flowLogs: { rejects: { trafficType: ec2.FlowLogTrafficType.REJECT } } });
    expectFail(rule, stack, /only REJECT traffic/);
  });

  test('Compliant: raw L1 VPC and flow log', () => {
    const { stack } = testStack();
    const v = new ec2.CfnVPC(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
    new ec2.CfnFlowLog(stack, 'Log', { resourceId: v.ref, resourceType: 'VPC', trafficType: 'ALL', logDestinationType: 's3', logDestination: 'arn:aws-cn:s3:::logs' });
    expectPass(rule, stack);
  });

  test('Non-compliant 3: raw L1 flow log on another VPC', () => {
    const { stack } = testStack();
    new ec2.CfnVPC(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
    new ec2.CfnFlowLog(stack, 'Log', { resourceId: 'vpc-0123456789abcdef0', resourceType: 'VPC', trafficType: 'ALL', logDestinationType: 's3', logDestination: 'arn:aws-cn:s3:::logs' });
    expectFail(rule, stack, /no flow log/);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, template({ Vpc: vpc, Log: flowLog('ALL') }));
  });

  test('Non-compliant 4: hand-written template weakened to ACCEPT only', () => {
    expectFail(rule, template({ Vpc: vpc, Log: flowLog('ACCEPT') }), /only ACCEPT/);
  });

  test('Non-compliant 5: fails closed when the traffic type cannot be resolved', () => {
    expectFail(rule, template({ Vpc: vpc, Log: flowLog(unknownIf('ALL', 'REJECT')) }), /could not resolve/);
  });

  test('Compliant: SegmentedVpc with default props', () => {
    const { stack } = testStack();
    new SegmentedVpc(stack, 'Net');
    expectPass(rule, stack);
  });

  test('Non-compliant 6: an escape hatch that narrows SegmentedVpc\'s flow log is caught', () => {
    const { stack } = testStack();
    const net = new SegmentedVpc(stack, 'Net');
    (net.flowLog.node.defaultChild as ec2.CfnFlowLog).addPropertyOverride('TrafficType', 'REJECT');
    expectFail(rule, stack, /only REJECT/);
  });
});
