import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { SegmentedVpc } from '../../../../constructs/network/segmented-vpc';
import rule from '../../../../policies/rules/ec2/network-acl-no-admin-ingress';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { smallVpc, template, unknownIf } from './fixtures';

const entry = (props: Record<string, unknown>) => ({
  Type: 'AWS::EC2::NetworkAclEntry',
  Properties: { NetworkAclId: 'acl-12345678', RuleNumber: 100, RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', ...props },
});

describe('EC2.NetworkAclNoAdminIngress', () => {
  test('Compliant: L2 network ACL allowing HTTPS and denying SSH from anywhere', () => {
    const { stack } = testStack();
    const acl = new ec2.NetworkAcl(stack, 'Acl', { vpc: smallVpc(stack) });
    acl.addEntry('Https', { ruleNumber: 100, cidr: ec2.AclCidr.anyIpv4(), traffic: ec2.AclTraffic.tcpPort(443), direction: ec2.TrafficDirection.INGRESS });
    acl.addEntry('NoSsh', { ruleNumber: 90, cidr: ec2.AclCidr.anyIpv4(), traffic: ec2.AclTraffic.tcpPort(22), ruleAction: ec2.Action.DENY });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 network ACL allowing all traffic from anywhere', () => {
    const { stack } = testStack();
    const acl = new ec2.NetworkAcl(stack, 'Acl', { vpc: smallVpc(stack) });
    acl.addEntry('All', { ruleNumber: 100, cidr: ec2.AclCidr.anyIpv4(), traffic: ec2.AclTraffic.allTraffic() });
    expectFail(rule, stack, /every protocol and port/);
  });

  test('Compliant: raw L1 entry allowing SSH from one network', () => {
    const { stack } = testStack();
    new ec2.CfnNetworkAclEntry(stack, 'Ssh', { networkAclId: 'acl-1', ruleNumber: 50, protocol: 6, ruleAction: 'allow', cidrBlock: '203.0.113.0/24', portRange: { from: 22, to: 22 } });
    expectPass(rule, stack);
  });

  test('Non-compliant 2: raw L1 entry allowing the full ephemeral range 1024-65535 from ::/0 (covers 3389)', () => {
    const { stack } = testStack();
    new ec2.CfnNetworkAclEntry(stack, 'Eph', { networkAclId: 'acl-1', ruleNumber: 500, protocol: 6, ruleAction: 'allow', ipv6CidrBlock: '::/0', portRange: { from: 1024, to: 65535 } });
    expectFail(rule, stack, /includes port 3389/);
  });

  test('Compliant: hand-written template with the split ephemeral ranges and an egress allow-all', () => {
    expectPass(rule, template({
      Low: entry({ Protocol: 6, PortRange: { From: 1024, To: 3388 } }),
      High: entry({ Protocol: 6, PortRange: { From: 3390, To: 65535 } }),
      Out: entry({ Protocol: -1, Egress: true }),
    }));
  });

  test('Non-compliant 3: hand-written template whose TCP entry has no port range', () => {
    expectFail(rule, template({ Tcp: entry({ Protocol: '6' }) }), /every TCP port/);
  });

  test('Non-compliant 4: fails closed when the action cannot be resolved', () => {
    expectFail(rule, template({ Ssh: entry({ Protocol: 6, RuleAction: unknownIf('allow', 'deny'), PortRange: { From: 22, To: 22 } }) }), /could not resolve/);
  });

  test('Compliant: SegmentedVpc with default props and with admin CIDRs', () => {
    const { stack } = testStack();
    new SegmentedVpc(stack, 'Net', { adminIngressCidrs: ['198.51.100.0/24'] });
    expectPass(rule, stack);
  });

  test('Non-compliant 5: an escape hatch widening SegmentedVpc\'s return range is caught', () => {
    const { stack } = testStack();
    const net = new SegmentedVpc(stack, 'Net');
    const low = net.privateNetworkAcl.node.findChild('AllowTcpReturnLowFromAnyIpv4').node.defaultChild as ec2.CfnNetworkAclEntry;
    low.addPropertyOverride('PortRange.To', 65535);
    expectFail(rule, stack, /includes port 3389/);
  });
});
