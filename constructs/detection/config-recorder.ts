// Part of ThreatDetection, split by service (issue 8): the AWS Config recorder, its delivery channel,
// bucket and service-linked role, defined in ThreatDetection's scope. Internal: not exported from the
// package.
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as config from 'aws-cdk-lib/aws-config';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { SecureBucket } from '../data/secure-bucket';
import { serviceLinkedRoleArn } from '../private/service-linked-role';

/** What `defineConfigRecorder` needs: ThreatDetection's AWS Config props, under the same names. */
export interface ConfigRecorderOptions {
  readonly existingConfigServiceLinkedRole?: boolean;
  readonly recordGlobalResourceTypes?: boolean;
  /** Prefix of the Config key's data class. */
  readonly dataClassPrefix?: string;
  /** Bucket that receives the Config bucket's server access logs. */
  readonly accessLogsBucket?: s3.IBucket;
}

/** What `defineConfigRecorder` defined. */
export interface ConfigRecording {
  readonly bucket: SecureBucket;
  /** ARN of the role the recorder records with: always AWSServiceRoleForConfig. */
  readonly roleArn: string;
  /** The service-linked role, when defined here. */
  readonly serviceLinkedRole?: iam.CfnServiceLinkedRole;
  readonly recorder: config.CfnConfigurationRecorder;
  readonly channel: config.CfnDeliveryChannel;
}

/**
 * What the recorder records: every supported resource type, and the global IAM types unless
 * `recordGlobalResourceTypes` is false.
 *
 * Global IAM resource types are recorded in one Region per account: recorded in several, every
 * change to them is recorded once per Region, with identical data.
 *
 * @see https://docs.aws.amazon.com/config/latest/APIReference/API_RecordingGroup.html
 * @see https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html
 */
export function configRecordingGroup(recordGlobalResourceTypes?: boolean): config.CfnConfigurationRecorder.RecordingGroupProperty {
  return { allSupported: true, includeGlobalResourceTypes: recordGlobalResourceTypes ?? true };
}

/** Where the Config bucket statements apply, and for which account. */
export interface ConfigBucketPolicyInput {
  /** ARN of the Config bucket. */
  readonly bucketArn: string;
  /** ARN of the objects AWS Config delivers (`AWSLogs/<account>/Config/*`). */
  readonly deliveryPath: string;
  /** The account AWS Config records. */
  readonly account: string;
}

/**
 * The Config bucket policy from the AWS Config guide, scoped to this account. With the service-linked
 * role, AWS Config writes to the bucket as its service principal, so this bucket policy (not a role
 * policy) is what lets it deliver.
 *
 * @see https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-policy.html
 */
export function configBucketStatements(input: ConfigBucketPolicyInput): iam.PolicyStatement[] {
  const configPrincipal = new iam.ServicePrincipal('config.amazonaws.com');
  return [
    new iam.PolicyStatement({
      sid: 'AWSConfigBucketPermissionsCheck',
      principals: [configPrincipal],
      actions: ['s3:GetBucketAcl', 's3:ListBucket'],
      resources: [input.bucketArn],
      conditions: { StringEquals: { 'aws:SourceAccount': input.account } },
    }),
    new iam.PolicyStatement({
      sid: 'AWSConfigBucketDelivery',
      principals: [configPrincipal],
      actions: ['s3:PutObject'],
      resources: [input.deliveryPath],
      conditions: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceAccount': input.account } },
    }),
  ];
}

/**
 * Defines, in `scope`, the Config bucket `ConfigHistory`, the service-linked role
 * `ConfigServiceLinkedRole` (unless `existingConfigServiceLinkedRole`), the recorder `ConfigRecorder`
 * and the delivery channel `ConfigDelivery`, all retained.
 */
export function defineConfigRecorder(scope: Construct, options: ConfigRecorderOptions): ConfigRecording {
  const stack = Stack.of(scope);
  const bucket = new SecureBucket(scope, 'ConfigHistory', {
    dataClass: `${options.dataClassPrefix ?? ''}config-history`,
    accessLogsBucket: options.accessLogsBucket,
  });
  for (const statement of configBucketStatements({
    bucketArn: bucket.bucket.bucketArn,
    deliveryPath: bucket.bucket.arnForObjects(`AWSLogs/${stack.account}/Config/*`),
    account: stack.account,
  })) {
    bucket.bucket.addToResourcePolicy(statement);
  }
  bucket.dataKey?.allowServiceUse({
    service: 'config.amazonaws.com',
    sid: 'AllowConfigDelivery',
    actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
  });

  // Security Hub's Config.1 ("AWS Config should be enabled and use the service-linked role for
  // resource recording"; CIS AWS Foundations v3.0.0 3.3) fails a recorder that records with a
  // customer role, so the recorder uses AWSServiceRoleForConfig. AWS keeps its policy
  // (AWSConfigServiceRolePolicy) current as AWS Config adds resource types.
  // @see https://docs.aws.amazon.com/securityhub/latest/userguide/config-controls.html#config-1
  // @see https://docs.aws.amazon.com/config/latest/developerguide/using-service-linked-roles-config.html
  //
  // How the role comes to exist (it is account-global, one per account):
  // | existingConfigServiceLinkedRole | role in the account | result                                                   |
  // |---------------------------------|---------------------|----------------------------------------------------------|
  // | false (default)                 | absent (fresh)      | AWS::IAM::ServiceLinkedRole defines it; retained         |
  // | false (default)                 | present             | deploy fails: "...has been taken in this account"        |
  // | true                            | present             | the recorder records with it                             |
  // | true                            | absent              | the recorder fails to deploy: define the role first      |
  // A custom resource could tolerate an existing role, but it would add a Lambda function for a
  // one-time switch; the prop keeps the template declarative and the choice visible.
  const roleArn = serviceLinkedRoleArn(scope, 'config.amazonaws.com', 'AWSServiceRoleForConfig');
  let serviceLinkedRole: iam.CfnServiceLinkedRole | undefined;
  if (!options.existingConfigServiceLinkedRole) {
    serviceLinkedRole = new iam.CfnServiceLinkedRole(scope, 'ConfigServiceLinkedRole', {
      awsServiceName: 'config.amazonaws.com',
      description: 'AWS Config records resource configurations with this role (cdk-security-baseline)',
    });
    // Account-global and used by the recorders of every Region: deleting this stack must not
    // delete it (IAM refuses while a recorder uses it, which would fail the deletion).
    serviceLinkedRole.applyRemovalPolicy(RemovalPolicy.RETAIN);
  }

  const recorder = new config.CfnConfigurationRecorder(scope, 'ConfigRecorder', {
    roleArn,
    recordingGroup: configRecordingGroup(options.recordGlobalResourceTypes),
    recordingMode: { recordingFrequency: 'CONTINUOUS' },
  });
  recorder.applyRemovalPolicy(RemovalPolicy.RETAIN);
  if (serviceLinkedRole) recorder.node.addDependency(serviceLinkedRole);
  const channel = new config.CfnDeliveryChannel(scope, 'ConfigDelivery', {
    s3BucketName: bucket.bucket.bucketName,
    s3KmsKeyArn: bucket.encryptionKey.keyArn,
    configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' },
  });
  channel.applyRemovalPolicy(RemovalPolicy.RETAIN);
  // Config needs the recorder before the channel; CloudFormation starts the recorder once the
  // channel exists, and the channel checks the bucket and key policies.
  channel.node.addDependency(recorder);
  if (bucket.bucket.policy) channel.node.addDependency(bucket.bucket.policy);
  if (bucket.dataKey) channel.node.addDependency(bucket.dataKey);
  return { bucket, roleArn, serviceLinkedRole, recorder, channel };
}
