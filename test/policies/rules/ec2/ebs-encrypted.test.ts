import { Size } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Bastion } from '../../../../constructs/network/bastion';
import rule from '../../../../policies/rules/ec2/ebs-encrypted';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { instanceProps, smallVpc, template, unknownIf } from './fixtures';

const mapping = (ebs: Record<string, unknown>) => ({ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8, ...ebs } });
const instance = (mappings?: unknown[]) => ({ Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', ...(mappings ? { BlockDeviceMappings: mappings } : {}) } });

describe('EC2.EbsEncrypted', () => {
  test('Compliant: L2 instance with an encrypted root volume, and an encrypted L2 volume', () => {
    const { stack } = testStack();
    new ec2.Instance(stack, 'Instance', {
      ...instanceProps(smallVpc(stack)),
      blockDevices: [{ deviceName: '/dev/xvda', volume: ec2.BlockDeviceVolume.ebs(8, { encrypted: true }) }],
    });
    new ec2.Volume(stack, 'Volume', { availabilityZone: 'eu-west-1a', size: Size.gibibytes(10), encrypted: true });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 instance without block devices (the AMI decides)', () => {
    const { stack } = testStack();
    new ec2.Instance(stack, 'Instance', instanceProps(smallVpc(stack)));
    expectFail(rule, stack, /follows the AMI/);
  });

  test('Compliant: raw L1 volume with Encrypted true', () => {
    const { stack } = testStack();
    new ec2.CfnVolume(stack, 'Volume', { availabilityZone: 'eu-west-1a', size: 10, encrypted: true });
    expectPass(rule, stack);
  });

  test('Non-compliant 2: raw L1 launch template with an unencrypted data volume', () => {
    const { stack } = testStack();
    new ec2.CfnLaunchTemplate(stack, 'Template', {
      launchTemplateData: { blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { encrypted: true } }, { deviceName: '/dev/xvdb', ebs: { volumeSize: 10 } }] },
    });
    expectFail(rule, stack, /device \/dev\/xvdb is not encrypted/);
  });

  test('Compliant: hand-written instance with an encrypted volume and an instance-store device', () => {
    expectPass(rule, template({ I: instance([mapping({ Encrypted: 'true' }), { DeviceName: '/dev/sdb', VirtualName: 'ephemeral0' }]) }));
  });

  test('Non-compliant 3: hand-written instance weakened to Encrypted false', () => {
    expectFail(rule, template({ I: instance([mapping({ Encrypted: false })]) }), /Encrypted false/);
  });

  test('Non-compliant 4: fails closed when Encrypted cannot be resolved', () => {
    expectFail(rule, template({ I: instance([mapping({ Encrypted: unknownIf(true, false) })]) }), /could not resolve/);
  });

  test('Compliant: Bastion with default props', () => {
    const { stack } = testStack();
    new Bastion(stack, 'Bastion', { vpc: smallVpc(stack) });
    expectPass(rule, stack);
  });

  test('Non-compliant 5: an escape hatch that turns off the Bastion volume encryption is caught', () => {
    const { stack } = testStack();
    const bastion = new Bastion(stack, 'Bastion', { vpc: smallVpc(stack) });
    (bastion.instance.node.defaultChild as ec2.CfnInstance).addPropertyOverride('BlockDeviceMappings.0.Ebs.Encrypted', false);
    expectFail(rule, stack, /not encrypted/);
  });
});
