import { Duration } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ObjectLockMode } from '../../../../constructs/data/secure-bucket';
import { AuditTrail } from '../../../../constructs/detection/audit-trail';
import { ResultStatus } from '../../../../lib/engine';
import rule from '../../../../policies/rules/cloudtrail/bucket-object-lock';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass, judge } from '../../rule-harness';
import { l1Trail, l2Trail, trailTemplate, withUnknownCondition } from './fixtures';

const locked = (retention: Record<string, unknown>) => ({ ObjectLockEnabled: true, ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: retention } } });

describe('CloudTrail.BucketObjectLock', () => {
  test('Compliant: AuditTrail with default props (governance, 365 days)', () => {
    const { stack } = testStack();
    new AuditTrail(stack, 'Audit');
    const [result] = expectPass(rule, stack);
    expect(result.message).toMatch(/365 days in governance mode/);
  });

  test('Compliant: L2 trail to a locked L2 bucket', () => {
    const { stack } = testStack();
    const bucket = new s3.Bucket(stack, 'Locked', { objectLockEnabled: true, objectLockDefaultRetention: s3.ObjectLockRetention.compliance(Duration.days(400)) });
    l2Trail(stack, { bucket });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 trail to a bucket locked for a year', () => {
    const { stack } = testStack();
    l1Trail(stack);
    const bucket = stack.node.findChild('TrailBucket') as s3.CfnBucket;
    bucket.objectLockEnabled = true;
    bucket.objectLockConfiguration = { objectLockEnabled: 'Enabled', rule: { defaultRetention: { mode: 'GOVERNANCE', years: 1 } } };
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, trailTemplate({}, locked({ Mode: 'COMPLIANCE', Days: '730' })));
  });

  test('Not applicable: a bucket the templates do not define', () => {
    const { stack } = testStack();
    l1Trail(stack, { s3BucketName: 'central-audit-logs' });
    expect(judge(rule, stack).map((r) => r.status)).toEqual([ResultStatus.NOT_APPLICABLE]);
  });

  test('Non-compliant 1: L2 trail to a bucket without Object Lock', () => {
    const { stack } = testStack();
    l2Trail(stack);
    expectFail(rule, stack, /does not have Object Lock enabled/);
  });

  test('Non-compliant 2: AuditTrail with a 30-day lock', () => {
    const { stack } = testStack();
    new AuditTrail(stack, 'Audit', { objectLock: { mode: ObjectLockMode.GOVERNANCE, retention: Duration.days(30) } });
    expectFail(rule, stack, /30 days, below 365/);
  });

  test('Non-compliant 3: escape hatch removes the default retention of the AuditTrail bucket', () => {
    const { stack } = testStack();
    const audit = new AuditTrail(stack, 'Audit');
    (audit.bucket!.bucket.node.defaultChild as s3.CfnBucket).addPropertyDeletionOverride('ObjectLockConfiguration.Rule');
    expectFail(rule, stack, /no default retention/);
  });

  test('Non-compliant 4: hand-written bucket locked for 90 days', () => {
    expectFail(rule, trailTemplate({}, locked({ Mode: 'GOVERNANCE', Days: 90 })), /90 days, below 365/);
  });

  test('Non-compliant 5: fails closed on an unknown condition', () => {
    expectFail(rule, withUnknownCondition(trailTemplate({}, locked({ Mode: 'GOVERNANCE', Days: { 'Fn::If': ['Prod', 365, 30] } }))), /could not resolve/);
  });
});
