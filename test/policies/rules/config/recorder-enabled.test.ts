import { Stack } from 'aws-cdk-lib';
import * as config from 'aws-cdk-lib/aws-config';
import * as s3 from 'aws-cdk-lib/aws-s3';
import rule from '../../../../policies/rules/config/recorder-enabled';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { l2Recorder, recorderTemplate, threatDetection, withUnknownCondition } from './fixtures';

describe('Config.RecorderEnabled', () => {
  test('Compliant: L2 pieces with the service-linked role, two Regions, global types in the home Region only', () => {
    const { app, stack } = testStack();
    l2Recorder(stack, true);
    const other = new Stack(app, 'UsEast1', { env: { account: '111122223333', region: 'us-east-1' } });
    l2Recorder(other, false);
    const results = expectPass(rule, [stack, other]);
    expect(results).toHaveLength(2);
  });

  test('Compliant: raw L1 recorder with the literal service-linked role ARN', () => {
    const { stack } = testStack();
    new config.CfnConfigurationRecorder(stack, 'Recorder', {
      roleArn: `arn:${stack.partition}:iam::${stack.account}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
    });
    new config.CfnDeliveryChannel(stack, 'Channel', { s3BucketName: 'config-history' });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, recorderTemplate());
  });

  test('Non-compliant 1: no recorder (removed): the finding names the stack', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket');
    const [failure] = expectFail(rule, stack, /no AWS Config recorder records eu-west-1/);
    expect(failure.logicalId).toBeNull();
    expect(failure.stack).toBe('TestStack');
  });

  test('Non-compliant 2: a second Region without a recorder: the finding names that stack', () => {
    const { app, stack } = testStack();
    l2Recorder(stack);
    const other = new Stack(app, 'UsEast1', { env: { account: '111122223333', region: 'us-east-1' } });
    new s3.Bucket(other, 'Bucket');
    const failures = expectFail(rule, [stack, other], /no AWS Config recorder records us-east-1/);
    expect(failures.map((f) => [f.stack, f.logicalId])).toEqual([['UsEast1', null]]);
  });

  test('Non-compliant 3: global types recorded in two Regions: the finding names the second recorder', () => {
    const { app, stack } = testStack();
    l2Recorder(stack, true);
    const other = new Stack(app, 'UsEast1', { env: { account: '111122223333', region: 'us-east-1' } });
    const { recorder } = l2Recorder(other, true);
    const [failure] = expectFail(rule, [stack, other], /already recorded by .*eu-west-1.*one Region only/);
    expect([failure.stack, failure.logicalId]).toEqual(['UsEast1', other.resolve(recorder.logicalId)]);
  });

  test('Non-compliant 4: ThreatDetection whose recorder is overridden to a customer role (broken): the finding names the recorder', () => {
    const { stack } = testStack();
    const td = threatDetection(stack);
    td.configRecorder!.addPropertyOverride('RoleARN', 'arn:aws:iam::111122223333:role/my-config-role');
    const [failure] = expectFail(rule, stack, /does not record with the service-linked role/);
    expect(failure.logicalId).toBe(stack.resolve(td.configRecorder!.logicalId));
  });

  test('Non-compliant 5: raw L1 recorder without a delivery channel', () => {
    const { stack } = testStack();
    const { channel } = l2Recorder(stack);
    stack.node.tryRemoveChild(channel.node.id);
    expectFail(rule, stack, /no AWS::Config::DeliveryChannel exists/);
  });

  test('Non-compliant 6: hand-written recorder not recording global types anywhere', () => {
    expectFail(rule, recorderTemplate({ RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: false } }), /no recorder of the templates records the global IAM resource types/);
  });

  test('Non-compliant 7: hand-written recorder with a role built from a custom role resource', () => {
    const template = recorderTemplate({ RoleARN: { 'Fn::GetAtt': ['Role', 'Arn'] } }, {}, { Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } } });
    expectFail(rule, template, /service-linked role/);
  });

  test('Non-compliant 8: fails closed when the role depends on an unknown condition', () => {
    expectFail(rule, withUnknownCondition(recorderTemplate({ RoleARN: { 'Fn::If': ['Prod', 'arn:x', 'arn:y'] } })), /could not resolve the recorder's RoleARN/);
  });
});
