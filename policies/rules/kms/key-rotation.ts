import { Severity, asBoolean, defineRule, fail, isUnresolved, pass, unresolved } from '../../../lib/engine';
import { rotationNotApplicable } from '../private/kms-key';

/**
 * Symmetric customer-managed KMS keys rotate their key material automatically.
 *
 * Not applicable to asymmetric, HMAC and imported keys, which KMS cannot rotate automatically.
 *
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html
 */
export default defineRule({
  id: 'KMS.KeyRotation',
  severity: Severity.ERROR,
  title: 'Symmetric KMS keys have automatic rotation on',
  fix: 'Set EnableKeyRotation: true (DataKey does; on a kms.Key use enableKeyRotation: true)',
  resourceTypes: ['AWS::KMS::Key'],
  controls: {
    'cis-aws-3.0': ['3.6'],
    'pci-dss-4.0': ['3.6.1', '3.7.4'],
    'nist-800-53-r5': ['SC-12', 'SC-12(2)'],
    'hipaa': ['164.312(a)(2)(iv)'],
    'iso-27001-2022': ['A.8.24'],
    'nist-csf-2.0': ['PR.DS-01'],
    'gdpr': ['Art. 32'],
  },
  equivalents: {
    'cdk-nag': ['AwsSolutions-KMS5', 'NIST.800.53.R5-KMSBackingKeyRotationEnabled', 'PCI.DSS.321-KMSBackingKeyRotationEnabled'],
    'cfn-guard': ['CT.KMS.PR.1'],
  },
  check: (key) => {
    const skip = rotationNotApplicable(key);
    if (skip) return skip;
    const on = asBoolean(key.properties.EnableKeyRotation);
    if (isUnresolved(on)) return unresolved('EnableKeyRotation', on, 'EnableKeyRotation');
    if (on !== true) return fail(`automatic rotation is ${on === false ? 'off' : 'not set (off)'}`, 'EnableKeyRotation');
    return pass('automatic rotation is on');
  },
});
