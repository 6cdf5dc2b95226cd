import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { SecureBucket } from '../../../../constructs/data/secure-bucket';
import { ResultStatus } from '../../../../lib/engine';
import rule from '../../../../policies/rules/s3/bucket-key';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass, resultsFor } from '../../rule-harness';
import { KEY, bucket, template, unknown } from './fixtures';

const sse = (bucketKey: unknown, algorithm: unknown = 'aws:kms') => ({
  BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: algorithm, KMSMasterKeyID: { Ref: 'Key' } }, BucketKeyEnabled: bucketKey }] },
});

describe('S3.BucketKey', () => {
  test('Compliant: SecureBucket defaults', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureBucket(stack, 'Data');
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 bucket with bucketKeyEnabled', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket', { encryption: s3.BucketEncryption.KMS, encryptionKey: new kms.Key(stack, 'Key'), bucketKeyEnabled: true });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 bucket', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Bucket', { bucketEncryption: { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: 'aws:kms' }, bucketKeyEnabled: true }] } });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, template({ Key: KEY, Data: bucket(sse('true')) }));
  });

  test('Non-compliant 1: L2 bucket with a KMS key and no bucket key', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket', { encryption: s3.BucketEncryption.KMS, encryptionKey: new kms.Key(stack, 'Key') });
    expectFail(rule, stack, /calls KMS for every object/);
  });

  test('Non-compliant 2: raw L1 bucket with the bucket key off', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Bucket', { bucketEncryption: { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: 'aws:kms' }, bucketKeyEnabled: false }] } });
    expectFail(rule, stack, /without the S3 Bucket Key/);
  });

  test('Non-compliant 3: hand-written template with the bucket key off', () => {
    expectFail(rule, template({ Key: KEY, Data: bucket(sse(false)) }), /without the S3 Bucket Key/);
  });

  test('Non-compliant 4: fails closed when the bucket key cannot be resolved', () => {
    expectFail(rule, template({ Key: KEY, Data: bucket(sse(unknown(true, false))) }), /could not resolve/);
  });

  test('Not applicable: SSE-S3', () => {
    expect(resultsFor(rule, template({ Data: bucket(sse(undefined, 'AES256')) }), 'Data').map((r) => r.status)).toEqual([ResultStatus.NOT_APPLICABLE]);
  });
});
