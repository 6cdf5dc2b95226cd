import { Severity, defineRule, pass } from '../../../lib/engine';
import { unscopedServiceFinding } from '../private/policy-principals';

/**
 * KMS key policy statements that allow an AWS service are scoped to this account's use
 * (`aws:SourceAccount`, `aws:SourceArn`, `kms:ViaService`, `kms:CallerAccount` or an encryption-context
 * condition), so the service cannot use the key on behalf of another account (confused deputy).
 *
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/conditions-aws.html
 */
export default defineRule({
  id: 'KMS.ServicePrincipalScoped',
  severity: Severity.WARNING,
  title: 'KMS key policies scope AWS service principals to this account',
  fix: 'Add aws:SourceAccount, aws:SourceArn, kms:ViaService or a kms:EncryptionContext condition to every statement that allows a service principal (DataKey.allowServiceUse() always does)',
  resourceTypes: ['AWS::KMS::Key'],
  controls: {
    'pci-dss-4.0': ['3.6.1', '7.2.1'],
    'nist-800-53-r5': ['AC-3', 'AC-6', 'SC-12'],
    'hipaa': ['164.312(a)(1)'],
    'iso-27001-2022': ['A.5.15', 'A.8.24'],
    'nist-csf-2.0': ['PR.AA-05'],
    'gdpr': ['Art. 32'],
  },
  check: (key) =>
    unscopedServiceFinding(key.properties.KeyPolicy, 'key policy', 'KeyPolicy') ?? pass('every service-principal statement is scoped to this account'),
});
