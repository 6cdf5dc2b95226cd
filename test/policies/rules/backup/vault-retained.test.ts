import { RemovalPolicy } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import { SecureBackupVault } from '../../../../constructs/data/secure-backup-vault';
import rule from '../../../../policies/rules/backup/vault-retained';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';

describe('Backup.VaultRetained', () => {
  test('Compliant: SecureBackupVault with default props', () => {
    const { stack } = testStack();
    new SecureBackupVault(stack, 'Vault');
    expectPass(rule, stack);
  });

  test('Compliant: L2 vault (RETAIN by default)', () => {
    const { stack } = testStack();
    new backup.BackupVault(stack, 'Vault');
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 vault with RETAIN', () => {
    const { stack } = testStack();
    new backup.CfnBackupVault(stack, 'Vault', { backupVaultName: 'v' }).applyRemovalPolicy(RemovalPolicy.RETAIN);
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, { Resources: { Vault: { Type: 'AWS::Backup::BackupVault', DeletionPolicy: 'RetainExceptOnCreate', UpdateReplacePolicy: 'Retain', Properties: { BackupVaultName: 'v' } } } });
  });

  test('Non-compliant 1: L2 vault with removalPolicy DESTROY', () => {
    const { stack } = testStack();
    new backup.BackupVault(stack, 'Vault', { removalPolicy: RemovalPolicy.DESTROY });
    expectFail(rule, stack, /deleted with its stack/);
  });

  test('Non-compliant 2: escape hatch sets DeletionPolicy Delete on SecureBackupVault', () => {
    const { stack } = testStack();
    const v = new SecureBackupVault(stack, 'Vault');
    (v.backupVault.node.defaultChild as backup.CfnBackupVault).addOverride('DeletionPolicy', 'Delete');
    expectFail(rule, stack, /DeletionPolicy Delete/);
  });

  test('Non-compliant 3: raw L1 vault without policies (CloudFormation deletes it)', () => {
    const { stack } = testStack();
    new backup.CfnBackupVault(stack, 'Vault', { backupVaultName: 'v' });
    expectFail(rule, stack, /absent, so Delete/);
  });

  test('Non-compliant 4: hand-written template retained on delete but not on replacement', () => {
    expectFail(rule, { Resources: { Vault: { Type: 'AWS::Backup::BackupVault', DeletionPolicy: 'Retain', Properties: { BackupVaultName: 'v' } } } }, /replaces it/);
  });

  test('Non-compliant 5: fails closed when the DeletionPolicy is a parameter without default', () => {
    expectFail(rule, {
      Parameters: { Policy: { Type: 'String' } },
      Resources: { Vault: { Type: 'AWS::Backup::BackupVault', DeletionPolicy: { Ref: 'Policy' }, UpdateReplacePolicy: 'Retain', Properties: { BackupVaultName: 'v' } } },
    }, /could not resolve/);
  });
});
