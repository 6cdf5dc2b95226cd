import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Bastion } from '../../../../constructs/network/bastion';
import rule from '../../../../policies/rules/ec2/source-dest-check';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { instanceProps, smallVpc, template, unknownIf } from './fixtures';

describe('EC2.SourceDestCheck', () => {
  test('Compliant: L2 instance with the default check', () => {
    const { stack } = testStack();
    new ec2.Instance(stack, 'Instance', instanceProps(smallVpc(stack)));
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 instance with sourceDestCheck false (a NAT instance)', () => {
    const { stack } = testStack();
    new ec2.Instance(stack, 'Instance', { ...instanceProps(smallVpc(stack)), sourceDestCheck: false });
    expectFail(rule, stack, /forwards traffic/);
  });

  test('Non-compliant 2: L1 network interface with the check off', () => {
    const { stack } = testStack();
    new ec2.CfnNetworkInterface(stack, 'Eni', { subnetId: 'subnet-1', sourceDestCheck: false });
    expectFail(rule, stack);
  });

  test('Compliant: hand-written interface with "true"', () => {
    expectPass(rule, template({ E: { Type: 'AWS::EC2::NetworkInterface', Properties: { SubnetId: 'subnet-1', SourceDestCheck: 'true' } } }));
  });

  test('Non-compliant 3: fails closed when the check cannot be resolved', () => {
    expectFail(rule, template({ E: { Type: 'AWS::EC2::NetworkInterface', Properties: { SubnetId: 'subnet-1', SourceDestCheck: unknownIf(true, false) } } }), /could not resolve/);
  });

  test('Compliant: Bastion with default props', () => {
    const { stack } = testStack();
    new Bastion(stack, 'Bastion', { vpc: smallVpc(stack) });
    expectPass(rule, stack);
  });
});
