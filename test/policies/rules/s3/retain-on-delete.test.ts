import { RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { SecureBucket } from '../../../../constructs/data/secure-bucket';
import rule from '../../../../policies/rules/s3/retain-on-delete';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { bucket } from './fixtures';

describe('S3.RetainOnDelete', () => {
  test('Compliant: SecureBucket defaults', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureBucket(stack, 'Data');
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 bucket (RETAIN is the default)', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket');
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 bucket with RETAIN', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Bucket').applyRemovalPolicy(RemovalPolicy.RETAIN);
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template with a policy read from a parameter default', () => {
    expectPass(rule, {
      Parameters: { Keep: { Type: 'String', Default: 'Retain' } },
      Resources: { Data: bucket({}, { DeletionPolicy: { Ref: 'Keep' }, UpdateReplacePolicy: 'Retain' }) },
    });
  });

  test('Non-compliant 1: L2 bucket with DESTROY', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket', { removalPolicy: RemovalPolicy.DESTROY });
    expectFail(rule, stack, /DeletionPolicy Delete/);
  });

  test('Non-compliant 2: raw L1 bucket without policies', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Bucket');
    expectFail(rule, stack, /DeletionPolicy absent/);
  });

  test('Non-compliant 3: hand-written template retained on delete but not on replacement', () => {
    expectFail(rule, { Resources: { Data: bucket({}, { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Delete' }) } }, /UpdateReplacePolicy Delete/);
  });

  test('Non-compliant 4: fails closed when the policy comes from a parameter with no default', () => {
    expectFail(rule, {
      Parameters: { Keep: { Type: 'String' } },
      Resources: { Data: bucket({}, { DeletionPolicy: { Ref: 'Keep' }, UpdateReplacePolicy: 'Retain' }) },
    }, /could not resolve/);
  });

  test('Non-compliant 5: escape hatch that sets DeletionPolicy Delete on SecureBucket is caught', () => {
    const { stack } = testStack();
    const secure = new SecureBucket(stack, 'Data');
    (secure.bucket.node.defaultChild as s3.CfnBucket).addOverride('DeletionPolicy', 'Delete');
    expectFail(rule, stack, /DeletionPolicy Delete/);
  });
});
