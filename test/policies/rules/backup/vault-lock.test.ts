import { Duration } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import { SecureBackupVault, VaultLockMode } from '../../../../constructs/data/secure-backup-vault';
import rule from '../../../../policies/rules/backup/vault-lock';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';

const vault = (lock?: unknown) => ({ Resources: { Vault: { Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: 'v', LockConfiguration: lock } } } });

describe('Backup.VaultLock', () => {
  test('Compliant: SecureBackupVault with default props (governance mode, 35 days)', () => {
    const { stack } = testStack();
    new SecureBackupVault(stack, 'Vault');
    const [result] = expectPass(rule, stack);
    expect(result.message).toMatch(/governance mode with a 35-day/);
  });

  test('Compliant: SecureBackupVault in compliance mode says so', () => {
    const { stack } = testStack();
    new SecureBackupVault(stack, 'Vault', { lockMode: VaultLockMode.COMPLIANCE });
    const [result] = expectPass(rule, stack);
    expect(result.message).toMatch(/compliance mode \(immutable after 3 days\)/);
  });

  test('Compliant: L2 vault with a 7-day lock', () => {
    const { stack } = testStack();
    new backup.BackupVault(stack, 'Vault', { lockConfiguration: { minRetention: Duration.days(7) } });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 vault with a lock', () => {
    const { stack } = testStack();
    new backup.CfnBackupVault(stack, 'Vault', { backupVaultName: 'v', lockConfiguration: { minRetentionDays: 30, changeableForDays: 3 } });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template with the days as strings', () => {
    expectPass(rule, vault({ MinRetentionDays: '35' }));
  });

  test('Non-compliant 1: L2 vault without a lock', () => {
    const { stack } = testStack();
    new backup.BackupVault(stack, 'Vault');
    expectFail(rule, stack, /no Vault Lock/);
  });

  test('Non-compliant 2: escape hatch weakens the lock of SecureBackupVault to 1 day', () => {
    const { stack } = testStack();
    const v = new SecureBackupVault(stack, 'Vault');
    (v.backupVault.node.defaultChild as backup.CfnBackupVault).addPropertyOverride('LockConfiguration.MinRetentionDays', 1);
    expectFail(rule, stack, /MinRetentionDays is 1, below 7/);
  });

  test('Non-compliant 3: raw L1 vault with a lock and no minimum', () => {
    const { stack } = testStack();
    const v = new backup.CfnBackupVault(stack, 'Vault', { backupVaultName: 'v', lockConfiguration: { minRetentionDays: 7, maxRetentionDays: 30 } });
    v.addPropertyDeletionOverride('LockConfiguration.MinRetentionDays');
    expectFail(rule, stack, /no MinRetentionDays/);
  });

  test('Non-compliant 4: hand-written template with a 3-day lock', () => {
    expectFail(rule, vault({ MinRetentionDays: 3 }), /below 7 days/);
  });

  test('Non-compliant 5: fails closed when the minimum comes from a parameter without default', () => {
    expectFail(rule, { Parameters: { Days: { Type: 'Number' } }, ...vault({ MinRetentionDays: { Ref: 'Days' } }) }, /could not resolve/);
  });
});
