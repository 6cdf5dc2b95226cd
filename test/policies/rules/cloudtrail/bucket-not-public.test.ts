import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AuditTrail } from '../../../../constructs/detection/audit-trail';
import { ResultStatus } from '../../../../lib/engine';
import rule from '../../../../policies/rules/cloudtrail/bucket-not-public';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass, judge } from '../../rule-harness';
import { l1Trail, l2Trail, trailTemplate, withUnknownCondition } from './fixtures';

const publicRead = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: { 'Fn::Sub': '${Bucket.Arn}/*' } };
const policy = (statement: Record<string, unknown>) => ({ Policy: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'Bucket' }, PolicyDocument: { Statement: [statement] } } } });

describe('CloudTrail.BucketNotPublic', () => {
  test('Compliant: AuditTrail with default props', () => {
    const { stack } = testStack();
    new AuditTrail(stack, 'Audit');
    expectPass(rule, stack);
  });

  test('Compliant: L2 trail', () => {
    const { stack } = testStack();
    l2Trail(stack);
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 trail', () => {
    const { stack } = testStack();
    l1Trail(stack);
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template whose "*" statement is tied to the organization', () => {
    expectPass(rule, trailTemplate({}, {}, policy({ ...publicRead, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } })));
  });

  test('Not applicable: a bucket the templates do not define', () => {
    const { stack } = testStack();
    l1Trail(stack, { s3BucketName: 'central-audit-logs' });
    expect(judge(rule, stack).map((r) => r.status)).toEqual([ResultStatus.NOT_APPLICABLE]);
  });

  test('Non-compliant 1: L2 trail to a bucket with public read access', () => {
    const { stack } = testStack();
    const bucket = new s3.Bucket(stack, 'Open', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS });
    bucket.addToResourcePolicy(new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['s3:GetObject'], resources: [bucket.arnForObjects('*')] }));
    l2Trail(stack, { bucket });
    expectFail(rule, stack, /allows everyone|BlockPublicPolicy/);
  });

  test('Non-compliant 2: escape hatch turns off Block Public Access of the AuditTrail bucket, and it cannot be acknowledged', () => {
    const { stack } = testStack();
    const audit = new AuditTrail(stack, 'Audit');
    (audit.bucket!.bucket.node.defaultChild as s3.CfnBucket).addPropertyOverride('PublicAccessBlockConfiguration.RestrictPublicBuckets', false);
    expectFail(rule, stack, /RestrictPublicBuckets off/);
    expect(rule.nonWaivable).toBe(true);
  });

  test('Non-compliant 3: raw L1 trail to a bucket with a public ACL', () => {
    const { stack } = testStack();
    const trail = l1Trail(stack);
    (stack.node.findChild('TrailBucket') as s3.CfnBucket).accessControl = 'PublicRead';
    expect(trail).toBeDefined();
    expectFail(rule, stack, /public canned ACL PublicRead/);
  });

  test('Non-compliant 4: hand-written bucket policy open to everyone', () => {
    expectFail(rule, trailTemplate({}, {}, policy(publicRead)), /allows everyone/);
  });

  test('Non-compliant 5: fails closed when the policy principal cannot be resolved', () => {
    expectFail(rule, withUnknownCondition(trailTemplate({}, {}, policy({ ...publicRead, Principal: { 'Fn::If': ['Prod', '*', { Ref: 'AWS::NoValue' }] } }))), /could not resolve/);
  });
});
