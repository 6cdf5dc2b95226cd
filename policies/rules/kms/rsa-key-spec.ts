import { Severity, defineRule, fail, isUnresolved, notApplicable, pass, unresolved } from '../../../lib/engine';

/**
 * RSA KMS keys used for encryption use a key longer than 2048 bits (RSA_3072 or RSA_4096).
 *
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/asymmetric-key-specs.html#key-spec-rsa
 */
export default defineRule({
  id: 'KMS.RsaKeyLength',
  severity: Severity.WARNING,
  title: 'RSA KMS encryption keys are longer than 2048 bits',
  fix: 'Use KeySpec RSA_3072 or RSA_4096 for an RSA key with KeyUsage ENCRYPT_DECRYPT (DataKey is symmetric)',
  resourceTypes: ['AWS::KMS::Key'],
  controls: {
    'pci-dss-4.0': ['3.6.1'],
    'nist-800-53-r5': ['SC-12', 'SC-13(a)'],
    'iso-27001-2022': ['A.8.24'],
    'nist-csf-2.0': ['PR.DS-01'],
  },
  equivalents: { 'cfn-guard': ['CT.KMS.PR.2'] },
  check: (key) => {
    const spec = key.properties.KeySpec;
    const usage = key.properties.KeyUsage ?? 'ENCRYPT_DECRYPT';
    if (isUnresolved(spec)) return unresolved('the key spec', spec, 'KeySpec');
    if (isUnresolved(usage)) return unresolved('the key usage', usage, 'KeyUsage');
    if (typeof spec !== 'string' || !spec.startsWith('RSA_') || usage !== 'ENCRYPT_DECRYPT') return notApplicable('the key is not an RSA encryption key');
    if (spec === 'RSA_2048') return fail('the RSA encryption key is only 2048 bits', 'KeySpec');
    return pass(`the RSA encryption key is ${spec}`);
  },
});
