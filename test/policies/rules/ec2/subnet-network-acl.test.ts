import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { SegmentedVpc } from '../../../../constructs/network/segmented-vpc';
import rule from '../../../../policies/rules/ec2/subnet-network-acl';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from './fixtures';

const subnet = { Type: 'AWS::EC2::Subnet', Properties: { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/24' } };

describe('EC2.SubnetNetworkAcl', () => {
  test('Compliant: L2 VPC whose subnets are associated with an L2 network ACL', () => {
    const { stack } = testStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    new ec2.NetworkAcl(stack, 'Acl', { vpc, subnetSelection: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 VPC whose subnets use the default network ACL', () => {
    const { stack } = testStack();
    new ec2.Vpc(stack, 'Vpc', { natGateways: 0 });
    expectFail(rule, stack, /default network ACL/);
  });

  test('Compliant: raw L1 subnet with an association', () => {
    const { stack } = testStack();
    const s = new ec2.CfnSubnet(stack, 'Subnet', { vpcId: 'vpc-1', cidrBlock: '10.0.0.0/24' });
    new ec2.CfnSubnetNetworkAclAssociation(stack, 'Assoc', { subnetId: s.ref, networkAclId: 'acl-1' });
    expectPass(rule, stack);
  });

  test('Non-compliant 2: raw L1 association with another subnet', () => {
    const { stack } = testStack();
    new ec2.CfnSubnet(stack, 'Subnet', { vpcId: 'vpc-1', cidrBlock: '10.0.0.0/24' });
    new ec2.CfnSubnetNetworkAclAssociation(stack, 'Assoc', { subnetId: 'subnet-0123', networkAclId: 'acl-1' });
    expectFail(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, template({ S: subnet, A: { Type: 'AWS::EC2::SubnetNetworkAclAssociation', Properties: { SubnetId: { Ref: 'S' }, NetworkAclId: 'acl-1' } } }));
  });

  test('Non-compliant 3: hand-written association that is not deployed (condition false)', () => {
    const t = {
      Conditions: { Never: { 'Fn::Equals': ['a', 'b'] } },
      Resources: { S: subnet, A: { Type: 'AWS::EC2::SubnetNetworkAclAssociation', Condition: 'Never', Properties: { SubnetId: { Ref: 'S' }, NetworkAclId: 'acl-1' } } },
    };
    expectFail(rule, t, /default network ACL/);
  });

  test('Non-compliant 4: fails closed when an association\'s subnet cannot be resolved', () => {
    const t = template({ S: subnet, A: { Type: 'AWS::EC2::SubnetNetworkAclAssociation', Properties: { SubnetId: unknownIf({ Ref: 'S' }, 'subnet-1'), NetworkAclId: 'acl-1' } } });
    expectFail(rule, t, /could not resolve/);
  });

  test('Compliant: SegmentedVpc with default props', () => {
    const { stack } = testStack();
    new SegmentedVpc(stack, 'Net');
    expectPass(rule, stack);
  });
});
