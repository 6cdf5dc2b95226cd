// Part of ThreatDetection, split by service (issue 8): GuardDuty's enums and constants, and the
// functions that define its detector and findings export in ThreatDetection's scope. The public enums
// stay exported from ./threat-detection under the same names; the functions are internal.
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { SecureBucket } from '../data/secure-bucket';
import { acknowledgeExternal, EXTERNAL_FINDINGS } from '../private/external-checks';

/**
 * Lowest and highest GuardDuty finding severity.
 *
 * Low 1.0-3.9, Medium 4.0-6.9, High 7.0-8.9, Critical 9.0-10.0 (Critical is used for attack
 * sequences; before it existed the values 9.0-10.0 were reserved).
 *
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings-severity.html
 */
export const GUARDDUTY_SEVERITY_MIN = 1.0;
/** Highest GuardDuty finding severity (Critical). */
export const GUARDDUTY_SEVERITY_MAX = 10.0;
/** Lowest severity of a High GuardDuty finding. A threshold above it silences High findings. */
export const GUARDDUTY_SEVERITY_HIGH = 7.0;

/** GuardDuty protection plans, configured as detector features. */
export enum GuardDutyFeature {
  /** S3 Protection: CloudTrail data events for S3. */
  S3_DATA_EVENTS = 'S3_DATA_EVENTS',
  /** EKS Protection: Kubernetes audit logs. */
  EKS_AUDIT_LOGS = 'EKS_AUDIT_LOGS',
  /** Malware Protection for EC2: scans EBS volumes of instances with suspicious findings. */
  EBS_MALWARE_PROTECTION = 'EBS_MALWARE_PROTECTION',
  /** RDS Protection: Aurora and RDS login activity. */
  RDS_LOGIN_EVENTS = 'RDS_LOGIN_EVENTS',
  /** Lambda Protection: network activity of Lambda functions. */
  LAMBDA_NETWORK_LOGS = 'LAMBDA_NETWORK_LOGS',
  /** Runtime Monitoring for EKS, ECS on Fargate and EC2, with automated agent management. */
  RUNTIME_MONITORING = 'RUNTIME_MONITORING',
}

/** Agent management options of Runtime Monitoring: all enabled when Runtime Monitoring is. */
export const RUNTIME_AGENT_MANAGEMENT = ['EKS_ADDON_MANAGEMENT', 'ECS_FARGATE_AGENT_MANAGEMENT', 'EC2_AGENT_MANAGEMENT'];

/** How often GuardDuty publishes updates to findings it has already reported. */
export enum FindingPublishingFrequency {
  /** Every 15 minutes (the fastest). */
  FIFTEEN_MINUTES = 'FIFTEEN_MINUTES',
  /** Every hour. */
  ONE_HOUR = 'ONE_HOUR',
  /** Every six hours (GuardDuty's own default). */
  SIX_HOURS = 'SIX_HOURS',
}

/** What `defineDetector` needs: ThreatDetection's detector props, under the same names. */
export interface DetectorOptions {
  readonly disabledGuardDutyFeatures?: GuardDutyFeature[];
  readonly findingPublishingFrequency?: FindingPublishingFrequency;
}

/**
 * Every protection plan as a detector feature, in `GuardDutyFeature` order: ENABLED unless listed in
 * `disabled`. An enabled Runtime Monitoring also manages its agents for EKS, ECS on Fargate and EC2;
 * a disabled one manages none.
 */
export function detectorFeatures(disabled: readonly GuardDutyFeature[] = []): guardduty.CfnDetector.CFNFeatureConfigurationProperty[] {
  const off = new Set(disabled);
  return Object.values(GuardDutyFeature).map((name) => {
    const status = off.has(name) ? 'DISABLED' : 'ENABLED';
    if (name === GuardDutyFeature.RUNTIME_MONITORING && status === 'ENABLED') {
      return { name, status, additionalConfiguration: RUNTIME_AGENT_MANAGEMENT.map((n) => ({ name: n, status: 'ENABLED' })) };
    }
    return { name, status };
  });
}

/** Defines the retained GuardDuty detector `Detector` in `scope`. */
export function defineDetector(scope: Construct, options: DetectorOptions): guardduty.CfnDetector {
  const detector = new guardduty.CfnDetector(scope, 'Detector', {
    enable: true,
    features: detectorFeatures(options.disabledGuardDutyFeatures),
    findingPublishingFrequency: options.findingPublishingFrequency ?? FindingPublishingFrequency.FIFTEEN_MINUTES,
  });
  // Deleting the stack must not silently switch threat detection off or drop findings history.
  detector.applyRemovalPolicy(RemovalPolicy.RETAIN);
  acknowledgeExternal(detector, EXTERNAL_FINDINGS.GUARDDUTY_S3_PROTECTION,
      'S3 Protection is on through the S3_DATA_EVENTS detector feature; CT.GUARDDUTY.PR.1 only reads the deprecated DataSources.S3Logs, and GuardDuty rejects a detector that sets both DataSources and Features.');
  return detector;
}

/** ARN of a detector of the stack's account and Region. */
export function detectorArn(scope: Construct, detectorId: string): string {
  return Stack.of(scope).formatArn({ service: 'guardduty', resource: 'detector', resourceName: detectorId });
}

/** Where the findings bucket statements apply, and who may write there. */
export interface FindingsBucketPolicyInput {
  /** ARN of the findings bucket. */
  readonly bucketArn: string;
  /** ARN of every object in the findings bucket. */
  readonly objectsArn: string;
  /** ARN of the key findings must be encrypted with. */
  readonly keyArn: string;
  /** The account GuardDuty exports for. */
  readonly account: string;
  /** ARN of the detector whose findings are exported. */
  readonly detectorArn: string;
}

/**
 * The findings bucket policy from the GuardDuty guide, scoped to this account and this detector:
 * GuardDuty may locate the bucket and put objects, and is denied any object not encrypted with the
 * given key.
 *
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_exportfindings.html
 */
export function findingsBucketStatements(input: FindingsBucketPolicyInput): iam.PolicyStatement[] {
  const onlyThisDetector = { StringEquals: { 'aws:SourceAccount': input.account, 'aws:SourceArn': input.detectorArn } };
  const guardDutyPrincipal = new iam.ServicePrincipal('guardduty.amazonaws.com');
  return [
    new iam.PolicyStatement({
      sid: 'AllowGuardDutyGetBucketLocation',
      principals: [guardDutyPrincipal],
      actions: ['s3:GetBucketLocation'],
      resources: [input.bucketArn],
      conditions: onlyThisDetector,
    }),
    new iam.PolicyStatement({
      sid: 'AllowGuardDutyPutFindings',
      principals: [guardDutyPrincipal],
      actions: ['s3:PutObject'],
      resources: [input.objectsArn],
      conditions: onlyThisDetector,
    }),
    new iam.PolicyStatement({
      sid: 'DenyGuardDutyUnencryptedFindings',
      effect: iam.Effect.DENY,
      principals: [guardDutyPrincipal],
      actions: ['s3:PutObject'],
      resources: [input.objectsArn],
      conditions: { StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
    }),
    new iam.PolicyStatement({
      sid: 'DenyGuardDutyOtherKeys',
      effect: iam.Effect.DENY,
      principals: [guardDutyPrincipal],
      actions: ['s3:PutObject'],
      resources: [input.objectsArn],
      conditions: { StringNotEquals: { 's3:x-amz-server-side-encryption-aws-kms-key-id': input.keyArn } },
    }),
  ];
}

/** What `exportFindings` needs besides the detector. */
export interface FindingsExportOptions {
  /** Prefix of the findings key's data class. */
  readonly dataClassPrefix?: string;
  /** Bucket that receives the findings bucket's server access logs. */
  readonly accessLogsBucket?: s3.IBucket;
}

/**
 * Defines the findings bucket `GuardDutyFindings` and the publishing destination `FindingsExport` of
 * the given detector in `scope`, with the bucket and key policies that admit only this detector.
 */
export function exportFindings(
  scope: Construct,
  detectorId: string,
  options: FindingsExportOptions,
): { bucket: SecureBucket; destination: guardduty.CfnPublishingDestination } {
  const bucket = new SecureBucket(scope, 'GuardDutyFindings', {
    dataClass: `${options.dataClassPrefix ?? ''}guardduty-findings`,
    accessLogsBucket: options.accessLogsBucket,
  });
  const arn = detectorArn(scope, detectorId);
  const key = bucket.encryptionKey;
  for (const statement of findingsBucketStatements({
    bucketArn: bucket.bucket.bucketArn,
    objectsArn: bucket.bucket.arnForObjects('*'),
    keyArn: key.keyArn,
    account: Stack.of(scope).account,
    detectorArn: arn,
  })) {
    bucket.bucket.addToResourcePolicy(statement);
  }
  bucket.dataKey?.allowServiceUse({
    service: 'guardduty.amazonaws.com',
    sid: 'AllowGuardDutyFindingExport',
    actions: ['kms:GenerateDataKey'],
    sourceArn: arn,
  });

  const destination = new guardduty.CfnPublishingDestination(scope, 'FindingsExport', {
    detectorId,
    destinationType: 'S3',
    destinationProperties: { destinationArn: bucket.bucket.bucketArn, kmsKeyArn: key.keyArn },
  });
  // GuardDuty checks the bucket and key policies when the destination is created.
  if (bucket.bucket.policy) destination.node.addDependency(bucket.bucket.policy);
  if (bucket.dataKey) destination.node.addDependency(bucket.dataKey);
  return { bucket, destination };
}
