import * as ec2 from 'aws-cdk-lib/aws-ec2';
import rule from '../../../../policies/rules/ec2/peering-route-least-access';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from './fixtures';

const route = (dest: Record<string, unknown>) => ({ Type: 'AWS::EC2::Route', Properties: { RouteTableId: 'rtb-1', VpcPeeringConnectionId: 'pcx-1', ...dest } });

describe('EC2.PeeringRouteLeastAccess', () => {
  test('Compliant: L2 VPC whose peering route names the peer CIDR', () => {
    const { stack } = testStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    const peering = new ec2.CfnVPCPeeringConnection(stack, 'Peering', { vpcId: vpc.vpcId, peerVpcId: 'vpc-0123' });
    vpc.isolatedSubnets.forEach((s, i) => new ec2.CfnRoute(stack, `Peer${i}`, { routeTableId: s.routeTable.routeTableId, destinationCidrBlock: '10.20.0.0/16', vpcPeeringConnectionId: peering.ref }));
    expectPass(rule, stack);
  });

  test('Non-compliant 1: raw L1 default route through the peering connection', () => {
    const { stack } = testStack();
    new ec2.CfnRoute(stack, 'AllTraffic', { routeTableId: 'rtb-1', destinationCidrBlock: '0.0.0.0/0', vpcPeeringConnectionId: 'pcx-1' });
    expectFail(rule, stack, /0\.0\.0\.0\/0/);
  });

  test('Compliant: raw L1 route through an internet gateway is not judged, a prefix-list route passes', () => {
    const { stack } = testStack();
    new ec2.CfnRoute(stack, 'Igw', { routeTableId: 'rtb-1', destinationCidrBlock: '0.0.0.0/0', gatewayId: 'igw-1' });
    new ec2.CfnRoute(stack, 'Pl', { routeTableId: 'rtb-1', destinationPrefixListId: 'pl-1', vpcPeeringConnectionId: 'pcx-1' });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written IPv6 route for the peer\'s /56', () => {
    expectPass(rule, template({ R: route({ DestinationIpv6CidrBlock: '2001:db8:1200::/56' }) }));
  });

  test('Non-compliant 2: hand-written route widened from /16 to /8', () => {
    expectFail(rule, template({ R: route({ DestinationCidrBlock: '10.0.0.0/8' }) }), /broader than any peer VPC/);
  });

  test('Non-compliant 3: fails closed when the destination cannot be resolved', () => {
    expectFail(rule, template({ R: route({ DestinationCidrBlock: unknownIf('10.1.0.0/16', '0.0.0.0/0') }) }), /could not resolve/);
  });
});
