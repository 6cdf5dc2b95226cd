import { Duration } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { SecureBucket } from '../../../../constructs/data/secure-bucket';
import rule from '../../../../policies/rules/s3/lifecycle-noncurrent-expiration';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { bucket, template, unknown } from './fixtures';

const VERSIONED = { VersioningConfiguration: { Status: 'Enabled' } };

describe('S3.LifecycleNoncurrentExpiration', () => {
  test('Compliant: SecureBucket defaults', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureBucket(stack, 'Data');
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 versioned bucket with noncurrentVersionExpiration', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket', { versioned: true, lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(90) }] });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 bucket with the legacy NoncurrentVersionExpirationInDays', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Bucket', {
      versioningConfiguration: { status: 'Enabled' },
      lifecycleConfiguration: { rules: [{ status: 'Enabled', noncurrentVersionExpirationInDays: 30 }] },
    });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written unversioned bucket with an expiration rule', () => {
    expectPass(rule, template({ Data: bucket({ LifecycleConfiguration: { Rules: [{ Status: 'Enabled', ExpirationInDays: 365 }] } }) }));
  });

  test('Non-compliant 1: L2 versioned bucket without lifecycle rules', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket', { versioned: true });
    expectFail(rule, stack, /no enabled lifecycle rule/);
  });

  test('Non-compliant 2: raw L1 versioned bucket whose noncurrent rule is disabled', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Bucket', {
      versioningConfiguration: { status: 'Enabled' },
      lifecycleConfiguration: { rules: [{ status: 'Disabled', noncurrentVersionExpiration: { noncurrentDays: 30 } }, { status: 'Enabled', expirationInDays: 30 }] },
    });
    expectFail(rule, stack, /no enabled, unfiltered lifecycle rule expires noncurrent versions/);
  });

  test('Non-compliant 3: hand-written template whose noncurrent rule covers one prefix only', () => {
    const rules = [{ Status: 'Enabled', Prefix: 'tmp/', NoncurrentVersionExpiration: { NoncurrentDays: 30 } }];
    expectFail(rule, template({ Data: bucket({ ...VERSIONED, LifecycleConfiguration: { Rules: rules } }) }), /no enabled lifecycle rule that applies to every object/);
  });

  test('Non-compliant 4: fails closed when the rule status cannot be resolved', () => {
    const rules = [{ Status: unknown('Enabled', 'Disabled'), NoncurrentVersionExpiration: { NoncurrentDays: 30 } }];
    expectFail(rule, template({ Data: bucket({ ...VERSIONED, LifecycleConfiguration: { Rules: rules } }) }), /could not resolve/);
  });

  test('Non-compliant 5: escape hatch that drops SecureBucket\'s noncurrent expiration is caught', () => {
    const { stack } = testStack();
    const secure = new SecureBucket(stack, 'Data');
    (secure.bucket.node.defaultChild as s3.CfnBucket).addPropertyDeletionOverride('LifecycleConfiguration.Rules.0.NoncurrentVersionExpiration');
    expectFail(rule, stack, /expires noncurrent versions/);
  });
});
