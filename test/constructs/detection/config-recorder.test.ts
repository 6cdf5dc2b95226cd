import { Match, Template } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { configBucketStatements, configRecordingGroup, defineConfigRecorder } from '../../../constructs/detection/config-recorder';
import { testStack } from '../../util/stack';

const INPUT = {
  bucketArn: 'arn:aws:s3:::config-history',
  deliveryPath: 'arn:aws:s3:::config-history/AWSLogs/111122223333/Config/*',
  account: '111122223333',
};

describe('AWS Config recorder (ThreatDetection internals)', () => {
  describe('configRecordingGroup', () => {
    test('records every supported type, global IAM types included, by default', () => {
      expect(configRecordingGroup()).toEqual({ allSupported: true, includeGlobalResourceTypes: true });
    });

    test('recordGlobalResourceTypes: false still records every regional type', () => {
      expect(configRecordingGroup(false)).toEqual({ allSupported: true, includeGlobalResourceTypes: false });
    });
  });

  describe('configBucketStatements', () => {
    // Service principals are tokens until resolved in a stack.
    const { stack } = testStack();
    const statements = configBucketStatements(INPUT).map((s) => stack.resolve(s.toStatementJson()));

    test('admit only the AWS Config service principal, never a role', () => {
      expect(statements.map((s) => s.Principal)).toEqual([{ Service: 'config.amazonaws.com' }, { Service: 'config.amazonaws.com' }]);
    });

    test('AWS Config may check the bucket ACL and list it, for this account only', () => {
      expect(statements[0]).toEqual({
        Sid: 'AWSConfigBucketPermissionsCheck',
        Effect: 'Allow',
        Principal: { Service: 'config.amazonaws.com' },
        Action: ['s3:GetBucketAcl', 's3:ListBucket'],
        Resource: INPUT.bucketArn,
        Condition: { StringEquals: { 'aws:SourceAccount': INPUT.account } },
      });
    });

    test('AWS Config may put objects only under its delivery path, owned by the bucket owner, for this account only', () => {
      expect(statements[1]).toEqual({
        Sid: 'AWSConfigBucketDelivery',
        Effect: 'Allow',
        Principal: { Service: 'config.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: INPUT.deliveryPath,
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceAccount': INPUT.account } },
      });
    });
  });

  describe('defineConfigRecorder', () => {
    test('defines bucket, role, recorder and channel in the given scope, the bucket policy delivering under AWSLogs/<account>/Config/', () => {
      // GIVEN
      const { stack } = testStack();
      const scope = new Construct(stack, 'Detection');
      // WHEN
      const recording = defineConfigRecorder(scope, {});
      // THEN
      expect([recording.bucket, recording.serviceLinkedRole!, recording.recorder, recording.channel].map((c) => c.node.path)).toEqual([
        'TestStack/Detection/ConfigHistory',
        'TestStack/Detection/ConfigServiceLinkedRole',
        'TestStack/Detection/ConfigRecorder',
        'TestStack/Detection/ConfigDelivery',
      ]);
      Template.fromStack(stack).hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Sid: 'AWSConfigBucketDelivery',
              Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('ConfigHistoryBucket'), 'Arn'] }, '/AWSLogs/111122223333/Config/*']] },
            }),
          ]),
        },
      });
    });

    test('records with AWSServiceRoleForConfig even when the role is not defined here', () => {
      // GIVEN
      const { stack } = testStack();
      // WHEN
      const recording = defineConfigRecorder(stack, { existingConfigServiceLinkedRole: true });
      // THEN
      expect(recording.serviceLinkedRole).toBeUndefined();
      expect(stack.resolve(recording.roleArn)).toEqual('arn:aws:iam::111122223333:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig');
      Template.fromStack(stack).resourceCountIs('AWS::IAM::ServiceLinkedRole', 0);
    });
  });
});
