import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Bastion } from '../../../../constructs/network/bastion';
import rule from '../../../../policies/rules/ec2/instance-ebs-optimized';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { instanceProps, smallVpc, template, unknownIf } from './fixtures';

describe('EC2.InstanceEbsOptimized', () => {
  test('Compliant: L2 instance with ebsOptimized', () => {
    const { stack } = testStack();
    new ec2.Instance(stack, 'Instance', { ...instanceProps(smallVpc(stack)), ebsOptimized: true });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 instance without it', () => {
    const { stack } = testStack();
    new ec2.Instance(stack, 'Instance', instanceProps(smallVpc(stack)));
    expectFail(rule, stack, /not set/);
  });

  test('Non-compliant 2: L1 instance with EbsOptimized false', () => {
    const { stack } = testStack();
    new ec2.CfnInstance(stack, 'Instance', { imageId: 'ami-1', ebsOptimized: false });
    expectFail(rule, stack, /false/);
  });

  test('Compliant: hand-written instance', () => {
    expectPass(rule, template({ I: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', EbsOptimized: true } } }));
  });

  test('Non-compliant 3: fails closed when the setting cannot be resolved', () => {
    expectFail(rule, template({ I: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', EbsOptimized: unknownIf(true, false) } } }), /could not resolve/);
  });

  test('Compliant: Bastion with default props', () => {
    const { stack } = testStack();
    new Bastion(stack, 'Bastion', { vpc: smallVpc(stack) });
    expectPass(rule, stack);
  });
});
