import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Bastion } from '../../../../constructs/network/bastion';
import rule from '../../../../policies/rules/ec2/security-group-no-open-ingress';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { smallVpc, template, unknownIf } from './fixtures';

const group = (ingress: unknown[]) => ({ Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', SecurityGroupIngress: ingress } });

describe('EC2.SecurityGroupNoOpenIngress', () => {
  test('Compliant: L2 security group admitting only HTTPS and HTTP from anywhere', () => {
    const { stack } = testStack();
    const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc: smallVpc(stack) });
    sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443));
    sg.addIngressRule(ec2.Peer.anyIpv6(), ec2.Port.tcp(80));
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 security group admitting port 8443 from 0.0.0.0/0', () => {
    const { stack } = testStack();
    const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc: smallVpc(stack) });
    sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(8443));
    expectFail(rule, stack, /tcp 8443 from 0\.0\.0\.0\/0/);
  });

  test('Compliant: raw L1 ingress from a peer network on any port', () => {
    const { stack } = testStack();
    new ec2.CfnSecurityGroupIngress(stack, 'Peer', { groupId: 'sg-12345678', ipProtocol: '-1', cidrIp: '172.16.0.0/12' });
    expectPass(rule, stack);
  });

  test('Non-compliant 2: raw L1 ingress widening 443 to 443-444', () => {
    const { stack } = testStack();
    new ec2.CfnSecurityGroupIngress(stack, 'Wide', { groupId: 'sg-12345678', ipProtocol: 'tcp', fromPort: 443, toPort: 444, cidrIp: '0.0.0.0/0' });
    expectFail(rule, stack, /tcp 443-444/);
  });

  test('Compliant: hand-written template with no ingress at all', () => {
    expectPass(rule, template({ Sg: group([]) }));
  });

  test('Non-compliant 3: hand-written template admitting ICMP from anywhere', () => {
    expectFail(rule, template({ Sg: group([{ CidrIp: '0.0.0.0/0', IpProtocol: 'icmp', FromPort: -1, ToPort: -1 }]) }), /icmp 0-65535/);
  });

  test('Non-compliant 4: fails closed when the protocol cannot be resolved', () => {
    expectFail(rule, template({ Sg: group([{ CidrIp: '0.0.0.0/0', IpProtocol: unknownIf('-1', 'tcp'), FromPort: 443, ToPort: 443 }]) }), /could not resolve/);
  });

  test('Compliant: Bastion with default props', () => {
    const { stack } = testStack();
    new Bastion(stack, 'Bastion', { vpc: smallVpc(stack) });
    expectPass(rule, stack);
  });
});
