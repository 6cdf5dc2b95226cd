import { Template } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { detectorArn, detectorFeatures, exportFindings, findingsBucketStatements, GuardDutyFeature } from '../../../constructs/detection/guardduty';
import { testStack } from '../../util/stack';

const DETECTOR_ID = '3ec9a1e2f3d4c5b6a7980f1e2d3c4b5a';
const DETECTOR_ARN = `arn:aws:guardduty:eu-west-1:111122223333:detector/${DETECTOR_ID}`;
const INPUT = {
  bucketArn: 'arn:aws:s3:::findings',
  objectsArn: 'arn:aws:s3:::findings/*',
  keyArn: 'arn:aws:kms:eu-west-1:111122223333:key/findings-key',
  account: '111122223333',
  detectorArn: DETECTOR_ARN,
};

describe('GuardDuty (ThreatDetection internals)', () => {
  describe('detectorFeatures', () => {
    test('enables every protection plan, in GuardDutyFeature order, with Runtime Monitoring managing its three agents', () => {
      // WHEN
      const features = detectorFeatures();
      // THEN
      expect(features.map((f) => [f.name, f.status])).toEqual(Object.values(GuardDutyFeature).map((name) => [name, 'ENABLED']));
      expect(features.find((f) => f.name === GuardDutyFeature.RUNTIME_MONITORING)?.additionalConfiguration).toEqual([
        { name: 'EKS_ADDON_MANAGEMENT', status: 'ENABLED' },
        { name: 'ECS_FARGATE_AGENT_MANAGEMENT', status: 'ENABLED' },
        { name: 'EC2_AGENT_MANAGEMENT', status: 'ENABLED' },
      ]);
      expect(features.filter((f) => f.additionalConfiguration !== undefined)).toHaveLength(1);
    });

    test('a disabled plan is listed as DISABLED rather than left out, and the others stay enabled', () => {
      // WHEN
      const features = detectorFeatures([GuardDutyFeature.S3_DATA_EVENTS]);
      // THEN
      expect(features).toHaveLength(Object.values(GuardDutyFeature).length);
      expect(features.filter((f) => f.status === 'DISABLED').map((f) => f.name)).toEqual([GuardDutyFeature.S3_DATA_EVENTS]);
    });

    test('a disabled Runtime Monitoring manages no agent', () => {
      // WHEN
      const runtime = detectorFeatures([GuardDutyFeature.RUNTIME_MONITORING]).find((f) => f.name === GuardDutyFeature.RUNTIME_MONITORING);
      // THEN
      expect(runtime).toEqual({ name: GuardDutyFeature.RUNTIME_MONITORING, status: 'DISABLED' });
    });
  });

  describe('findingsBucketStatements', () => {
    // Service principals are tokens until resolved in a stack.
    const { stack } = testStack();
    const statements: any[] = findingsBucketStatements(INPUT).map((s) => stack.resolve(s.toStatementJson()));
    const bySid = (sid: string) => statements.find((s) => s.Sid === sid);

    test('every statement is for the GuardDuty service principal only', () => {
      expect(statements.map((s) => s.Principal)).toEqual(Array(4).fill({ Service: 'guardduty.amazonaws.com' }));
    });

    test('GuardDuty may locate the bucket and put objects only for this account and this detector', () => {
      const onlyThisDetector = { StringEquals: { 'aws:SourceAccount': INPUT.account, 'aws:SourceArn': DETECTOR_ARN } };
      expect(bySid('AllowGuardDutyGetBucketLocation')).toMatchObject({
        Effect: 'Allow', Action: 's3:GetBucketLocation', Resource: INPUT.bucketArn, Condition: onlyThisDetector,
      });
      expect(bySid('AllowGuardDutyPutFindings')).toMatchObject({
        Effect: 'Allow', Action: 's3:PutObject', Resource: INPUT.objectsArn, Condition: onlyThisDetector,
      });
    });

    test('objects not encrypted with KMS, or encrypted with another key, are denied', () => {
      expect(bySid('DenyGuardDutyUnencryptedFindings')).toMatchObject({
        Effect: 'Deny', Action: 's3:PutObject', Resource: INPUT.objectsArn,
        Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
      });
      expect(bySid('DenyGuardDutyOtherKeys')).toMatchObject({
        Effect: 'Deny', Action: 's3:PutObject', Resource: INPUT.objectsArn,
        Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption-aws-kms-key-id': INPUT.keyArn } },
      });
    });
  });

  test('detectorArn is the regional ARN of the detector in the stack\'s account', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN / THEN
    expect(stack.resolve(detectorArn(stack, DETECTOR_ID))).toEqual(DETECTOR_ARN);
  });

  test('exportFindings defines the bucket and destination in the given scope, the key alias named by the data class prefix', () => {
    // GIVEN
    const { stack } = testStack();
    const scope = new Construct(stack, 'Detection');
    // WHEN
    const { bucket, destination } = exportFindings(scope, DETECTOR_ID, { dataClassPrefix: 'second-' });
    // THEN
    expect(bucket.node.path).toEqual('TestStack/Detection/GuardDutyFindings');
    expect(destination.node.path).toEqual('TestStack/Detection/FindingsExport');
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::GuardDuty::PublishingDestination', { DetectorId: DETECTOR_ID, DestinationType: 'S3' });
    t.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/baseline/second-guardduty-findings' });
  });
});
