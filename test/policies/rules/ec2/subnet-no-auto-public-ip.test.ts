import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { SegmentedVpc } from '../../../../constructs/network/segmented-vpc';
import rule from '../../../../policies/rules/ec2/subnet-no-auto-public-ip';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from './fixtures';

const subnet = (map?: unknown) => ({ Type: 'AWS::EC2::Subnet', Properties: { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/24', ...(map === undefined ? {} : { MapPublicIpOnLaunch: map }) } });

describe('EC2.SubnetNoAutoPublicIp', () => {
  test('Compliant: L2 VPC whose public subnets do not map public IPs', () => {
    const { stack } = testStack();
    new ec2.Vpc(stack, 'Vpc', { natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC, mapPublicIpOnLaunch: false }] });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 VPC with default public subnets', () => {
    const { stack } = testStack();
    new ec2.Vpc(stack, 'Vpc', { natGateways: 0 });
    expectFail(rule, stack, /MapPublicIpOnLaunch true/);
  });

  test('Compliant: raw L1 subnet without the property (CloudFormation default false)', () => {
    const { stack } = testStack();
    new ec2.CfnSubnet(stack, 'Subnet', { vpcId: 'vpc-1', cidrBlock: '10.0.0.0/24' });
    expectPass(rule, stack);
  });

  test('Non-compliant 2: raw L1 subnet with MapPublicIpOnLaunch true', () => {
    const { stack } = testStack();
    new ec2.CfnSubnet(stack, 'Subnet', { vpcId: 'vpc-1', cidrBlock: '10.0.0.0/24', mapPublicIpOnLaunch: true });
    expectFail(rule, stack);
  });

  test('Compliant: hand-written subnet with "false"', () => {
    expectPass(rule, template({ S: subnet('false') }));
  });

  test('Non-compliant 3: hand-written subnet switched to "TRUE"', () => {
    expectFail(rule, template({ S: subnet('TRUE') }), /MapPublicIpOnLaunch true/);
  });

  test('Non-compliant 4: fails closed when the value cannot be resolved', () => {
    expectFail(rule, template({ S: subnet(unknownIf(true, false)) }), /could not resolve/);
  });

  test('Compliant: SegmentedVpc with default props (no tier maps public IPs)', () => {
    const { stack } = testStack();
    new SegmentedVpc(stack, 'Net');
    expectPass(rule, stack);
  });

  test('Non-compliant 5: an escape hatch on a SegmentedVpc public subnet is caught', () => {
    const { stack } = testStack();
    const net = new SegmentedVpc(stack, 'Net');
    (net.vpc.publicSubnets[0].node.defaultChild as ec2.CfnSubnet).addPropertyOverride('MapPublicIpOnLaunch', true);
    expectFail(rule, stack);
  });
});
