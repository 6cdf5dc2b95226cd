import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { SecureBucket } from '../../../../constructs/data/secure-bucket';
import rule from '../../../../policies/rules/s3/no-public-policy';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { bucket, bucketAndObjects, bucketPolicy, template, unknown } from './fixtures';

const publicRead = (id: string, extra: Record<string, unknown> = {}) => ({
  Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: bucketAndObjects(id)[1], ...extra,
});

describe('S3.NoPublicPolicy', () => {
  test('is non-waivable', () => {
    expect(rule.nonWaivable).toBe(true);
  });

  test('Compliant: SecureBucket defaults (deny statements with "*" and a scoped log-delivery statement)', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureBucket(stack, 'Data');
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 bucket granting read to a role', () => {
    const { stack } = testStack();
    const b = new s3.Bucket(stack, 'Bucket');
    b.grantRead(new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() }));
    b.addToResourcePolicy(new iam.PolicyStatement({ principals: [new iam.ArnPrincipal('arn:aws:iam::444455556666:role/Auditor')], actions: ['s3:GetObject'], resources: [b.arnForObjects('*')] }));
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 policy with "*" narrowed by aws:PrincipalOrgID', () => {
    const { stack } = testStack();
    const b = new s3.CfnBucket(stack, 'Bucket');
    new s3.CfnBucketPolicy(stack, 'Policy', {
      bucket: b.ref,
      policyDocument: { Statement: [publicRead(b.logicalId, { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123def4' } } })] },
    });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template narrowed by aws:SourceVpce', () => {
    expectPass(rule, template({ Data: bucket(), DataPolicy: bucketPolicy('Data', [publicRead('Data', { Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })]) }));
  });

  test('Non-compliant 1: L2 bucket with publicReadAccess', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket', { publicReadAccess: true, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS_ONLY });
    expectFail(rule, stack, /allows any principal \(\*\)/);
  });

  test('Non-compliant 2: raw L1 policy whose narrowing condition is negated', () => {
    const { stack } = testStack();
    const b = new s3.CfnBucket(stack, 'Bucket');
    new s3.CfnBucketPolicy(stack, 'Policy', {
      bucket: b.ref,
      policyDocument: { Statement: [publicRead(b.logicalId, { Condition: { StringNotEquals: { 'aws:PrincipalAccount': '111122223333' } } })] },
    });
    expectFail(rule, stack, /without a condition/);
  });

  test('Non-compliant 3: hand-written template with { AWS: "*" } and a wildcard-valued condition', () => {
    const statement = publicRead('Data', { Principal: { AWS: ['*'] }, Condition: { StringLike: { 'aws:PrincipalOrgID': '*' } } });
    expectFail(rule, template({ Data: bucket(), DataPolicy: bucketPolicy('Data', [statement]) }), /allows any principal/);
  });

  test('Non-compliant 4: hand-written template with NotPrincipal', () => {
    const statement = { Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: '*' };
    expectFail(rule, template({ Data: bucket(), DataPolicy: bucketPolicy('Data', [statement]) }), /NotPrincipal/);
  });

  test('Non-compliant 5: fails closed when the principal cannot be resolved', () => {
    const statement = publicRead('Data', { Principal: unknown('*', { AWS: 'arn:aws:iam::111122223333:root' }) });
    expectFail(rule, template({ Data: bucket(), DataPolicy: bucketPolicy('Data', [statement]) }), /could not resolve/);
  });

  test('Non-compliant 6: escape hatch that removes the condition of SecureBucket\'s log-delivery statement and opens it to "*" is caught', () => {
    const { stack } = testStack();
    const secure = new SecureBucket(stack, 'Data');
    const logsPolicy = (secure.accessLogsBucket as s3.Bucket).policy!.node.defaultChild as s3.CfnBucketPolicy;
    logsPolicy.addPropertyOverride('PolicyDocument.Statement.2.Principal', '*');
    logsPolicy.addPropertyDeletionOverride('PolicyDocument.Statement.2.Condition');
    expectFail(rule, stack, /allows any principal/);
  });
});
