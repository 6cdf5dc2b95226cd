import * as s3 from 'aws-cdk-lib/aws-s3';
import { SecureBucket } from '../../../../constructs/data/secure-bucket';
import rule from '../../../../policies/rules/s3/public-access-block';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { bucket, template, unknown } from './fixtures';

const ALL_ON = { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true };

describe('S3.PublicAccessBlock', () => {
  test('is non-waivable', () => {
    expect(rule.nonWaivable).toBe(true);
  });

  test('Compliant: SecureBucket defaults', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureBucket(stack, 'Data');
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 bucket with BLOCK_ALL', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 bucket with all four settings', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Bucket', {
      publicAccessBlockConfiguration: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
    });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template with string booleans', () => {
    expectPass(rule, template({ Data: bucket({ PublicAccessBlockConfiguration: { BlockPublicAcls: 'true', BlockPublicPolicy: 'true', IgnorePublicAcls: 'true', RestrictPublicBuckets: 'true' } }) }));
  });

  test('Compliant: escape hatch that fixes an L2 bucket with BLOCK_ACLS only passes', () => {
    const { stack } = testStack();
    const b = new s3.Bucket(stack, 'Bucket', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS_ONLY });
    const cfn = b.node.defaultChild as s3.CfnBucket;
    cfn.addPropertyOverride('PublicAccessBlockConfiguration.BlockPublicPolicy', true);
    cfn.addPropertyOverride('PublicAccessBlockConfiguration.RestrictPublicBuckets', true);
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 bucket with BLOCK_ACLS only', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS_ONLY });
    expectFail(rule, stack, /BlockPublicPolicy is false/);
  });

  test('Non-compliant 2: raw L1 bucket without a configuration', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Bucket');
    expectFail(rule, stack, /no PublicAccessBlockConfiguration/);
  });

  test('Non-compliant 3: hand-written template with RestrictPublicBuckets false', () => {
    expectFail(rule, template({ Data: bucket({ PublicAccessBlockConfiguration: { ...ALL_ON, RestrictPublicBuckets: false } }) }), /RestrictPublicBuckets is false/);
  });

  test('Non-compliant 4: fails closed when a setting cannot be resolved', () => {
    expectFail(rule, template({ Data: bucket({ PublicAccessBlockConfiguration: { ...ALL_ON, BlockPublicPolicy: unknown(true, false) } }) }), /could not resolve/);
  });

  test('Non-compliant 5: escape hatch that turns BlockPublicPolicy off on SecureBucket is caught', () => {
    const { stack } = testStack();
    const secure = new SecureBucket(stack, 'Data');
    (secure.bucket.node.defaultChild as s3.CfnBucket).addPropertyOverride('PublicAccessBlockConfiguration.BlockPublicPolicy', false);
    const failures = expectFail(rule, stack, /BlockPublicPolicy is false/);
    expect(failures.map((f) => f.logicalId)).toEqual([expect.stringMatching(/^DataBucket/)]);
  });
});
