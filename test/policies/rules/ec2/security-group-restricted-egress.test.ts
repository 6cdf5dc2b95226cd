import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Bastion } from '../../../../constructs/network/bastion';
import { SegmentedVpc } from '../../../../constructs/network/segmented-vpc';
import rule from '../../../../policies/rules/ec2/security-group-restricted-egress';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { smallVpc, template, unknownIf } from './fixtures';

const group = (egress: unknown[]) => ({ Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', SecurityGroupEgress: egress } });

describe('EC2.SecurityGroupRestrictedEgress', () => {
  test('Compliant: L2 security group with HTTPS out only', () => {
    const { stack } = testStack();
    const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc: smallVpc(stack), allowAllOutbound: false });
    sg.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443));
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 security group with the default allow-all outbound', () => {
    const { stack } = testStack();
    new ec2.SecurityGroup(stack, 'Sg', { vpc: smallVpc(stack) });
    expectFail(rule, stack, /every protocol and port to 0\.0\.0\.0\/0/);
  });

  test('Non-compliant 2: raw L1 egress of every TCP port to ::/0', () => {
    const { stack } = testStack();
    new ec2.CfnSecurityGroupEgress(stack, 'Out', { groupId: 'sg-1', ipProtocol: 'tcp', fromPort: 0, toPort: 65535, cidrIpv6: '::/0' });
    expectFail(rule, stack, /tcp 0-65535 to ::\/0/);
  });

  test('Compliant: raw L1 egress of all traffic inside the VPC', () => {
    const { stack } = testStack();
    new ec2.CfnSecurityGroupEgress(stack, 'Out', { groupId: 'sg-1', ipProtocol: '-1', cidrIp: '10.0.0.0/16' });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written group with DNS and HTTPS out', () => {
    expectPass(rule, template({ Sg: group([{ CidrIp: '0.0.0.0/0', IpProtocol: 'udp', FromPort: 53, ToPort: 53 }, { CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 443, ToPort: 443 }]) }));
  });

  test('Non-compliant 3: hand-written group widened to protocol "-1"', () => {
    expectFail(rule, template({ Sg: group([{ CidrIp: '0.0.0.0/0', IpProtocol: '-1' }]) }));
  });

  test('Non-compliant 4: fails closed when the destination cannot be resolved', () => {
    expectFail(rule, template({ Sg: group([{ CidrIp: unknownIf('0.0.0.0/0', '10.0.0.0/8'), IpProtocol: '-1' }]) }), /could not resolve/);
  });

  test('Compliant: Bastion and SegmentedVpc (interface endpoints) with default props', () => {
    const { stack } = testStack();
    const net = new SegmentedVpc(stack, 'Net', { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM] });
    new Bastion(stack, 'Bastion', { vpc: net.vpc });
    expectPass(rule, stack);
  });

  test('Non-compliant 5: an escape hatch opening the Bastion egress is caught', () => {
    const { stack } = testStack();
    const b = new Bastion(stack, 'Bastion', { vpc: smallVpc(stack) });
    (b.securityGroup.node.defaultChild as ec2.CfnSecurityGroup).addPropertyOverride('SecurityGroupEgress', [{ CidrIp: '0.0.0.0/0', IpProtocol: '-1' }]);
    expectFail(rule, stack);
  });
});
