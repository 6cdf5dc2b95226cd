import * as s3 from 'aws-cdk-lib/aws-s3';
import { SecureBucket } from '../../../../constructs/data/secure-bucket';
import rule from '../../../../policies/rules/s3/versioning';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { bucket, template, unknown } from './fixtures';

describe('S3.Versioning', () => {
  test('Compliant: SecureBucket defaults', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureBucket(stack, 'Data');
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 bucket with versioned', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket', { versioned: true });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 bucket', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Bucket', { versioningConfiguration: { status: 'Enabled' } });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, template({ Data: bucket({ VersioningConfiguration: { Status: 'Enabled' } }) }));
  });

  test('Non-compliant 1: L2 bucket without versioning', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket');
    expectFail(rule, stack, /versioning is not configured/);
  });

  test('Non-compliant 2: raw L1 bucket with versioning suspended', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Bucket', { versioningConfiguration: { status: 'Suspended' } });
    expectFail(rule, stack, /versioning is "Suspended"/);
  });

  test('Non-compliant 3: hand-written template with versioning suspended', () => {
    expectFail(rule, template({ Data: bucket({ VersioningConfiguration: { Status: 'Suspended' } }) }), /Suspended/);
  });

  test('Non-compliant 4: fails closed when the status cannot be resolved', () => {
    expectFail(rule, template({ Data: bucket({ VersioningConfiguration: { Status: unknown('Enabled', 'Suspended') } }) }), /could not resolve/);
  });

  test('Non-compliant 5: escape hatch that suspends versioning on SecureBucket is caught', () => {
    const { stack } = testStack();
    const secure = new SecureBucket(stack, 'Data');
    (secure.bucket.node.defaultChild as s3.CfnBucket).addPropertyOverride('VersioningConfiguration.Status', 'Suspended');
    expectFail(rule, stack, /Suspended/);
  });
});
