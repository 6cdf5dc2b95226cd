import { Severity, defineRule, fail, pass } from '../../../lib/engine';
import { publicAccessFinding } from '../private/policy-principals';

/**
 * KMS key policies never allow everyone (`*`) without a condition that ties the principal to an
 * account or organization (`kms:CallerAccount`, `aws:PrincipalAccount`, `aws:PrincipalOrgID`, ...).
 *
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html
 */
export default defineRule({
  id: 'KMS.NoPublicKeyPolicy',
  severity: Severity.ERROR,
  title: 'KMS key policies do not allow public access',
  fix: 'Name the principals in each Allow statement, or add kms:CallerAccount / aws:PrincipalAccount / aws:PrincipalOrgID to every Allow with Principal "*" (DataKey grants only named principals and scoped services)',
  resourceTypes: ['AWS::KMS::Key'],
  nonWaivable: true,
  controls: {
    'fsbp': ['KMS.5'],
    'pci-dss-4.0': ['3.6.1', '7.2.1'],
    'nist-800-53-r5': ['AC-3', 'AC-6', 'SC-12'],
    'hipaa': ['164.312(a)(1)'],
    'iso-27001-2022': ['A.5.15', 'A.8.24'],
    'nist-csf-2.0': ['PR.AA-05'],
    'gdpr': ['Art. 32'],
  },
  check: (key) => {
    if (key.properties.KeyPolicy === undefined) return fail('the key declares no key policy', 'KeyPolicy');
    return publicAccessFinding(key.properties.KeyPolicy, 'key policy', 'KeyPolicy') ?? pass('no statement allows everyone without a narrowing condition');
  },
});
