import * as s3 from 'aws-cdk-lib/aws-s3';
import { SecureBucket } from '../../../../constructs/data/secure-bucket';
import rule from '../../../../policies/rules/s3/acls-disabled';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { bucket, template, unknown } from './fixtures';

const enforced = { OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } };

describe('S3.AclsDisabled', () => {
  test('Compliant: SecureBucket defaults', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureBucket(stack, 'Data');
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 bucket with BUCKET_OWNER_ENFORCED', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket', { objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 bucket', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Bucket', { ownershipControls: { rules: [{ objectOwnership: 'BucketOwnerEnforced' }] } });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template with the Private canned ACL', () => {
    expectPass(rule, template({ Data: bucket({ ...enforced, AccessControl: 'Private' }) }));
  });

  test('Non-compliant 1: L2 bucket with OBJECT_WRITER ownership', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket', { objectOwnership: s3.ObjectOwnership.OBJECT_WRITER });
    expectFail(rule, stack, /object ownership is "ObjectWriter"/);
  });

  test('Non-compliant 2: raw L1 bucket with a public-read ACL', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Bucket', { accessControl: 'PublicRead', ownershipControls: { rules: [{ objectOwnership: 'BucketOwnerEnforced' }] } });
    expectFail(rule, stack, /canned ACL "PublicRead"/);
  });

  test('Non-compliant 3: hand-written template without OwnershipControls', () => {
    expectFail(rule, template({ Data: bucket() }), /no OwnershipControls/);
  });

  test('Non-compliant 4: fails closed when the ownership cannot be resolved', () => {
    expectFail(rule, template({ Data: bucket({ OwnershipControls: { Rules: [{ ObjectOwnership: unknown('BucketOwnerEnforced', 'ObjectWriter') }] } }) }), /could not resolve/);
  });

  test('Non-compliant 5: escape hatch that sets BucketOwnerPreferred on SecureBucket is caught', () => {
    const { stack } = testStack();
    const secure = new SecureBucket(stack, 'Data');
    (secure.bucket.node.defaultChild as s3.CfnBucket).addPropertyOverride('OwnershipControls.Rules.0.ObjectOwnership', 'BucketOwnerPreferred');
    expectFail(rule, stack, /BucketOwnerPreferred/);
  });
});
