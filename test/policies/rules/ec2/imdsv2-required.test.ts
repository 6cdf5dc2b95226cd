import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Bastion } from '../../../../constructs/network/bastion';
import rule from '../../../../policies/rules/ec2/imdsv2-required';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { instanceProps, smallVpc, template, unknownIf } from './fixtures';

const instance = (metadata?: unknown) => ({ Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', SubnetId: 'subnet-1', ...(metadata ? { MetadataOptions: metadata } : {}) } });

describe('EC2.Imdsv2Required', () => {
  test('Compliant: L2 instance with requireImdsv2 (through its launch template) and an L2 launch template', () => {
    const { stack } = testStack();
    new ec2.Instance(stack, 'Instance', { ...instanceProps(smallVpc(stack)), requireImdsv2: true });
    new ec2.LaunchTemplate(stack, 'Template', { requireImdsv2: true });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 instance and launch template without requireImdsv2', () => {
    const { stack } = testStack();
    new ec2.Instance(stack, 'Instance', instanceProps(smallVpc(stack)));
    new ec2.LaunchTemplate(stack, 'Template', {});
    expectFail(rule, stack, /HttpTokens is not set/);
  });

  test('Compliant: raw L1 instance with HttpTokens required', () => {
    const { stack } = testStack();
    new ec2.CfnInstance(stack, 'Instance', { imageId: 'ami-1', metadataOptions: { httpTokens: 'required' } });
    expectPass(rule, stack);
  });

  test('Non-compliant 2: raw L1 launch template weakened to HttpTokens optional', () => {
    const { stack } = testStack();
    new ec2.CfnLaunchTemplate(stack, 'Template', { launchTemplateData: { metadataOptions: { httpTokens: 'optional' } } });
    expectFail(rule, stack, /HttpTokens "optional"/);
  });

  test('Compliant: hand-written template with the endpoint disabled', () => {
    expectPass(rule, template({ I: instance({ HttpEndpoint: 'disabled' }) }));
  });

  test('Non-compliant 3: hand-written instance without metadata options', () => {
    expectFail(rule, template({ I: instance() }), /not set/);
  });

  test('Non-compliant 4: fails closed when HttpTokens cannot be resolved', () => {
    expectFail(rule, template({ I: instance({ HttpTokens: unknownIf('required', 'optional') }) }), /could not resolve/);
  });

  test('Non-compliant 5: fails closed when the launch template is outside the templates', () => {
    const t = template({ I: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', LaunchTemplate: { LaunchTemplateId: 'lt-0123', Version: '1' } } } });
    expectFail(rule, t, /could not resolve/);
  });

  test('Compliant: Bastion with default props', () => {
    const { stack } = testStack();
    new Bastion(stack, 'Bastion', { vpc: smallVpc(stack) });
    expectPass(rule, stack);
  });

  test('Non-compliant 6: an escape hatch that re-enables IMDSv1 on the Bastion is caught', () => {
    const { stack } = testStack();
    const bastion = new Bastion(stack, 'Bastion', { vpc: smallVpc(stack) });
    (bastion.instance.node.defaultChild as ec2.CfnInstance).addPropertyOverride('MetadataOptions.HttpTokens', 'optional');
    expectFail(rule, stack, /accepts IMDSv1/);
  });

  test('Compliant: an escape hatch that requires IMDSv2 on an insecure L2 instance passes', () => {
    const { stack } = testStack();
    const i = new ec2.Instance(stack, 'Instance', instanceProps(smallVpc(stack)));
    (i.node.defaultChild as ec2.CfnInstance).addPropertyOverride('MetadataOptions.HttpTokens', 'required');
    expectPass(rule, stack);
  });
});
