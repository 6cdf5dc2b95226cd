import * as s3 from 'aws-cdk-lib/aws-s3';
import { SecureBucket } from '../../../../constructs/data/secure-bucket';
import rule from '../../../../policies/rules/s3/no-website';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { bucket, template, unknown } from './fixtures';

describe('S3.NoWebsite', () => {
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
    new s3.Bucket(stack, 'Bucket');
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 bucket', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Bucket', { versioningConfiguration: { status: 'Enabled' } });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template whose website configuration is removed by AWS::NoValue', () => {
    expectPass(rule, template({ Data: bucket({ WebsiteConfiguration: { Ref: 'AWS::NoValue' } }) }));
  });

  test('Non-compliant 1: L2 bucket with a website index document', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket', { websiteIndexDocument: 'index.html' });
    expectFail(rule, stack, /website endpoint/);
  });

  test('Non-compliant 2: raw L1 bucket with a redirect-all website', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Bucket', { websiteConfiguration: { redirectAllRequestsTo: { hostName: 'example.com' } } });
    expectFail(rule, stack, /plain HTTP/);
  });

  test('Non-compliant 3: hand-written template', () => {
    expectFail(rule, template({ Data: bucket({ WebsiteConfiguration: { IndexDocument: 'index.html' } }) }), /website endpoint/);
  });

  test('Non-compliant 4: fails closed when the website configuration cannot be resolved', () => {
    expectFail(rule, template({ Data: bucket({ WebsiteConfiguration: unknown({ IndexDocument: 'index.html' }, { Ref: 'AWS::NoValue' }) }) }), /could not resolve/);
  });
});
