import { Severity, asNumber, defineRule, fail, isPlainObject, isUnresolved, pass, unresolved } from '../../../lib/engine';

/** Shortest `MinRetentionDays` a vault lock may have (AWS Backup accepts 1). */
export const MIN_LOCK_RETENTION_DAYS = 7;

/**
 * AWS Backup vaults have Vault Lock with a minimum retention, so no recovery point can be deleted or
 * made to expire sooner, by anyone. A lock with `ChangeableForDays` is in compliance mode (immutable
 * once the grace period ends); without it, governance mode (removable with
 * `backup:DeleteBackupVaultLockConfiguration`). Both pass; the finding says which.
 *
 * @see https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html
 */
export default defineRule({
  id: 'Backup.VaultLock',
  severity: Severity.ERROR,
  title: `Backup vaults have Vault Lock with a minimum retention of at least ${MIN_LOCK_RETENTION_DAYS} days`,
  fix: `Set LockConfiguration.MinRetentionDays to ${MIN_LOCK_RETENTION_DAYS} or more (SecureBackupVault locks for 35 days; lockMode COMPLIANCE makes it immutable)`,
  resourceTypes: ['AWS::Backup::BackupVault'],
  controls: {
    'hipaa': ['164.308(a)(7)(ii)(A)', '164.312(c)(1)'],
    'iso-27001-2022': ['A.8.13', 'A.5.33'],
    'nist-csf-2.0': ['PR.DS-11', 'PR.DS-01'],
    'nist-800-53-r5': ['CP-9(d)', 'SI-12'],
    'gdpr': ['Art. 32', 'Art. 5(1)(f)'],
  },
  check: (vault) => {
    const lock = vault.properties.LockConfiguration;
    if (lock === undefined) return fail('the vault has no Vault Lock (LockConfiguration), so recovery points can be deleted before their retention ends', 'LockConfiguration');
    if (isUnresolved(lock)) return unresolved("the vault's lock configuration", lock, 'LockConfiguration');
    if (!isPlainObject(lock)) return fail('LockConfiguration is not an object', 'LockConfiguration');
    const min = asNumber(lock.MinRetentionDays);
    if (isUnresolved(min)) return unresolved("the vault lock's MinRetentionDays", min, 'LockConfiguration.MinRetentionDays');
    if (min === undefined) return fail('the vault lock sets no MinRetentionDays', 'LockConfiguration.MinRetentionDays');
    if (min < MIN_LOCK_RETENTION_DAYS) {
      return fail(`the vault lock's MinRetentionDays is ${min}, below ${MIN_LOCK_RETENTION_DAYS} days`, 'LockConfiguration.MinRetentionDays');
    }
    const changeable = asNumber(lock.ChangeableForDays);
    if (isUnresolved(changeable)) return unresolved("the vault lock's ChangeableForDays (its mode)", changeable, 'LockConfiguration.ChangeableForDays');
    const mode = changeable === undefined ? 'governance mode' : `compliance mode (immutable after ${changeable} days)`;
    return pass(`the vault is locked in ${mode} with a ${min}-day minimum retention`);
  },
});
