import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { SecureBucket } from '../../../../constructs/data/secure-bucket';
import rule from '../../../../policies/rules/s3/service-principal-scoped';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { bucket, bucketAndObjects, bucketPolicy, template, unknown } from './fixtures';

const delivery = (id: string, extra: Record<string, unknown> = {}) => ({
  Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject', Resource: bucketAndObjects(id)[1], ...extra,
});

describe('S3.ServicePrincipalScoped', () => {
  test('Compliant: SecureBucket defaults (log delivery scoped with aws:SourceAccount and aws:SourceArn)', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureBucket(stack, 'Data');
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 bucket with a service statement scoped by aws:SourceArn', () => {
    const { stack } = testStack();
    const b = new s3.Bucket(stack, 'Bucket');
    b.addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal('delivery.logs.amazonaws.com')], actions: ['s3:PutObject'], resources: [b.arnForObjects('*')],
      conditions: { ArnLike: { 'aws:SourceArn': stack.formatArn({ service: 'logs', resource: '*' }) } },
    }));
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 policy scoped by aws:SourceAccount', () => {
    const { stack } = testStack();
    const b = new s3.CfnBucket(stack, 'Bucket');
    new s3.CfnBucketPolicy(stack, 'Policy', { bucket: b.ref, policyDocument: { Statement: [delivery(b.logicalId, { Condition: { StringEquals: { 'aws:SourceAccount': stack.account } } })] } });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, template({ Data: bucket(), DataPolicy: bucketPolicy('Data', [delivery('Data', { Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } })]) }));
  });

  test('Non-compliant 1: L2 trail bucket whose CloudTrail statements have no source condition', () => {
    const { stack } = testStack();
    new cloudtrail.Trail(stack, 'Trail');
    expectFail(rule, stack, /cloudtrail.amazonaws.com without aws:SourceAccount/);
  });

  test('Non-compliant 2: raw L1 policy scoped only by a negated condition', () => {
    const { stack } = testStack();
    const b = new s3.CfnBucket(stack, 'Bucket');
    new s3.CfnBucketPolicy(stack, 'Policy', { bucket: b.ref, policyDocument: { Statement: [delivery(b.logicalId, { Condition: { StringNotEquals: { 'aws:SourceAccount': '444455556666' } } })] } });
    expectFail(rule, stack, /confused deputy/);
  });

  test('Non-compliant 3: hand-written template without a condition', () => {
    expectFail(rule, template({ Data: bucket(), DataPolicy: bucketPolicy('Data', [delivery('Data')]) }), /logging.s3.amazonaws.com/);
  });

  test('Non-compliant 4: fails closed when the condition value cannot be resolved', () => {
    const statement = delivery('Data', { Condition: { StringEquals: { 'aws:SourceAccount': unknown('111122223333', '*') } } });
    expectFail(rule, template({ Data: bucket(), DataPolicy: bucketPolicy('Data', [statement]) }), /could not resolve/);
  });

  test('Non-compliant 5: escape hatch that drops the condition of SecureBucket\'s log-delivery statement is caught', () => {
    const { stack } = testStack();
    const secure = new SecureBucket(stack, 'Data');
    const logsPolicy = (secure.accessLogsBucket as s3.Bucket).policy!.node.defaultChild as s3.CfnBucketPolicy;
    logsPolicy.addPropertyDeletionOverride('PolicyDocument.Statement.2.Condition');
    expectFail(rule, stack, /logging.s3.amazonaws.com/);
  });
});
