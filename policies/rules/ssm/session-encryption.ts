import { Severity, defineRule, fail, isUnresolved, pass, unresolved } from '../../../lib/engine';
import { isOutcome, isSet, sessionPreferencesInputs } from '../private/ssm';

/**
 * Session Manager preferences encrypt session data with a customer-managed KMS key (`inputs.kmsKeyId`),
 * on top of TLS.
 *
 * @see https://docs.aws.amazon.com/systems-manager/latest/userguide/session-preferences-enable-encryption.html
 */
export default defineRule({
  id: 'SSM.SessionEncryption',
  severity: Severity.ERROR,
  title: 'Session Manager preferences encrypt session data with a KMS key',
  fix: 'Set inputs.kmsKeyId in the SSM-SessionManagerRunShell document (Bastion does, with its DataKey)',
  resourceTypes: ['AWS::SSM::Document'],
  controls: {
    'pci-dss-4.0': ['4.2.1'],
    'nist-800-53-r5': ['SC-8(1)', 'AC-17(2)'],
    'hipaa': ['164.312(e)(1)', '164.312(e)(2)(ii)'],
    'iso-27001-2022': ['A.8.24'],
    'nist-csf-2.0': ['PR.DS-02'],
    'gdpr': ['Art. 32'],
  },
  check: (document) => {
    const inputs = sessionPreferencesInputs(document);
    if (isOutcome(inputs)) return inputs;
    const key = inputs.kmsKeyId;
    if (isUnresolved(key)) return unresolved('inputs.kmsKeyId', key, 'Content.inputs.kmsKeyId');
    if (!isSet(key)) return fail('session data is encrypted with TLS only: inputs.kmsKeyId is not set', 'Content.inputs.kmsKeyId');
    return pass('session data is encrypted with a KMS key');
  },
});
