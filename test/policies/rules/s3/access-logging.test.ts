import * as s3 from 'aws-cdk-lib/aws-s3';
import { SecureBucket } from '../../../../constructs/data/secure-bucket';
import { ResultStatus } from '../../../../lib/engine';
import rule from '../../../../policies/rules/s3/access-logging';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass, resultsFor } from '../../rule-harness';
import { bucket, template, unknown } from './fixtures';

describe('S3.AccessLogging', () => {
  test('Compliant: SecureBucket defaults (its log bucket is not applicable, with the reason)', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureBucket(stack, 'Data');
    // THEN
    const results = expectPass(rule, stack);
    const logs = results.find((r) => r.logicalId?.startsWith('DataAccessLogs'));
    expect(logs?.status).toBe(ResultStatus.NOT_APPLICABLE);
    expect(logs?.message).toMatch(/logging a log bucket to itself loops/);
  });

  test('Compliant: L2 bucket with serverAccessLogsBucket', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Data', { serverAccessLogsBucket: new s3.Bucket(stack, 'Logs') });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 bucket logging to a named bucket outside the stack', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Data', { loggingConfiguration: { destinationBucketName: 'acme-access-logs', logFilePrefix: 'data/' } });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, template({ Logs: bucket(), Data: bucket({ LoggingConfiguration: { DestinationBucketName: { Ref: 'Logs' } } }) }));
  });

  test('Non-compliant 1: L2 bucket without access logging', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket');
    expectFail(rule, stack, /no server access logging/);
  });

  test('Non-compliant 2: raw L1 bucket with an empty destination', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Data', { loggingConfiguration: { destinationBucketName: '' } });
    expectFail(rule, stack, /no server access logging/);
  });

  test('Non-compliant 3: hand-written template with only a prefix', () => {
    expectFail(rule, template({ Data: bucket({ LoggingConfiguration: { LogFilePrefix: 'logs/' } }) }), /no server access logging/);
  });

  test('Non-compliant 4: fails closed when the destination cannot be resolved', () => {
    expectFail(rule, template({ Logs: bucket(), Data: bucket({ LoggingConfiguration: { DestinationBucketName: unknown({ Ref: 'Logs' }, { Ref: 'AWS::NoValue' }) } }) }), /could not resolve/);
  });

  test('Non-compliant 5: escape hatch that removes SecureBucket\'s logging is caught', () => {
    const { stack } = testStack();
    const secure = new SecureBucket(stack, 'Data');
    (secure.bucket.node.defaultChild as s3.CfnBucket).addPropertyDeletionOverride('LoggingConfiguration');
    const failures = expectFail(rule, stack, /no server access logging/);
    // The log bucket no longer receives any logs, so it is judged (and fails) too.
    expect(failures.map((f) => f.logicalId)).toEqual(expect.arrayContaining([expect.stringMatching(/^DataBucket/), expect.stringMatching(/^DataAccessLogs/)]));
  });

  test('Not applicable: a log target that does not log itself', () => {
    const t = template({ Logs: bucket(), Data: bucket({ LoggingConfiguration: { DestinationBucketName: { Ref: 'Logs' } } }) });
    expect(resultsFor(rule, t, 'Logs').map((r) => r.status)).toEqual([ResultStatus.NOT_APPLICABLE]);
  });
});
