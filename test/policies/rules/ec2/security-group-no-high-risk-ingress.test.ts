import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Bastion } from '../../../../constructs/network/bastion';
import rule from '../../../../policies/rules/ec2/security-group-no-high-risk-ingress';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { smallVpc, template, unknownIf } from './fixtures';

const group = (ingress: unknown[]) => ({ Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', SecurityGroupIngress: ingress } });

describe('EC2.SecurityGroupNoHighRiskIngress', () => {
  test('Compliant: L2 security group admitting PostgreSQL from the VPC and HTTPS from anywhere', () => {
    const { stack } = testStack();
    const vpc = smallVpc(stack);
    const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc });
    sg.addIngressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(5432));
    sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443));
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 security group admitting MySQL from 0.0.0.0/0', () => {
    const { stack } = testStack();
    const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc: smallVpc(stack) });
    sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(3306));
    expectFail(rule, stack, /high-risk port\(s\) 3306/);
  });

  test('Compliant: raw L1 ingress admitting a high port from anywhere (not high risk)', () => {
    const { stack } = testStack();
    new ec2.CfnSecurityGroupIngress(stack, 'Game', { groupId: 'sg-12345678', ipProtocol: 'udp', fromPort: 27015, toPort: 27015, cidrIp: '0.0.0.0/0' });
    expectPass(rule, stack);
  });

  test('Non-compliant 2: raw L1 ingress admitting SMB over UDP-and-TCP (all protocols) from ::/0', () => {
    const { stack } = testStack();
    new ec2.CfnSecurityGroupIngress(stack, 'All', { groupId: 'sg-12345678', ipProtocol: '-1', cidrIpv6: '::/0' });
    expectFail(rule, stack, /every protocol and port/);
  });

  test('Compliant: hand-written template admitting HTTP from anywhere', () => {
    expectPass(rule, template({ Sg: group([{ CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 80, ToPort: 80 }]) }));
  });

  test('Non-compliant 3: hand-written template widening 8000-8079 to 8000-8100 (covers 8080, 8088)', () => {
    expectFail(rule, template({ Sg: group([{ CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 8000, ToPort: 8100 }]) }), /8080, 8088/);
  });

  test('Non-compliant 4: fails closed when the ports cannot be resolved', () => {
    expectFail(rule, template({ Sg: group([{ CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: unknownIf(3306, 443), ToPort: 3306 }]) }), /could not resolve/);
  });

  test('Compliant: Bastion with default props', () => {
    const { stack } = testStack();
    new Bastion(stack, 'Bastion', { vpc: smallVpc(stack) });
    expectPass(rule, stack);
  });
});
