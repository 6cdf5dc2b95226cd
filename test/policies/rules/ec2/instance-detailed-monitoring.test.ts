import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Bastion } from '../../../../constructs/network/bastion';
import rule from '../../../../policies/rules/ec2/instance-detailed-monitoring';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { instanceProps, smallVpc, template, unknownIf } from './fixtures';

describe('EC2.InstanceDetailedMonitoring', () => {
  test('Compliant: L2 instance and launch template with detailed monitoring', () => {
    const { stack } = testStack();
    new ec2.Instance(stack, 'Instance', { ...instanceProps(smallVpc(stack)), detailedMonitoring: true });
    new ec2.LaunchTemplate(stack, 'Template', { detailedMonitoring: true });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 instance with default monitoring', () => {
    const { stack } = testStack();
    new ec2.Instance(stack, 'Instance', instanceProps(smallVpc(stack)));
    expectFail(rule, stack, /not set/);
  });

  test('Non-compliant 2: L1 launch template with monitoring turned off', () => {
    const { stack } = testStack();
    new ec2.CfnLaunchTemplate(stack, 'Template', { launchTemplateData: { monitoring: { enabled: false } } });
    expectFail(rule, stack, /is off/);
  });

  test('Compliant: hand-written instance with "true"', () => {
    expectPass(rule, template({ I: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', Monitoring: 'true' } } }));
  });

  test('Non-compliant 3: fails closed when monitoring cannot be resolved', () => {
    expectFail(rule, template({ I: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', Monitoring: unknownIf(true, false) } } }), /could not resolve/);
  });

  test('Compliant: Bastion with default props; an escape hatch turning monitoring off is caught', () => {
    const { stack } = testStack();
    new Bastion(stack, 'Bastion', { vpc: smallVpc(stack) });
    expectPass(rule, stack);
    const other = testStack().stack;
    const b = new Bastion(other, 'Bastion', { vpc: smallVpc(other) });
    (b.instance.node.defaultChild as ec2.CfnInstance).addPropertyOverride('Monitoring', false);
    expectFail(rule, other, /is off/);
  });
});
