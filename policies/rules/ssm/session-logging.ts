import { Severity, asBoolean, defineRule, fail, isUnresolved, pass, unresolved } from '../../../lib/engine';
import { isOutcome, isSet, sessionPreferencesInputs } from '../private/ssm';

/** Each log destination of the preferences, with the flag that encrypts it. */
const DESTINATIONS = [
  { name: 'cloudWatchLogGroupName', flag: 'cloudWatchEncryptionEnabled', what: 'CloudWatch Logs' },
  { name: 's3BucketName', flag: 's3EncryptionEnabled', what: 'S3' },
] as const;

/**
 * Session Manager preferences log every session to CloudWatch Logs or S3, and require that
 * destination to be encrypted (`cloudWatchEncryptionEnabled` / `s3EncryptionEnabled`).
 *
 * @see https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-logging.html
 */
export default defineRule({
  id: 'SSM.SessionLogging',
  severity: Severity.ERROR,
  title: 'Session Manager preferences log sessions to an encrypted destination',
  fix: 'Set inputs.cloudWatchLogGroupName (or s3BucketName) with cloudWatchEncryptionEnabled (or s3EncryptionEnabled) true (Bastion does, to a SecureLogGroup)',
  resourceTypes: ['AWS::SSM::Document'],
  controls: {
    'pci-dss-4.0': ['10.2.1', '10.2.1.2'],
    'nist-800-53-r5': ['AU-2(b)', 'AU-12(a)', 'SC-28(1)'],
    'hipaa': ['164.312(b)'],
    'iso-27001-2022': ['A.8.15'],
    'nist-csf-2.0': ['PR.PS-04', 'DE.CM-03'],
    'gdpr': ['Art. 32'],
  },
  check: (document) => {
    const inputs = sessionPreferencesInputs(document);
    if (isOutcome(inputs)) return inputs;
    const used: string[] = [];
    for (const d of DESTINATIONS) {
      const target = inputs[d.name];
      if (isUnresolved(target)) return unresolved(`inputs.${d.name}`, target, `Content.inputs.${d.name}`);
      if (!isSet(target)) continue;
      const encrypted = asBoolean(inputs[d.flag]);
      if (isUnresolved(encrypted)) return unresolved(`inputs.${d.flag}`, encrypted, `Content.inputs.${d.flag}`);
      if (encrypted !== true) {
        return fail(`sessions are logged to ${d.what}, but inputs.${d.flag} is not true, so unencrypted destinations are accepted`, `Content.inputs.${d.flag}`);
      }
      used.push(d.what);
    }
    if (used.length === 0) return fail('sessions are not logged: set inputs.cloudWatchLogGroupName or inputs.s3BucketName', 'Content.inputs');
    return pass(`sessions are logged to ${used.join(' and ')}, encrypted`);
  },
});
