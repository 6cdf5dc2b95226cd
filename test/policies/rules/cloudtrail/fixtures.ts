// CloudTrail fixtures shared by the CloudTrail rule tests.
import { Stack } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';

/** A compliant L2 trail: multi-Region, validated, KMS, CloudWatch Logs, to an access-logged bucket. */
export function l2Trail(stack: Stack, props: Partial<cloudtrail.TrailProps> = {}): cloudtrail.Trail {
  const logsBucket = new s3.Bucket(stack, 'AccessLogs');
  const bucket = new s3.Bucket(stack, 'TrailBucket', { serverAccessLogsBucket: logsBucket, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, enforceSSL: true });
  return new cloudtrail.Trail(stack, 'Trail', {
    bucket,
    encryptionKey: new kms.Key(stack, 'Key', { enableKeyRotation: true }),
    isMultiRegionTrail: true,
    includeGlobalServiceEvents: true,
    enableFileValidation: true,
    sendToCloudWatchLogs: true,
    cloudWatchLogGroup: new logs.LogGroup(stack, 'TrailLogs'),
    ...props,
  });
}

/** A compliant raw L1 trail. */
export function l1Trail(stack: Stack, props: Partial<cloudtrail.CfnTrailProps> = {}): cloudtrail.CfnTrail {
  const logsBucket = new s3.CfnBucket(stack, 'AccessLogs');
  const bucket = new s3.CfnBucket(stack, 'TrailBucket', {
    loggingConfiguration: { destinationBucketName: logsBucket.ref },
    publicAccessBlockConfiguration: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
  });
  const key = new kms.CfnKey(stack, 'Key', { keyPolicy: {}, enableKeyRotation: true });
  const trail = new cloudtrail.CfnTrail(stack, 'Trail', {
    isLogging: true,
    s3BucketName: bucket.ref,
    kmsKeyId: key.attrArn,
    isMultiRegionTrail: true,
    includeGlobalServiceEvents: true,
    enableLogFileValidation: true,
    cloudWatchLogsLogGroupArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:trail:*',
    cloudWatchLogsRoleArn: 'arn:aws:iam::111122223333:role/trail-logs',
    ...props,
  });
  trail.cfnOptions.deletionPolicy = undefined;
  return trail;
}

/** A compliant hand-written trail template; `trail` and `bucket` override properties. */
export function trailTemplate(trail: Record<string, unknown> = {}, bucket: Record<string, unknown> = {}, more: Record<string, unknown> = {}): Record<string, any> {
  return {
    Resources: {
      Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: {} } },
      Logs: { Type: 'AWS::S3::Bucket' },
      Bucket: { Type: 'AWS::S3::Bucket', Properties: { LoggingConfiguration: { DestinationBucketName: { Ref: 'Logs' } }, ...bucket } },
      Trail: {
        Type: 'AWS::CloudTrail::Trail',
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: {
          IsLogging: true,
          S3BucketName: { Ref: 'Bucket' },
          KMSKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] },
          IsMultiRegionTrail: true,
          EnableLogFileValidation: 'true',
          CloudWatchLogsLogGroupArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:trail:*',
          CloudWatchLogsRoleArn: 'arn:aws:iam::111122223333:role/trail-logs',
          ...trail,
        },
      },
      ...more,
    },
  };
}

/** A template with a parameter without default and a condition over it (for fail-closed cases). */
export function withUnknownCondition(template: Record<string, any>): Record<string, any> {
  return { Parameters: { Env: { Type: 'String' } }, Conditions: { Prod: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } }, ...template };
}
