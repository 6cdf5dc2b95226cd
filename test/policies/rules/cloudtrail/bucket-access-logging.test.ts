import * as s3 from 'aws-cdk-lib/aws-s3';
import { AuditTrail } from '../../../../constructs/detection/audit-trail';
import rule from '../../../../policies/rules/cloudtrail/bucket-access-logging';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { l1Trail, l2Trail, trailTemplate, withUnknownCondition } from './fixtures';

describe('CloudTrail.BucketAccessLogging', () => {
  test('Compliant: AuditTrail with default props', () => {
    const { stack } = testStack();
    new AuditTrail(stack, 'Audit');
    expectPass(rule, stack);
  });

  test('Compliant: L2 trail to an access-logged bucket', () => {
    const { stack } = testStack();
    l2Trail(stack);
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 trail', () => {
    const { stack } = testStack();
    l1Trail(stack);
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template naming the bucket by its literal name', () => {
    expectPass(rule, trailTemplate({ S3BucketName: 'audit-logs' }, { BucketName: 'audit-logs' }));
  });

  test('Non-compliant 1: L2 trail to a bucket without access logs', () => {
    const { stack } = testStack();
    l2Trail(stack, { bucket: new s3.Bucket(stack, 'Plain') });
    expectFail(rule, stack, /has no server access logging/);
  });

  test('Non-compliant 2: escape hatch removes the access logging of the AuditTrail bucket', () => {
    const { stack } = testStack();
    const audit = new AuditTrail(stack, 'Audit');
    (audit.bucket!.bucket.node.defaultChild as s3.CfnBucket).addPropertyDeletionOverride('LoggingConfiguration');
    expectFail(rule, stack, /has no server access logging/);
  });

  test('Non-compliant 3: raw L1 trail to a bucket the templates do not define', () => {
    const { stack } = testStack();
    l1Trail(stack, { s3BucketName: 'central-audit-logs' });
    expectFail(rule, stack, /central-audit-logs, which the templates do not define/);
  });

  test('Non-compliant 4: hand-written bucket with logging configuration but no destination', () => {
    expectFail(rule, trailTemplate({}, { LoggingConfiguration: { LogFilePrefix: 'x/' } }), /no server access logging/);
  });

  test('Non-compliant 5: fails closed on an unknown condition', () => {
    expectFail(rule, withUnknownCondition(trailTemplate({ S3BucketName: { 'Fn::If': ['Prod', { Ref: 'Bucket' }, 'other'] } })), /could not resolve/);
  });
});
