import { Size } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Bastion } from '../../../../constructs/network/bastion';
import rule from '../../../../policies/rules/ec2/ebs-customer-managed-key';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { instanceProps, smallVpc, template, unknownIf } from './fixtures';

const volume = (props: Record<string, unknown>) => ({ Type: 'AWS::EC2::Volume', Properties: { AvailabilityZone: 'eu-west-1a', Size: 10, Encrypted: true, ...props } });

describe('EC2.EbsCustomerManagedKey', () => {
  test('Compliant: L2 instance whose root volume uses a KMS key of the stack', () => {
    const { stack } = testStack();
    new ec2.Instance(stack, 'Instance', {
      ...instanceProps(smallVpc(stack)),
      blockDevices: [{ deviceName: '/dev/xvda', volume: ec2.BlockDeviceVolume.ebs(8, { encrypted: true, kmsKey: new kms.Key(stack, 'Key') }) }],
    });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 volume encrypted with the AWS managed key', () => {
    const { stack } = testStack();
    new ec2.Volume(stack, 'Volume', { availabilityZone: 'eu-west-1a', size: Size.gibibytes(10), encrypted: true });
    expectFail(rule, stack, /no KmsKeyId/);
  });

  test('Compliant: raw L1 volume with a key ARN from elsewhere', () => {
    const { stack } = testStack();
    new ec2.CfnVolume(stack, 'Volume', { availabilityZone: 'eu-west-1a', size: 10, encrypted: true, kmsKeyId: 'arn:aws-cn:kms:cn-north-1:111122223333:key/abc' });
    expectPass(rule, stack);
  });

  test('Non-compliant 2: raw L1 volume naming the aws/ebs alias', () => {
    const { stack } = testStack();
    new ec2.CfnVolume(stack, 'Volume', { availabilityZone: 'eu-west-1a', size: 10, encrypted: true, kmsKeyId: 'alias/aws/ebs' });
    expectFail(rule, stack, /AWS managed key alias\/aws\/ebs/);
  });

  test('Compliant: hand-written volume referring to a key of the template', () => {
    expectPass(rule, template({ Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: {} } }, V: volume({ KmsKeyId: { Ref: 'Key' } }) }));
  });

  test('Non-compliant 3: hand-written volume with encryption turned off', () => {
    expectFail(rule, template({ V: volume({ Encrypted: 'false', KmsKeyId: 'arn:key' }) }), /not encrypted/);
  });

  test('Non-compliant 4: fails closed when the key cannot be resolved', () => {
    expectFail(rule, template({ V: volume({ KmsKeyId: unknownIf('arn:key', 'alias/aws/ebs') }) }), /could not resolve/);
  });

  test('Compliant: Bastion with default props (its DataKey)', () => {
    const { stack } = testStack();
    new Bastion(stack, 'Bastion', { vpc: smallVpc(stack) });
    expectPass(rule, stack);
  });

  test('Non-compliant 5: an escape hatch that drops the Bastion key is caught', () => {
    const { stack } = testStack();
    const bastion = new Bastion(stack, 'Bastion', { vpc: smallVpc(stack) });
    (bastion.instance.node.defaultChild as ec2.CfnInstance).addPropertyDeletionOverride('BlockDeviceMappings.0.Ebs.KmsKeyId');
    expectFail(rule, stack, /no KmsKeyId/);
  });
});
