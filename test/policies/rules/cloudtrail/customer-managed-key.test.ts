import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import { AuditTrail } from '../../../../constructs/detection/audit-trail';
import rule from '../../../../policies/rules/cloudtrail/customer-managed-key';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { l1Trail, l2Trail, trailTemplate, withUnknownCondition } from './fixtures';

describe('CloudTrail.CustomerManagedKey', () => {
  test('Compliant: AuditTrail with default props', () => {
    const { stack } = testStack();
    new AuditTrail(stack, 'Audit');
    expectPass(rule, stack);
  });

  test('Compliant: L2 trail with a key', () => {
    const { stack } = testStack();
    l2Trail(stack);
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 trail', () => {
    const { stack } = testStack();
    l1Trail(stack);
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template with a key of a central account', () => {
    expectPass(rule, trailTemplate({ KMSKeyId: 'arn:aws:kms:eu-west-1:999999999999:key/1234abcd-12ab-34cd-56ef-1234567890ab' }));
  });

  test('Non-compliant 1: L2 trail without a key', () => {
    const { stack } = testStack();
    l2Trail(stack, { encryptionKey: undefined });
    expectFail(rule, stack, /no KMSKeyId/);
  });

  test('Non-compliant 2: escape hatch removes the key of AuditTrail', () => {
    const { stack } = testStack();
    const audit = new AuditTrail(stack, 'Audit');
    (audit.trail!.node.defaultChild as cloudtrail.CfnTrail).addPropertyDeletionOverride('KMSKeyId');
    expectFail(rule, stack, /no KMSKeyId/);
  });

  test('Non-compliant 3: raw L1 trail weakened to an AWS managed alias', () => {
    const { stack } = testStack();
    l1Trail(stack, { kmsKeyId: 'alias/aws/s3' });
    expectFail(rule, stack, /AWS managed key/);
  });

  test('Non-compliant 4: hand-written template without KMSKeyId', () => {
    expectFail(rule, trailTemplate({ KMSKeyId: undefined }), /no KMSKeyId/);
  });

  test('Non-compliant 5: fails closed on an unknown condition', () => {
    expectFail(rule, withUnknownCondition(trailTemplate({ KMSKeyId: { 'Fn::If': ['Prod', 'arn:k', { Ref: 'AWS::NoValue' }] } })), /could not resolve/);
  });
});
