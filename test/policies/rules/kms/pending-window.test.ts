import { Duration } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { DataKey } from '../../../../constructs/data/data-key';
import rule from '../../../../policies/rules/kms/pending-window';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { key, template, unknown } from './fixtures';

describe('KMS.PendingWindow', () => {
  test('Compliant: DataKey defaults', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new DataKey(stack, 'Key', { dataClass: 'data' });
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 key with pendingWindow 30 days', () => {
    const { stack } = testStack();
    new kms.Key(stack, 'Key', { pendingWindow: Duration.days(30) });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 key without a window (the default is 30)', () => {
    const { stack } = testStack();
    new kms.CfnKey(stack, 'Key', { keyPolicy: {} });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template with "30"', () => {
    expectPass(rule, template({ Key: key({ PendingWindowInDays: '30' }) }));
  });

  test('Non-compliant 1: L2 key with pendingWindow 7 days', () => {
    const { stack } = testStack();
    new kms.Key(stack, 'Key', { pendingWindow: Duration.days(7) });
    expectFail(rule, stack, /waits only 7 days/);
  });

  test('Non-compliant 2: raw L1 key with 10 days', () => {
    const { stack } = testStack();
    new kms.CfnKey(stack, 'Key', { pendingWindowInDays: 10, keyPolicy: {} });
    expectFail(rule, stack, /waits only 10 days/);
  });

  test('Non-compliant 3: hand-written template with 29 days', () => {
    expectFail(rule, template({ Key: key({ PendingWindowInDays: 29 }) }), /waits only 29 days/);
  });

  test('Non-compliant 4: fails closed when the window cannot be resolved', () => {
    expectFail(rule, template({ Key: key({ PendingWindowInDays: unknown(30, 7) }) }), /could not resolve/);
  });

  test('Non-compliant 5: escape hatch that shortens the DataKey window is caught', () => {
    const { stack } = testStack();
    new DataKey(stack, 'Key', { dataClass: 'data' }).cfnKey.addPropertyOverride('PendingWindowInDays', 7);
    expectFail(rule, stack, /waits only 7 days/);
  });
});
