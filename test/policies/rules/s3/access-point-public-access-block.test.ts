import * as s3 from 'aws-cdk-lib/aws-s3';
import rule from '../../../../policies/rules/s3/access-point-public-access-block';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknown } from './fixtures';

const ALL_ON = { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true };
const accessPoint = (config?: unknown) => ({ Type: 'AWS::S3::AccessPoint', Properties: { Bucket: 'acme-data', ...(config === undefined ? {} : { PublicAccessBlockConfiguration: config }) } });

describe('S3.AccessPointPublicAccessBlock', () => {
  test('is non-waivable', () => {
    expect(rule.nonWaivable).toBe(true);
  });

  test('Compliant: L1 access point on an L2 bucket without a configuration (S3 turns all four on; there is no stable L2)', () => {
    // GIVEN
    const { stack } = testStack();
    const b = new s3.Bucket(stack, 'Bucket');
    // WHEN
    new s3.CfnAccessPoint(stack, 'Point', { bucket: b.bucketName });
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 Multi-Region Access Point with all four settings', () => {
    const { stack } = testStack();
    new s3.CfnMultiRegionAccessPoint(stack, 'Point', {
      regions: [{ bucket: 'acme-data-eu' }],
      publicAccessBlockConfiguration: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
    });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template with string booleans', () => {
    expectPass(rule, template({ Point: accessPoint({ BlockPublicAcls: 'true', BlockPublicPolicy: 'true', IgnorePublicAcls: 'true', RestrictPublicBuckets: 'true' }) }));
  });

  test('Non-compliant 1: L1 access point on an L2 bucket with BlockPublicPolicy off', () => {
    const { stack } = testStack();
    const b = new s3.Bucket(stack, 'Bucket');
    new s3.CfnAccessPoint(stack, 'Point', { bucket: b.bucketName, publicAccessBlockConfiguration: { ...lower(ALL_ON), blockPublicPolicy: false } });
    expectFail(rule, stack, /BlockPublicPolicy is false/);
  });

  test('Non-compliant 2: raw L1 access point declaring only two settings', () => {
    const { stack } = testStack();
    new s3.CfnAccessPoint(stack, 'Point', { bucket: 'acme-data', publicAccessBlockConfiguration: { blockPublicAcls: true, ignorePublicAcls: true } });
    expectFail(rule, stack, /BlockPublicPolicy is not set/);
  });

  test('Non-compliant 3: hand-written template with RestrictPublicBuckets false', () => {
    expectFail(rule, template({ Point: accessPoint({ ...ALL_ON, RestrictPublicBuckets: false }) }), /RestrictPublicBuckets is false/);
  });

  test('Non-compliant 4: fails closed when a setting cannot be resolved', () => {
    expectFail(rule, template({ Point: accessPoint({ ...ALL_ON, IgnorePublicAcls: unknown(true, false) }) }), /could not resolve/);
  });
});

function lower(o: Record<string, boolean>): Record<string, boolean> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k[0].toLowerCase() + k.slice(1), v]));
}
