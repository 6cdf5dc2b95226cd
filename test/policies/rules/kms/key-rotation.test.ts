import * as kms from 'aws-cdk-lib/aws-kms';
import { DataKey } from '../../../../constructs/data/data-key';
import { ResultStatus } from '../../../../lib/engine';
import rule from '../../../../policies/rules/kms/key-rotation';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass, statuses } from '../../rule-harness';
import { key, template, unknown } from './fixtures';

describe('KMS.KeyRotation', () => {
  test('Compliant: DataKey defaults', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new DataKey(stack, 'Key', { dataClass: 'data' });
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 key with enableKeyRotation', () => {
    const { stack } = testStack();
    new kms.Key(stack, 'Key', { enableKeyRotation: true });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 key', () => {
    const { stack } = testStack();
    new kms.CfnKey(stack, 'Key', { enableKeyRotation: true, keyPolicy: {} });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template with a string boolean', () => {
    expectPass(rule, template({ Key: key({ EnableKeyRotation: 'true' }) }));
  });

  test('Not applicable: asymmetric and HMAC keys', () => {
    const { stack } = testStack();
    new kms.Key(stack, 'Signing', { keySpec: kms.KeySpec.ECC_NIST_P256, keyUsage: kms.KeyUsage.SIGN_VERIFY });
    new kms.CfnKey(stack, 'Hmac', { keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC', keyPolicy: {} });
    expect(statuses(rule, stack)).toEqual([ResultStatus.NOT_APPLICABLE, ResultStatus.NOT_APPLICABLE]);
  });

  test('Not applicable: imported key material', () => {
    expect(statuses(rule, template({ Key: key({ EnableKeyRotation: false, Origin: 'EXTERNAL' }) }))).toEqual([ResultStatus.NOT_APPLICABLE]);
  });

  test('Non-compliant 1: L2 key with default props', () => {
    const { stack } = testStack();
    new kms.Key(stack, 'Key');
    expectFail(rule, stack, /rotation is (off|not set)/);
  });

  test('Non-compliant 2: raw L1 key with rotation off', () => {
    const { stack } = testStack();
    new kms.CfnKey(stack, 'Key', { enableKeyRotation: false, keyPolicy: {} });
    expectFail(rule, stack, /rotation is off/);
  });

  test('Non-compliant 3: hand-written template with rotation "false"', () => {
    expectFail(rule, template({ Key: key({ EnableKeyRotation: 'false' }) }), /rotation is off/);
  });

  test('Non-compliant 4: fails closed when rotation cannot be resolved', () => {
    expectFail(rule, template({ Key: key({ EnableKeyRotation: unknown(true, false) }) }), /could not resolve/);
  });

  test('Non-compliant 5: escape hatch that turns DataKey rotation off is caught', () => {
    const { stack } = testStack();
    const dataKey = new DataKey(stack, 'Key', { dataClass: 'data' });
    dataKey.cfnKey.addPropertyOverride('EnableKeyRotation', false);
    expectFail(rule, stack, /rotation is off/);
  });

  test('Compliant: escape hatch that turns rotation on for an L2 key passes', () => {
    const { stack } = testStack();
    const k = new kms.Key(stack, 'Key');
    (k.node.defaultChild as kms.CfnKey).addPropertyOverride('EnableKeyRotation', true);
    expectPass(rule, stack);
  });
});
