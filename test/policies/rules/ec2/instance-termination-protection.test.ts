import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Bastion } from '../../../../constructs/network/bastion';
import rule from '../../../../policies/rules/ec2/instance-termination-protection';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { instanceProps, smallVpc, template, unknownIf } from './fixtures';

describe('EC2.InstanceTerminationProtection', () => {
  test('Compliant: L2 instance with termination protection', () => {
    const { stack } = testStack();
    new ec2.Instance(stack, 'Instance', { ...instanceProps(smallVpc(stack)), disableApiTermination: true });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 instance without it', () => {
    const { stack } = testStack();
    new ec2.Instance(stack, 'Instance', instanceProps(smallVpc(stack)));
    expectFail(rule, stack, /termination protection is off/);
  });

  test('Non-compliant 2: L1 instance with DisableApiTermination false', () => {
    const { stack } = testStack();
    new ec2.CfnInstance(stack, 'Instance', { imageId: 'ami-1', disableApiTermination: false });
    expectFail(rule, stack);
  });

  test('Compliant: hand-written instance', () => {
    expectPass(rule, template({ I: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', DisableApiTermination: 'true' } } }));
  });

  test('Non-compliant 3: fails closed when the setting cannot be resolved', () => {
    expectFail(rule, template({ I: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', DisableApiTermination: unknownIf(true, false) } } }), /could not resolve/);
  });

  test('Compliant: Bastion with default props; an escape hatch turning protection off is caught', () => {
    const { stack } = testStack();
    new Bastion(stack, 'Bastion', { vpc: smallVpc(stack) });
    expectPass(rule, stack);
    const other = testStack().stack;
    const b = new Bastion(other, 'Bastion', { vpc: smallVpc(other) });
    (b.instance.node.defaultChild as ec2.CfnInstance).addPropertyOverride('DisableApiTermination', false);
    expectFail(rule, other);
  });
});
