import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AuditTrail } from '../../../../constructs/detection/audit-trail';
import rule from '../../../../policies/rules/cloudtrail/bucket-policy-scoped';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { l1Trail, l2Trail, trailTemplate, withUnknownCondition } from './fixtures';

const TRAIL_ARN = 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/audit';
const write = (condition?: Record<string, unknown>) => ({
  Sid: 'Write', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: { 'Fn::Sub': '${Bucket.Arn}/AWSLogs/*' }, Condition: condition,
});
const policy = (statement: Record<string, unknown>) => ({ Policy: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'Bucket' }, PolicyDocument: { Statement: [statement] } } } });

describe('CloudTrail.BucketPolicyScoped', () => {
  test('Compliant: AuditTrail with default props', () => {
    const { stack } = testStack();
    new AuditTrail(stack, 'Audit');
    expectPass(rule, stack);
  });

  test('Compliant: L2 bucket with scoped statements and an L1 trail', () => {
    const { stack } = testStack();
    const bucket = new s3.Bucket(stack, 'Logs');
    bucket.addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')], actions: ['s3:PutObject'], resources: [bucket.arnForObjects('AWSLogs/*')],
      conditions: { StringEquals: { 'aws:SourceArn': TRAIL_ARN } },
    }));
    new cloudtrail.CfnTrail(stack, 'Trail', { isLogging: true, s3BucketName: bucket.bucketName });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template scoped by account', () => {
    expectPass(rule, trailTemplate({}, {}, policy(write({ StringEquals: { 'aws:SourceAccount': '111122223333' } }))));
  });

  test('Non-compliant 1: L2 trail (its own bucket statements carry no source condition)', () => {
    const { stack } = testStack();
    l2Trail(stack);
    expectFail(rule, stack, /without an aws:SourceArn or aws:SourceAccount condition/);
  });

  test('Non-compliant 2: escape hatch removes the conditions of the AuditTrail bucket policy', () => {
    const { stack } = testStack();
    const audit = new AuditTrail(stack, 'Audit');
    const cfnPolicy = audit.bucket!.bucket.policy!.node.defaultChild as s3.CfnBucketPolicy;
    const document = stack.resolve(cfnPolicy.policyDocument);
    for (const s of document.Statement) if (s.Principal?.Service === 'cloudtrail.amazonaws.com') delete s.Condition;
    cfnPolicy.addPropertyOverride('PolicyDocument', document);
    expectFail(rule, stack, /admits CloudTrail \(statement AllowCloudTrail/);
  });

  test('Non-compliant 3: raw L1 trail whose bucket has no policy', () => {
    const { stack } = testStack();
    l1Trail(stack);
    expectFail(rule, stack, /no bucket policy .* admits CloudTrail/);
  });

  test('Non-compliant 4: hand-written statement scoped by an unrelated key', () => {
    expectFail(rule, trailTemplate({}, {}, policy(write({ StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } }))), /without an aws:SourceArn/);
  });

  test('Non-compliant 5: fails closed on an unknown condition', () => {
    expectFail(rule, withUnknownCondition(trailTemplate({}, {}, policy(write({ 'Fn::If': ['Prod', { StringEquals: { 'aws:SourceAccount': '1' } }, {}] })))), /could not resolve/);
  });
});
