import * as s3 from 'aws-cdk-lib/aws-s3';
import rule from '../../../../policies/rules/s3/ssl-only';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';

const tlsDeny = (bucket: string) => ({
  Effect: 'Deny',
  Principal: { AWS: '*' },
  Action: 's3:*',
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  Resource: [{ 'Fn::GetAtt': [bucket, 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket, 'Arn'] }, '/*']] }],
});

describe('S3.SslOnly', () => {
  test('Compliant: L2 bucket with enforceSSL', () => {
    // GIVEN
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket', { enforceSSL: true });
    // THEN
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 bucket without enforceSSL', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket');
    expectFail(rule, stack, /no bucket policy/);
  });

  test('Non-compliant 2: raw L1 bucket whose policy allows instead of denying', () => {
    const { stack } = testStack();
    const bucket = new s3.CfnBucket(stack, 'Bucket');
    new s3.CfnBucketPolicy(stack, 'Policy', {
      bucket: bucket.ref,
      policyDocument: { Statement: [{ ...tlsDeny(bucket.logicalId), Effect: 'Allow' }] },
    });
    expectFail(rule, stack, /does not deny/);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, {
      Resources: {
        Data: { Type: 'AWS::S3::Bucket' },
        DataPolicy: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'Data' }, PolicyDocument: { Statement: [tlsDeny('Data')] } } },
      },
    });
  });

  test('Non-compliant 3: hand-written template covering only the objects', () => {
    const statement = { ...tlsDeny('Data'), Resource: { 'Fn::Sub': '${Data.Arn}/*' } };
    expectFail(rule, {
      Resources: {
        Data: { Type: 'AWS::S3::Bucket' },
        DataPolicy: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'Data' }, PolicyDocument: { Statement: [statement] } } },
      },
    });
  });

  test('Non-compliant 4: fails closed when the statement resources cannot be resolved', () => {
    const statement = { ...tlsDeny('Data'), Resource: { 'Fn::If': ['Unknown', 'x', 'y'] } };
    expectFail(rule, {
      Parameters: { Env: { Type: 'String' } },
      Conditions: { Unknown: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
      Resources: {
        Data: { Type: 'AWS::S3::Bucket' },
        DataPolicy: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'Data' }, PolicyDocument: { Statement: [statement] } } },
      },
    }, /could not resolve/);
  });
});
