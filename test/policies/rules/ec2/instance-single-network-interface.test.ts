import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Bastion } from '../../../../constructs/network/bastion';
import rule from '../../../../policies/rules/ec2/instance-single-network-interface';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { instanceProps, smallVpc, template, unknownIf } from './fixtures';

const nic = (i: number) => ({ DeviceIndex: String(i), SubnetId: `subnet-${i}` });

describe('EC2.InstanceSingleNetworkInterface', () => {
  test('Compliant: L2 instance', () => {
    const { stack } = testStack();
    new ec2.Instance(stack, 'Instance', instanceProps(smallVpc(stack)));
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L1 instance with two network interfaces', () => {
    const { stack } = testStack();
    new ec2.CfnInstance(stack, 'Instance', { imageId: 'ami-1', networkInterfaces: [{ deviceIndex: '0', subnetId: 'a' }, { deviceIndex: '1', subnetId: 'b' }] });
    expectFail(rule, stack, /2 network interfaces/);
  });

  test('Compliant: hand-written instance with one interface', () => {
    expectPass(rule, template({ I: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', NetworkInterfaces: [nic(0)] } } }));
  });

  test('Non-compliant 2: hand-written instance with a second interface added', () => {
    expectFail(rule, template({ I: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', NetworkInterfaces: [nic(0), nic(1), nic(2)] } } }), /3 network/);
  });

  test('Non-compliant 3: fails closed when the interfaces cannot be resolved', () => {
    expectFail(rule, template({ I: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', NetworkInterfaces: unknownIf([nic(0)], [nic(0), nic(1)]) } } }), /could not resolve/);
  });

  test('Compliant: Bastion with default props', () => {
    const { stack } = testStack();
    new Bastion(stack, 'Bastion', { vpc: smallVpc(stack) });
    expectPass(rule, stack);
  });
});
