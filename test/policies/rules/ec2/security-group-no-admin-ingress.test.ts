import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Bastion, BastionIngress } from '../../../../constructs/network/bastion';
import rule from '../../../../policies/rules/ec2/security-group-no-admin-ingress';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { smallVpc, template, unknownIf } from './fixtures';

const group = (ingress: unknown[]) => ({ Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', SecurityGroupIngress: ingress } });

describe('EC2.SecurityGroupNoAdminIngress', () => {
  test('Compliant: L2 security group admitting SSH from a corporate range and HTTPS from anywhere', () => {
    // GIVEN
    const { stack } = testStack();
    const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc: smallVpc(stack) });
    sg.addIngressRule(ec2.Peer.ipv4('10.0.0.0/8'), ec2.Port.tcp(22));
    sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443));
    // THEN
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 security group admitting SSH from 0.0.0.0/0', () => {
    const { stack } = testStack();
    const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc: smallVpc(stack) });
    sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22));
    expectFail(rule, stack, /tcp 22 from 0\.0\.0\.0\/0/);
  });

  test('Non-compliant 2: L2 security group admitting all traffic from ::/0', () => {
    const { stack } = testStack();
    const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc: smallVpc(stack) });
    sg.addIngressRule(ec2.Peer.anyIpv6(), ec2.Port.allTraffic());
    expectFail(rule, stack, /every protocol and port from ::\/0/);
  });

  test('Compliant: raw L1 ingress admitting RDP from one network', () => {
    const { stack } = testStack();
    new ec2.CfnSecurityGroupIngress(stack, 'Rdp', { groupId: 'sg-12345678', ipProtocol: 'tcp', fromPort: 3389, toPort: 3389, cidrIp: '198.51.100.0/24' });
    expectPass(rule, stack);
  });

  test('Non-compliant 3: raw L1 ingress whose port range spans 3389', () => {
    const { stack } = testStack();
    new ec2.CfnSecurityGroupIngress(stack, 'Range', { groupId: 'sg-12345678', ipProtocol: '6', fromPort: 3000, toPort: 3400, cidrIpv6: '::/0' });
    expectFail(rule, stack, /tcp 3000-3400 from ::\/0/);
  });

  test('Compliant: hand-written template admitting HTTPS from anywhere', () => {
    expectPass(rule, template({ Sg: group([{ CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 443, ToPort: 443 }]) }));
  });

  test('Non-compliant 4: hand-written template with string ports that widen HTTPS to every TCP port', () => {
    expectFail(rule, template({ Sg: group([{ CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: '0', ToPort: '65535' }]) }), /tcp 0-65535/);
  });

  test('Non-compliant 5: fails closed when the source CIDR cannot be resolved', () => {
    const ingress = [{ CidrIp: unknownIf('0.0.0.0/0', '10.0.0.0/8'), IpProtocol: 'tcp', FromPort: 22, ToPort: 22 }];
    expectFail(rule, template({ Sg: group(ingress) }), /could not resolve/);
  });

  test('Compliant: Bastion with default props (no inbound rule) and with an allow-listed network', () => {
    const { stack } = testStack();
    const vpc = smallVpc(stack);
    new Bastion(stack, 'Default', { vpc, sessionManagerPreferences: false });
    new Bastion(stack, 'Listed', { vpc, ingress: BastionIngress.fromCidrs('203.0.113.0/24'), sessionManagerPreferences: false, dataClass: 'listed' });
    expectPass(rule, stack);
  });

  test('Non-compliant 6: an escape hatch that opens the Bastion to the internet is caught', () => {
    const { stack } = testStack();
    const bastion = new Bastion(stack, 'Bastion', { vpc: smallVpc(stack) });
    (bastion.securityGroup.node.defaultChild as ec2.CfnSecurityGroup).addPropertyOverride('SecurityGroupIngress', [
      { CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 22, ToPort: 22 },
    ]);
    expectFail(rule, stack, /tcp 22 from 0\.0\.0\.0\/0/);
  });

  test('Compliant: an escape hatch that closes an insecure L2 passes', () => {
    const { stack } = testStack();
    const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc: smallVpc(stack) });
    sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22));
    (sg.node.defaultChild as ec2.CfnSecurityGroup).addPropertyOverride('SecurityGroupIngress.0.CidrIp', '10.0.0.0/8');
    expectPass(rule, stack);
  });
});
