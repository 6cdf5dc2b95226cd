import { Duration } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { SecureBucket } from '../../../../constructs/data/secure-bucket';
import { ResultStatus } from '../../../../lib/engine';
import rule from '../../../../policies/rules/s3/log-bucket-retention';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass, resultsFor } from '../../rule-harness';
import { bucket, template, unknown } from './fixtures';

const logsTo = (target: string) => ({ LoggingConfiguration: { DestinationBucketName: { Ref: target } } });
const expiring = (days: unknown, status: unknown = 'Enabled') => ({ LifecycleConfiguration: { Rules: [{ Status: status, ExpirationInDays: days }] } });

describe('S3.LogBucketRetention', () => {
  test('Compliant: the access-log bucket SecureBucket defines (365 days)', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureBucket(stack, 'Data');
    // THEN
    const results = expectPass(rule, stack);
    expect(results.find((r) => r.logicalId?.startsWith('DataAccessLogs'))?.status).toBe(ResultStatus.PASS);
  });

  test('Compliant: L2 log bucket kept two years', () => {
    const { stack } = testStack();
    const logs = new s3.Bucket(stack, 'Logs', { lifecycleRules: [{ expiration: Duration.days(730) }] });
    new s3.Bucket(stack, 'Data', { serverAccessLogsBucket: logs });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 log bucket without expiration (kept forever)', () => {
    const { stack } = testStack();
    const logs = new s3.CfnBucket(stack, 'Logs');
    new s3.CfnBucket(stack, 'Data', { loggingConfiguration: { destinationBucketName: logs.ref } });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template whose short rule is disabled', () => {
    expectPass(rule, template({ Logs: bucket(expiring(30, 'Disabled')), Data: bucket(logsTo('Logs')) }));
  });

  test('Non-compliant 1: escape hatch that shortens SecureBucket\'s log retention is caught', () => {
    const { stack } = testStack();
    const secure = new SecureBucket(stack, 'Data');
    ((secure.accessLogsBucket as s3.Bucket).node.defaultChild as s3.CfnBucket).addPropertyOverride('LifecycleConfiguration.Rules.0.ExpirationInDays', 90);
    expectFail(rule, stack, /deletes logs after 90 days, fewer than 365/);
  });

  test('Non-compliant 2: L2 log bucket kept 30 days', () => {
    const { stack } = testStack();
    const logs = new s3.Bucket(stack, 'Logs', { lifecycleRules: [{ expiration: Duration.days(30) }] });
    new s3.Bucket(stack, 'Data', { serverAccessLogsBucket: logs });
    expectFail(rule, stack, /after 30 days/);
  });

  test('Non-compliant 3: raw L1 log bucket expiring on a fixed date', () => {
    const { stack } = testStack();
    const logs = new s3.CfnBucket(stack, 'Logs', { lifecycleConfiguration: { rules: [{ status: 'Enabled', expirationDate: new Date('2027-01-01') }] } });
    new s3.CfnBucket(stack, 'Data', { loggingConfiguration: { destinationBucketName: logs.ref } });
    expectFail(rule, stack, /fixed date/);
  });

  test('Non-compliant 4: hand-written template kept 364 days', () => {
    expectFail(rule, template({ Logs: bucket(expiring('364')), Data: bucket(logsTo('Logs')) }), /after 364 days/);
  });

  test('Non-compliant 5: fails closed when the expiration cannot be resolved', () => {
    expectFail(rule, template({ Logs: bucket(expiring(unknown(365, 7))), Data: bucket(logsTo('Logs')) }), /could not resolve/);
  });

  test('Not applicable: a bucket that receives no access logs', () => {
    expect(resultsFor(rule, template({ Data: bucket(expiring(1)) }), 'Data').map((r) => r.status)).toEqual([ResultStatus.NOT_APPLICABLE]);
  });
});
