import { Severity, defineRule, fail, pass, unresolved } from '../../../lib/engine';
import { keyReference } from '../private/kms';

/**
 * AWS Backup vaults encrypt their recovery points with a customer-managed KMS key. Without
 * `EncryptionKeyArn` the vault uses the AWS managed key `aws/backup`, whose policy nobody can restrict.
 *
 * @see https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html
 */
export default defineRule({
  id: 'Backup.VaultCustomerManagedKey',
  severity: Severity.ERROR,
  title: 'Backup vaults encrypt recovery points with a customer-managed KMS key',
  fix: 'Set EncryptionKeyArn to a customer-managed key (SecureBackupVault defines a DataKey for it)',
  resourceTypes: ['AWS::Backup::BackupVault'],
  controls: {
    'fsbp': ['Backup.1'],
    'pci-dss-4.0': ['3.5.1'],
    'hipaa': ['164.312(a)(2)(iv)', '164.308(a)(7)(ii)(A)'],
    'iso-27001-2022': ['A.8.13', 'A.8.24'],
    'nist-csf-2.0': ['PR.DS-01', 'PR.DS-11'],
    'nist-800-53-r5': ['CP-9(d)', 'CP-9(8)', 'SC-28(1)', 'SC-12'],
    'gdpr': ['Art. 32'],
  },
  check: (vault, set) => {
    const value = vault.properties.EncryptionKeyArn;
    const key = keyReference(set, value);
    if (!key) return fail('the vault has no EncryptionKeyArn, so recovery points are encrypted with the AWS managed key aws/backup', 'EncryptionKeyArn');
    switch (key.kind) {
      case 'unresolved':
        return unresolved("the vault's encryption key", key.value, 'EncryptionKeyArn');
      case 'aws-managed':
        return fail(`the vault is encrypted with the AWS managed key ${key.alias}`, 'EncryptionKeyArn');
      case 'cmk':
        return pass(`the vault is encrypted with the customer-managed key ${key.key.logicalId}`);
      default:
        return pass(`the vault is encrypted with the customer-managed key ${key.value}`);
    }
  },
});
