import * as s3 from 'aws-cdk-lib/aws-s3';
import { SecureBucket } from '../../../../constructs/data/secure-bucket';
import rule from '../../../../policies/rules/s3/tls-minimum-version';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { bucket, bucketAndObjects, bucketPolicy, template, unknown } from './fixtures';

const tlsDeny = (id: string, version: unknown = 1.2) => ({
  Effect: 'Deny',
  Principal: { AWS: '*' },
  Action: 's3:*',
  Condition: { NumericLessThan: { 's3:TlsVersion': version } },
  Resource: bucketAndObjects(id),
});

describe('S3.TlsMinimumVersion', () => {
  test('Compliant: SecureBucket defaults', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureBucket(stack, 'Data');
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 bucket with minimumTLSVersion 1.2', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket', { enforceSSL: true, minimumTLSVersion: 1.2 });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 bucket and policy denying TLS below 1.3', () => {
    const { stack } = testStack();
    const b = new s3.CfnBucket(stack, 'Bucket');
    new s3.CfnBucketPolicy(stack, 'Policy', { bucket: b.ref, policyDocument: { Statement: [tlsDeny(b.logicalId, 1.3)] } });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template, version as a string', () => {
    expectPass(rule, template({ Data: bucket(), DataPolicy: bucketPolicy('Data', [tlsDeny('Data', '1.2')]) }));
  });

  test('Non-compliant 1: L2 bucket with enforceSSL only', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket', { enforceSSL: true });
    expectFail(rule, stack, /no bucket policy denies requests with s3:TlsVersion below 1.2/);
  });

  test('Non-compliant 2: raw L1 policy weakened to deny only TLS below 1.0', () => {
    const { stack } = testStack();
    const b = new s3.CfnBucket(stack, 'Bucket');
    new s3.CfnBucketPolicy(stack, 'Policy', { bucket: b.ref, policyDocument: { Statement: [tlsDeny(b.logicalId, 1.0)] } });
    expectFail(rule, stack, /denies only TLS older than 1/);
  });

  test('Non-compliant 3: hand-written template whose statement covers only the objects', () => {
    const statement = { ...tlsDeny('Data'), Resource: { 'Fn::Sub': '${Data.Arn}/*' } };
    expectFail(rule, template({ Data: bucket(), DataPolicy: bucketPolicy('Data', [statement]) }), /no bucket policy denies requests with s3:TlsVersion/);
  });

  test('Non-compliant 4: fails closed when the TLS version cannot be resolved', () => {
    const statement = tlsDeny('Data', unknown(1.2, 1.0));
    expectFail(rule, template({ Data: bucket(), DataPolicy: bucketPolicy('Data', [statement]) }), /could not resolve/);
  });

  test('Non-compliant 5: escape hatch that lowers the TLS version of SecureBucket is caught', () => {
    const { stack } = testStack();
    const secure = new SecureBucket(stack, 'Data');
    const cfn = secure.bucket.policy!.node.defaultChild as s3.CfnBucketPolicy;
    cfn.addPropertyOverride('PolicyDocument.Statement.1.Condition.NumericLessThan.s3:TlsVersion', 1.0);
    const failures = expectFail(rule, stack, /denies only TLS older than 1/);
    expect(failures.map((f) => f.logicalId)).toEqual([expect.stringMatching(/^DataBucket/)]);
  });
});
