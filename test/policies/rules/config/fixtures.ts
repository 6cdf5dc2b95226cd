// AWS Config fixtures shared by the Config rule tests.
import { Stack } from 'aws-cdk-lib';
import * as config from 'aws-cdk-lib/aws-config';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { ThreatDetection, ThreatDetectionProps } from '../../../../constructs/detection/threat-detection';

/** The service-linked role ARN of AWS Config, spelled with pseudo parameters. */
export const SLR_ARN = { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig' };

/** ThreatDetection with an encrypted alert topic. */
export function threatDetection(stack: Stack, props: Partial<ThreatDetectionProps> = {}): ThreatDetection {
  const alertTopic = new sns.Topic(stack, 'Alerts', { masterKey: new kms.Key(stack, 'AlertsKey', { enableKeyRotation: true }) });
  return new ThreatDetection(stack, 'Threats', { alertTopic, ...props });
}

/** A recorder built from L2 pieces (the service-linked role, an L2 bucket and key) and the L1 recorder. */
export function l2Recorder(stack: Stack, global = true): { recorder: config.CfnConfigurationRecorder; channel: config.CfnDeliveryChannel } {
  const slr = new iam.CfnServiceLinkedRole(stack, 'ConfigSlr', { awsServiceName: 'config.amazonaws.com' });
  const key = new kms.Key(stack, 'ConfigKey', { enableKeyRotation: true });
  const bucket = new s3.Bucket(stack, 'ConfigBucket', { encryptionKey: key });
  const recorder = new config.CfnConfigurationRecorder(stack, 'Recorder', {
    roleArn: stack.formatArn({ service: 'iam', region: '', resource: 'role', resourceName: `aws-service-role/config.amazonaws.com/${slr.ref}` }),
    recordingGroup: { allSupported: true, includeGlobalResourceTypes: global },
  });
  const channel = new config.CfnDeliveryChannel(stack, 'Channel', { s3BucketName: bucket.bucketName, s3KmsKeyArn: key.keyArn });
  return { recorder, channel };
}

/** A hand-written recorder and delivery channel. */
export function recorderTemplate(recorder: Record<string, unknown> = {}, channel: Record<string, unknown> = {}, more: Record<string, unknown> = {}): Record<string, any> {
  return {
    Resources: {
      Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: {} } },
      Recorder: {
        Type: 'AWS::Config::ConfigurationRecorder',
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: { RoleARN: SLR_ARN, RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: true }, ...recorder },
      },
      Channel: {
        Type: 'AWS::Config::DeliveryChannel',
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: { S3BucketName: 'config-history', S3KmsKeyArn: { 'Fn::GetAtt': ['Key', 'Arn'] }, ...channel },
      },
      ...more,
    },
  };
}

/** A template with a parameter without default and a condition over it (for fail-closed cases). */
export function withUnknownCondition(template: Record<string, any>): Record<string, any> {
  return { Parameters: { Env: { Type: 'String' } }, Conditions: { Prod: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } }, ...template };
}
