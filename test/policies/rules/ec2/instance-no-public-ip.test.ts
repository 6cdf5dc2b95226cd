import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Bastion } from '../../../../constructs/network/bastion';
import rule from '../../../../policies/rules/ec2/instance-no-public-ip';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { instanceProps, smallVpc, template, unknownIf } from './fixtures';

const subnet = (map: unknown) => ({ Type: 'AWS::EC2::Subnet', Properties: { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/24', MapPublicIpOnLaunch: map } });
const instance = (props: Record<string, unknown>) => ({ Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', ...props } });

describe('EC2.InstanceNoPublicIp', () => {
  test('Compliant: L2 instance in a private subnet', () => {
    const { stack } = testStack();
    new ec2.Instance(stack, 'Instance', { ...instanceProps(smallVpc(stack)), vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 instance in a public subnet that assigns public IPs', () => {
    const { stack } = testStack();
    new ec2.Instance(stack, 'Instance', { ...instanceProps(smallVpc(stack)), vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } });
    expectFail(rule, stack, /assigns public IPs/);
  });

  test('Compliant: raw L1 launch template that asks for no public IP', () => {
    const { stack } = testStack();
    new ec2.CfnLaunchTemplate(stack, 'Template', { launchTemplateData: { networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: false }] } });
    expectPass(rule, stack);
  });

  test('Non-compliant 2: raw L1 instance whose network interface asks for a public IP', () => {
    const { stack } = testStack();
    new ec2.CfnInstance(stack, 'Instance', { imageId: 'ami-1', networkInterfaces: [{ deviceIndex: '0', subnetId: 'subnet-1', associatePublicIpAddress: true }] });
    expectFail(rule, stack, /asks for a public IP/);
  });

  test('Compliant: hand-written instance in a subnet of the template that assigns no public IPs', () => {
    expectPass(rule, template({ S: subnet(false), I: instance({ SubnetId: { Ref: 'S' } }) }));
  });

  test('Non-compliant 3: hand-written instance whose subnet was switched to assign public IPs', () => {
    expectFail(rule, template({ S: subnet('true'), I: instance({ SubnetId: { Ref: 'S' } }) }), /MapPublicIpOnLaunch true/);
  });

  test('Non-compliant 4: hand-written instance with no subnet (default VPC)', () => {
    expectFail(rule, template({ I: instance({}) }), /default VPC/);
  });

  test('Non-compliant 5: fails closed when AssociatePublicIpAddress cannot be resolved', () => {
    const t = template({ I: instance({ NetworkInterfaces: [{ DeviceIndex: '0', SubnetId: 'subnet-1', AssociatePublicIpAddress: unknownIf(true, false) }] }) });
    expectFail(rule, t, /could not resolve/);
  });

  test('Non-compliant 6: fails closed when the subnet is outside the templates', () => {
    expectFail(rule, template({ I: instance({ SubnetId: 'subnet-0123' }) }), /could not resolve/);
  });

  test('Compliant: Bastion with default props', () => {
    const { stack } = testStack();
    new Bastion(stack, 'Bastion', { vpc: smallVpc(stack) });
    expectPass(rule, stack);
  });

  test('Non-compliant 7: an escape hatch giving the Bastion a public IP is caught', () => {
    const { stack } = testStack();
    const bastion = new Bastion(stack, 'Bastion', { vpc: smallVpc(stack) });
    (bastion.instance.node.defaultChild as ec2.CfnInstance).addPropertyOverride('NetworkInterfaces.0.AssociatePublicIpAddress', true);
    expectFail(rule, stack, /asks for a public IP/);
  });
});
