import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Bastion } from '../../../../constructs/network/bastion';
import rule from '../../../../policies/rules/ec2/imds-hop-limit';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { instanceProps, smallVpc, template, unknownIf } from './fixtures';

const instance = (metadata: unknown) => ({ Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', MetadataOptions: metadata } });

describe('EC2.ImdsHopLimit', () => {
  test('Compliant: L2 launch template with a hop limit of 1', () => {
    const { stack } = testStack();
    new ec2.LaunchTemplate(stack, 'Template', { requireImdsv2: true, httpPutResponseHopLimit: 1 });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 instance with requireImdsv2 but no hop limit', () => {
    const { stack } = testStack();
    new ec2.Instance(stack, 'Instance', { ...instanceProps(smallVpc(stack)), requireImdsv2: true });
    expectFail(rule, stack, /not set/);
  });

  test('Compliant: raw L1 instance with a hop limit of 1', () => {
    const { stack } = testStack();
    new ec2.CfnInstance(stack, 'Instance', { imageId: 'ami-1', metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 1 } });
    expectPass(rule, stack);
  });

  test('Non-compliant 2: raw L1 launch template with a hop limit of 2', () => {
    const { stack } = testStack();
    new ec2.CfnLaunchTemplate(stack, 'Template', { launchTemplateData: { metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 2 } } });
    expectFail(rule, stack, /HttpPutResponseHopLimit 2/);
  });

  test('Compliant: hand-written template with the limit as a string', () => {
    expectPass(rule, template({ I: instance({ HttpTokens: 'required', HttpPutResponseHopLimit: '1' }) }));
  });

  test('Non-compliant 3: hand-written template weakened to 3 hops', () => {
    expectFail(rule, template({ I: instance({ HttpTokens: 'required', HttpPutResponseHopLimit: '3' }) }), /HttpPutResponseHopLimit 3/);
  });

  test('Non-compliant 4: fails closed when the limit cannot be resolved', () => {
    expectFail(rule, template({ I: instance({ HttpPutResponseHopLimit: unknownIf(1, 2) }) }), /could not resolve/);
  });

  test('Compliant: Bastion with default props', () => {
    const { stack } = testStack();
    new Bastion(stack, 'Bastion', { vpc: smallVpc(stack) });
    expectPass(rule, stack);
  });
});
