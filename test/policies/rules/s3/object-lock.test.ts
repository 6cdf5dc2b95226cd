import { Duration } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ObjectLockMode, SecureBucket } from '../../../../constructs/data/secure-bucket';
import { ResultStatus } from '../../../../lib/engine';
import rule from '../../../../policies/rules/s3/object-lock';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass, resultsFor } from '../../rule-harness';
import { bucket, template, unknown } from './fixtures';

const LOCKED = { ObjectLockEnabled: true, ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 365 } } } };

describe('S3.ObjectLock', () => {
  test('is a warning', () => {
    expect(rule.severity).toBe('info');
  });

  test('Compliant: SecureBucket with objectLock (its log bucket is not applicable)', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureBucket(stack, 'Data', { objectLock: { mode: ObjectLockMode.COMPLIANCE, retention: Duration.days(365) } });
    // THEN
    const results = expectPass(rule, stack);
    expect(results.find((r) => r.logicalId?.startsWith('DataAccessLogs'))?.message).toMatch(/blocks log delivery/);
  });

  test('Compliant: L2 bucket with a default retention', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket', { objectLockEnabled: true, objectLockDefaultRetention: s3.ObjectLockRetention.governance(Duration.days(30)) });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 bucket', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Bucket', {
      objectLockEnabled: true,
      objectLockConfiguration: { objectLockEnabled: 'Enabled', rule: { defaultRetention: { mode: 'COMPLIANCE', years: 1 } } },
    });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, template({ Data: bucket(LOCKED) }));
  });

  test('Non-compliant 1: SecureBucket defaults (Object Lock is opt-in per data class)', () => {
    const { stack } = testStack();
    new SecureBucket(stack, 'Data');
    expectFail(rule, stack, /Object Lock is off/);
  });

  test('Non-compliant 2: L2 bucket with Object Lock but no default retention', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket', { objectLockEnabled: true });
    expectFail(rule, stack, /no default retention/);
  });

  test('Non-compliant 3: raw L1 bucket with Object Lock off', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Bucket', { objectLockEnabled: false });
    expectFail(rule, stack, /Object Lock is off/);
  });

  test('Non-compliant 4: hand-written template with the retention rule removed', () => {
    expectFail(rule, template({ Data: bucket({ ...LOCKED, ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' } }) }), /no default retention/);
  });

  test('Non-compliant 5: fails closed when ObjectLockEnabled cannot be resolved', () => {
    expectFail(rule, template({ Data: bucket({ ...LOCKED, ObjectLockEnabled: unknown(true, false) }) }), /could not resolve/);
  });

  test('Not applicable: a server access log target', () => {
    const t = template({ Logs: bucket(), Data: bucket({ LoggingConfiguration: { DestinationBucketName: { Ref: 'Logs' } } }) });
    expect(resultsFor(rule, t, 'Logs').map((r) => r.status)).toEqual([ResultStatus.NOT_APPLICABLE]);
  });
});
