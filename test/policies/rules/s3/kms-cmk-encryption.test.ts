import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { SecureBucket } from '../../../../constructs/data/secure-bucket';
import { ResultStatus } from '../../../../lib/engine';
import rule from '../../../../policies/rules/s3/kms-cmk-encryption';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass, resultsFor } from '../../rule-harness';
import { KEY, bucket, template, unknown } from './fixtures';

const sse = (algorithm: unknown, keyId?: unknown) => ({
  BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: algorithm, KMSMasterKeyID: keyId } }] },
});

describe('S3.KmsCmkEncryption', () => {
  test('Compliant: SecureBucket defaults (its access-log bucket is not applicable, with the reason)', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureBucket(stack, 'Data');
    // THEN
    const results = expectPass(rule, stack);
    const logs = results.find((r) => r.logicalId?.startsWith('DataAccessLogs'));
    expect(logs?.status).toBe(ResultStatus.NOT_APPLICABLE);
    expect(logs?.message).toMatch(/receives the server access logs of DataBucket.*supports only SSE-S3/);
  });

  test('Compliant: L2 bucket with a customer-managed key', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket', { encryption: s3.BucketEncryption.KMS, encryptionKey: new kms.Key(stack, 'Key') });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 bucket naming a key ARN defined elsewhere', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Bucket', {
      bucketEncryption: {
        serverSideEncryptionConfiguration: [{
          serverSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: stack.formatArn({ service: 'kms', resource: 'key', resourceName: '1234abcd-12ab-34cd-56ef-1234567890ab' }) },
        }],
      },
    });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template with DSSE-KMS and a key of the template', () => {
    expectPass(rule, template({ Key: KEY, Data: bucket(sse('aws:kms:dsse', { 'Fn::GetAtt': ['Key', 'Arn'] })) }));
  });

  test('Non-compliant 1: L2 bucket with SSE-S3', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket', { encryption: s3.BucketEncryption.S3_MANAGED });
    expectFail(rule, stack, /default encryption is "AES256"/);
  });

  test('Non-compliant 2: L2 bucket with the AWS-managed key aws/s3', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket', { encryption: s3.BucketEncryption.KMS_MANAGED });
    expectFail(rule, stack, /aws\/s3/);
  });

  test('Non-compliant 3: raw L1 bucket naming alias/aws/s3', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Bucket', {
      bucketEncryption: { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: 'alias/aws/s3' } }] },
    });
    expectFail(rule, stack, /AWS-managed key alias\/aws\/s3/);
  });

  test('Non-compliant 4: hand-written template without default encryption', () => {
    expectFail(rule, template({ Data: bucket() }), /declares no default encryption/);
  });

  test('Non-compliant 5: fails closed when the key cannot be resolved', () => {
    expectFail(rule, template({ Key: KEY, Data: bucket(sse('aws:kms', unknown({ Ref: 'Key' }, 'alias/aws/s3'))) }), /could not resolve/);
  });

  test('Non-compliant 6: escape hatch that switches SecureBucket to SSE-S3 is caught', () => {
    const { stack } = testStack();
    const secure = new SecureBucket(stack, 'Data');
    (secure.bucket.node.defaultChild as s3.CfnBucket).addPropertyOverride('BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault', { SSEAlgorithm: 'AES256' });
    const failures = expectFail(rule, stack, /AES256/);
    expect(failures.map((f) => f.logicalId)).toEqual([expect.stringMatching(/^DataBucket/)]);
  });

  test('Not applicable: a bucket that receives another bucket\'s access logs', () => {
    const results = resultsFor(rule, template({ Logs: bucket(sse('AES256')), Data: bucket({ LoggingConfiguration: { DestinationBucketName: { Ref: 'Logs' } } }) }), 'Logs');
    expect(results.map((r) => r.status)).toEqual([ResultStatus.NOT_APPLICABLE]);
  });
});
