import { RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { DataKey } from '../../../../constructs/data/data-key';
import rule from '../../../../policies/rules/kms/retain-on-delete';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { key } from './fixtures';

describe('KMS.RetainOnDelete', () => {
  test('Compliant: DataKey defaults', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new DataKey(stack, 'Key', { dataClass: 'data' });
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 key (RETAIN is the default)', () => {
    const { stack } = testStack();
    new kms.Key(stack, 'Key');
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 key with RETAIN', () => {
    const { stack } = testStack();
    new kms.CfnKey(stack, 'Key', { keyPolicy: {} }).applyRemovalPolicy(RemovalPolicy.RETAIN);
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, { Resources: { Key: key() } });
  });

  test('Non-compliant 1: L2 key with DESTROY', () => {
    const { stack } = testStack();
    new kms.Key(stack, 'Key', { removalPolicy: RemovalPolicy.DESTROY });
    expectFail(rule, stack, /DeletionPolicy Delete/);
  });

  test('Non-compliant 2: raw L1 key without policies', () => {
    const { stack } = testStack();
    new kms.CfnKey(stack, 'Key', { keyPolicy: {} });
    expectFail(rule, stack, /DeletionPolicy absent/);
  });

  test('Non-compliant 3: hand-written template replaced on update', () => {
    expectFail(rule, { Resources: { Key: key({}, { UpdateReplacePolicy: 'Delete' }) } }, /UpdateReplacePolicy Delete/);
  });

  test('Non-compliant 4: fails closed when the policy cannot be resolved', () => {
    expectFail(rule, { Parameters: { Keep: { Type: 'String' } }, Resources: { Key: key({}, { DeletionPolicy: { Ref: 'Keep' } }) } }, /could not resolve/);
  });

  test('Non-compliant 5: escape hatch that deletes the DataKey with the stack is caught', () => {
    const { stack } = testStack();
    new DataKey(stack, 'Key', { dataClass: 'data' }).cfnKey.addOverride('DeletionPolicy', 'Delete');
    expectFail(rule, stack, /DeletionPolicy Delete/);
  });
});
