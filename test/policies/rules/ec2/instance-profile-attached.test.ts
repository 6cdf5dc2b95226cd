import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Bastion } from '../../../../constructs/network/bastion';
import rule from '../../../../policies/rules/ec2/instance-profile-attached';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { instanceProps, smallVpc, template, unknownIf } from './fixtures';

describe('EC2.InstanceProfileAttached', () => {
  test('Compliant: L2 instance (the CDK gives it a role)', () => {
    const { stack } = testStack();
    new ec2.Instance(stack, 'Instance', instanceProps(smallVpc(stack)));
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L1 instance without an instance profile', () => {
    const { stack } = testStack();
    new ec2.CfnInstance(stack, 'Instance', { imageId: 'ami-1' });
    expectFail(rule, stack, /no instance profile/);
  });

  test('Compliant: L1 instance whose launch template sets the profile', () => {
    const { stack } = testStack();
    const lt = new ec2.CfnLaunchTemplate(stack, 'Template', { launchTemplateData: { iamInstanceProfile: { name: 'profile' } } });
    new ec2.CfnInstance(stack, 'Instance', { imageId: 'ami-1', launchTemplate: { launchTemplateId: lt.ref, version: lt.attrLatestVersionNumber } });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written instance with a profile name', () => {
    expectPass(rule, template({ I: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', IamInstanceProfile: 'profile' } } }));
  });

  test('Non-compliant 2: hand-written instance whose profile was removed with AWS::NoValue', () => {
    expectFail(rule, template({ I: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', IamInstanceProfile: { Ref: 'AWS::NoValue' } } } }));
  });

  test('Non-compliant 3: fails closed when the profile cannot be resolved', () => {
    expectFail(rule, template({ I: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', IamInstanceProfile: unknownIf('p', { Ref: 'AWS::NoValue' }) } } }), /could not resolve/);
  });

  test('Compliant: Bastion with default props', () => {
    const { stack } = testStack();
    new Bastion(stack, 'Bastion', { vpc: smallVpc(stack) });
    expectPass(rule, stack);
  });
});
