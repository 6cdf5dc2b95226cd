import * as config from 'aws-cdk-lib/aws-config';
import * as kms from 'aws-cdk-lib/aws-kms';
import rule from '../../../../policies/rules/config/delivery-channel-encrypted';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { l2Recorder, recorderTemplate, threatDetection, withUnknownCondition } from './fixtures';

describe('Config.DeliveryChannelEncrypted', () => {
  test('Compliant: ThreatDetection with default props', () => {
    const { stack } = testStack();
    threatDetection(stack);
    expectPass(rule, stack);
  });

  test('Compliant: L2 key on the channel', () => {
    const { stack } = testStack();
    l2Recorder(stack);
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 channel with a key', () => {
    const { stack } = testStack();
    const key = new kms.CfnKey(stack, 'Key', { keyPolicy: {} });
    new config.CfnDeliveryChannel(stack, 'Channel', { s3BucketName: 'b', s3KmsKeyArn: key.attrArn });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, recorderTemplate());
  });

  test('Non-compliant 1: escape hatch removes the key of the ThreatDetection channel', () => {
    const { stack } = testStack();
    const td = threatDetection(stack);
    td.deliveryChannel!.addPropertyDeletionOverride('S3KmsKeyArn');
    expectFail(rule, stack, /no S3KmsKeyArn/);
  });

  test('Non-compliant 2: raw L1 channel without a key', () => {
    const { stack } = testStack();
    new config.CfnDeliveryChannel(stack, 'Channel', { s3BucketName: 'b' });
    expectFail(rule, stack, /no S3KmsKeyArn/);
  });

  test('Non-compliant 3: hand-written channel with the AWS managed S3 key', () => {
    expectFail(rule, recorderTemplate({}, { S3KmsKeyArn: 'alias/aws/s3' }), /AWS managed key/);
  });

  test('Non-compliant 4: fails closed on an unknown condition', () => {
    expectFail(rule, withUnknownCondition(recorderTemplate({}, { S3KmsKeyArn: { 'Fn::If': ['Prod', 'arn:k', { Ref: 'AWS::NoValue' }] } })), /could not resolve/);
  });
});
