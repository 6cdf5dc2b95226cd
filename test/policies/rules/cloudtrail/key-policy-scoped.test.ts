import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { AuditTrail } from '../../../../constructs/detection/audit-trail';
import { ResultStatus } from '../../../../lib/engine';
import rule from '../../../../policies/rules/cloudtrail/key-policy-scoped';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass, judge } from '../../rule-harness';
import { l1Trail, l2Trail, trailTemplate, withUnknownCondition } from './fixtures';

const encrypt = (condition?: unknown) => ({ Sid: 'CloudTrailEncrypt', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'kms:GenerateDataKey*', Resource: '*', Condition: condition });
const withKeyPolicy = (statement: Record<string, unknown>) => {
  const template = trailTemplate();
  template.Resources.Key.Properties.KeyPolicy = { Statement: [statement] };
  return template;
};

describe('CloudTrail.KeyPolicyScoped', () => {
  test('Compliant: AuditTrail with default props', () => {
    const { stack } = testStack();
    new AuditTrail(stack, 'Audit');
    expectPass(rule, stack);
  });

  test('Compliant: L2 key with a scoped CloudTrail statement', () => {
    const { stack } = testStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    key.addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')], actions: ['kms:GenerateDataKey*'], resources: ['*'],
      conditions: { StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:${stack.partition}:cloudtrail:*:${stack.account}:trail/*` } },
    }));
    new cloudtrail.CfnTrail(stack, 'Trail', { isLogging: true, s3BucketName: 'b', kmsKeyId: key.keyArn });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template scoped by account', () => {
    expectPass(rule, withKeyPolicy(encrypt({ StringEquals: { 'aws:SourceAccount': '111122223333' } })));
  });

  test('Not applicable: a key defined outside the templates', () => {
    const { stack } = testStack();
    l1Trail(stack, { kmsKeyId: 'arn:aws:kms:eu-west-1:999999999999:key/1234abcd-12ab-34cd-56ef-1234567890ab' });
    expect(judge(rule, stack).map((r) => r.status)).toEqual([ResultStatus.NOT_APPLICABLE]);
  });

  test('Non-compliant 1: L2 trail with a key that only admits the account (CloudTrail cannot use it)', () => {
    const { stack } = testStack();
    l2Trail(stack);
    expectFail(rule, stack, /does not admit CloudTrail/);
  });

  test('Non-compliant 2: escape hatch drops the conditions of the AuditTrail key statements', () => {
    const { stack } = testStack();
    const audit = new AuditTrail(stack, 'Audit');
    const cfnKey = audit.dataKey!.cfnKey;
    const document = stack.resolve(cfnKey.keyPolicy);
    for (const s of document.Statement) if (s.Principal?.Service === 'cloudtrail.amazonaws.com') delete s.Condition;
    cfnKey.addPropertyOverride('KeyPolicy', document);
    expectFail(rule, stack, /admits CloudTrail \(statement AllowCloudTrail.*without/);
  });

  test('Non-compliant 3: raw L1 key admitting CloudTrail unconditionally', () => {
    const { stack } = testStack();
    l1Trail(stack);
    (stack.node.findChild('Key') as kms.CfnKey).keyPolicy = { Statement: [encrypt()] };
    expectFail(rule, stack, /without an aws:SourceArn/);
  });

  test('Non-compliant 4: hand-written statement scoped by an unrelated key', () => {
    expectFail(rule, withKeyPolicy(encrypt({ StringEquals: { 'kms:CallerAccount': '111122223333' } })), /without/);
  });

  test('Non-compliant 5: fails closed on an unknown condition', () => {
    expectFail(rule, withUnknownCondition(withKeyPolicy(encrypt({ 'Fn::If': ['Prod', { StringEquals: { 'aws:SourceAccount': '1' } }, {}] }))), /could not resolve/);
  });
});
