import * as s3 from 'aws-cdk-lib/aws-s3';
import { SecureBucket } from '../../../../constructs/data/secure-bucket';
import { ResultStatus } from '../../../../lib/engine';
import rule from '../../../../policies/rules/s3/log-bucket-sse-s3';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass, resultsFor } from '../../rule-harness';
import { KEY, bucket, template, unknown } from './fixtures';

const sse = (algorithm: unknown, keyId?: unknown) => ({
  BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: algorithm, KMSMasterKeyID: keyId } }] },
});
const logsTo = (target: string) => ({ LoggingConfiguration: { DestinationBucketName: { Ref: target } } });

describe('S3.LogBucketSseS3', () => {
  test('Compliant: the access-log bucket SecureBucket defines', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureBucket(stack, 'Data');
    // THEN
    const results = expectPass(rule, stack);
    expect(results.find((r) => r.logicalId?.startsWith('DataAccessLogs'))?.status).toBe(ResultStatus.PASS);
  });

  test('Compliant: L2 log bucket with S3_MANAGED encryption', () => {
    const { stack } = testStack();
    const logs = new s3.Bucket(stack, 'Logs', { encryption: s3.BucketEncryption.S3_MANAGED });
    new s3.Bucket(stack, 'Data', { serverAccessLogsBucket: logs });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 log bucket named by its BucketName', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Logs', { bucketName: 'acme-access-logs', bucketEncryption: { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }] } });
    new s3.CfnBucket(stack, 'Data', { loggingConfiguration: { destinationBucketName: 'acme-access-logs' } });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, template({ Logs: bucket(sse('AES256')), Data: bucket(logsTo('Logs')) }));
  });

  test('Non-compliant 1: L2 log bucket with a KMS key', () => {
    const { stack } = testStack();
    const logs = new s3.Bucket(stack, 'Logs', { encryption: s3.BucketEncryption.KMS });
    new s3.Bucket(stack, 'Data', { serverAccessLogsBucket: logs });
    expectFail(rule, stack, /supports only SSE-S3 \(AES256\), so logs may be lost/);
  });

  test('Non-compliant 2: raw L1 log bucket without declared encryption', () => {
    const { stack } = testStack();
    const logs = new s3.CfnBucket(stack, 'Logs');
    new s3.CfnBucket(stack, 'Data', { loggingConfiguration: { destinationBucketName: logs.ref } });
    expectFail(rule, stack, /declares no default encryption/);
  });

  test('Non-compliant 3: hand-written log bucket weakened to SSE-KMS', () => {
    expectFail(rule, template({ Key: KEY, Logs: bucket(sse('aws:kms', { Ref: 'Key' })), Data: bucket(logsTo('Logs')) }), /"aws:kms"/);
  });

  test('Non-compliant 4: fails closed when the algorithm cannot be resolved', () => {
    expectFail(rule, template({ Logs: bucket(sse(unknown('AES256', 'aws:kms'))), Data: bucket(logsTo('Logs')) }), /could not resolve/);
  });

  test('Not applicable: a bucket that receives no access logs', () => {
    expect(resultsFor(rule, template({ Data: bucket() }), 'Data').map((r) => r.status)).toEqual([ResultStatus.NOT_APPLICABLE]);
  });
});
