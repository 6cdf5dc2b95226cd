import { Duration } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { DataKey } from '../../../../constructs/data/data-key';
import { ResultStatus } from '../../../../lib/engine';
import rule from '../../../../policies/rules/kms/rotation-period';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass, statuses } from '../../rule-harness';
import { key, template, unknown } from './fixtures';

describe('KMS.RotationPeriod', () => {
  test('Compliant: DataKey defaults (365 days)', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new DataKey(stack, 'Key', { dataClass: 'data' });
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 key rotating every 90 days', () => {
    const { stack } = testStack();
    new kms.Key(stack, 'Key', { enableKeyRotation: true, rotationPeriod: Duration.days(90) });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 key without a period (KMS default 365)', () => {
    const { stack } = testStack();
    new kms.CfnKey(stack, 'Key', { enableKeyRotation: true, keyPolicy: {} });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template with a string period', () => {
    expectPass(rule, template({ Key: key({ RotationPeriodInDays: '180' }) }));
  });

  test('Not applicable: rotation off (KMS.KeyRotation reports it)', () => {
    expect(statuses(rule, template({ Key: key({ EnableKeyRotation: false, RotationPeriodInDays: 2560 }) }))).toEqual([ResultStatus.NOT_APPLICABLE]);
  });

  test('Non-compliant 1: DataKey with a two-year rotationPeriod (allowed by the construct, weaker than the baseline)', () => {
    const { stack } = testStack();
    new DataKey(stack, 'Key', { dataClass: 'data', rotationPeriod: Duration.days(730) });
    expectFail(rule, stack, /every 730 days/);
  });

  test('Non-compliant 2: raw L1 key rotating every 2560 days', () => {
    const { stack } = testStack();
    new kms.CfnKey(stack, 'Key', { enableKeyRotation: true, rotationPeriodInDays: 2560, keyPolicy: {} });
    expectFail(rule, stack, /more than 365/);
  });

  test('Non-compliant 3: hand-written template with 366 days', () => {
    expectFail(rule, template({ Key: key({ RotationPeriodInDays: 366 }) }), /every 366 days/);
  });

  test('Non-compliant 4: fails closed when the period cannot be resolved', () => {
    expectFail(rule, template({ Key: key({ RotationPeriodInDays: unknown(365, 2560) }) }), /could not resolve/);
  });
});
