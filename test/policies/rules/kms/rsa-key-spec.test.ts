import * as kms from 'aws-cdk-lib/aws-kms';
import { DataKey } from '../../../../constructs/data/data-key';
import { ResultStatus } from '../../../../lib/engine';
import rule from '../../../../policies/rules/kms/rsa-key-spec';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass, statuses } from '../../rule-harness';
import { key, template, unknown } from './fixtures';

describe('KMS.RsaKeyLength', () => {
  test('Not applicable: DataKey (symmetric)', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new DataKey(stack, 'Key', { dataClass: 'data' });
    // THEN
    expect(statuses(rule, stack)).toEqual([ResultStatus.NOT_APPLICABLE]);
  });

  test('Compliant: L2 RSA_3072 encryption key', () => {
    const { stack } = testStack();
    new kms.Key(stack, 'Key', { keySpec: kms.KeySpec.RSA_3072, keyUsage: kms.KeyUsage.ENCRYPT_DECRYPT });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 RSA_4096 encryption key', () => {
    const { stack } = testStack();
    new kms.CfnKey(stack, 'Key', { keySpec: 'RSA_4096', keyUsage: 'ENCRYPT_DECRYPT', keyPolicy: {} });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, template({ Key: key({ KeySpec: 'RSA_3072', KeyUsage: 'ENCRYPT_DECRYPT', EnableKeyRotation: false }) }));
  });

  test('Non-compliant 1: L2 RSA_2048 encryption key', () => {
    const { stack } = testStack();
    new kms.Key(stack, 'Key', { keySpec: kms.KeySpec.RSA_2048, keyUsage: kms.KeyUsage.ENCRYPT_DECRYPT });
    expectFail(rule, stack, /only 2048 bits/);
  });

  test('Non-compliant 2: raw L1 RSA_2048 key with the default usage', () => {
    const { stack } = testStack();
    new kms.CfnKey(stack, 'Key', { keySpec: 'RSA_2048', keyPolicy: {} });
    expectFail(rule, stack, /only 2048 bits/);
  });

  test('Non-compliant 3: hand-written template', () => {
    expectFail(rule, template({ Key: key({ KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' }) }), /2048/);
  });

  test('Non-compliant 4: fails closed when the key spec cannot be resolved', () => {
    expectFail(rule, template({ Key: key({ KeySpec: unknown('RSA_4096', 'RSA_2048') }) }), /could not resolve/);
  });

  test('Not applicable: RSA signing key', () => {
    expect(statuses(rule, template({ Key: key({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }) }))).toEqual([ResultStatus.NOT_APPLICABLE]);
  });
});
