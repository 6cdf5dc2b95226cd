import { Duration } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { SecureBucket } from '../../../../constructs/data/secure-bucket';
import rule from '../../../../policies/rules/s3/abort-incomplete-uploads';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { bucket, template, unknown } from './fixtures';

const rules = (r: unknown[]) => ({ LifecycleConfiguration: { Rules: r } });

describe('S3.AbortIncompleteUploads', () => {
  test('Compliant: SecureBucket defaults', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureBucket(stack, 'Data');
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 bucket', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket', { lifecycleRules: [{ abortIncompleteMultipartUploadAfter: Duration.days(3) }] });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 bucket', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Bucket', { lifecycleConfiguration: { rules: [{ status: 'Enabled', abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } }] } });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, template({ Data: bucket(rules([{ Status: 'Enabled', AbortIncompleteMultipartUpload: { DaysAfterInitiation: '7' } }])) }));
  });

  test('Non-compliant 1: L2 bucket without lifecycle rules', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket');
    expectFail(rule, stack, /aborts incomplete multipart uploads/);
  });

  test('Non-compliant 2: raw L1 bucket whose abort rule is disabled', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Bucket', { lifecycleConfiguration: { rules: [{ status: 'Disabled', abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } }] } });
    expectFail(rule, stack, /no enabled, unfiltered lifecycle rule/);
  });

  test('Non-compliant 3: hand-written template whose abort rule is filtered by tag', () => {
    const r = [{ Status: 'Enabled', TagFilters: [{ Key: 'tmp', Value: 'yes' }], AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } }];
    expectFail(rule, template({ Data: bucket(rules(r)) }), /no enabled, unfiltered lifecycle rule/);
  });

  test('Non-compliant 4: fails closed when the days cannot be resolved', () => {
    const r = [{ Status: 'Enabled', AbortIncompleteMultipartUpload: { DaysAfterInitiation: unknown(7, 0) } }];
    expectFail(rule, template({ Data: bucket(rules(r)) }), /could not resolve/);
  });
});
