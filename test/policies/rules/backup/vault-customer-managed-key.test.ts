import * as backup from 'aws-cdk-lib/aws-backup';
import * as kms from 'aws-cdk-lib/aws-kms';
import { SecureBackupVault } from '../../../../constructs/data/secure-backup-vault';
import rule from '../../../../policies/rules/backup/vault-customer-managed-key';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';

describe('Backup.VaultCustomerManagedKey', () => {
  test('Compliant: SecureBackupVault with default props', () => {
    // GIVEN
    const { stack } = testStack();
    new SecureBackupVault(stack, 'Vault');
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 vault with a customer-managed key', () => {
    const { stack } = testStack();
    new backup.BackupVault(stack, 'Vault', { encryptionKey: new kms.Key(stack, 'Key', { enableKeyRotation: true }) });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 vault with a key ARN through an alias', () => {
    const { stack } = testStack();
    const key = new kms.CfnKey(stack, 'Key', { keyPolicy: {} });
    const alias = new kms.CfnAlias(stack, 'Alias', { aliasName: 'alias/backup', targetKeyId: key.ref });
    new backup.CfnBackupVault(stack, 'Vault', { backupVaultName: 'v', encryptionKeyArn: alias.ref });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template with a key of another account', () => {
    expectPass(rule, {
      Resources: { Vault: { Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: 'v', EncryptionKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' } } },
    });
  });

  test('Non-compliant 1: L2 vault without a key (AWS managed aws/backup)', () => {
    const { stack } = testStack();
    new backup.BackupVault(stack, 'Vault');
    expectFail(rule, stack, /AWS managed key/);
  });

  test('Non-compliant 2: escape hatch removes the key of SecureBackupVault', () => {
    const { stack } = testStack();
    const vault = new SecureBackupVault(stack, 'Vault');
    (vault.backupVault.node.defaultChild as backup.CfnBackupVault).addPropertyDeletionOverride('EncryptionKeyArn');
    expectFail(rule, stack, /no EncryptionKeyArn/);
  });

  test('Non-compliant 3: raw L1 vault weakened to the alias aws/backup', () => {
    const { stack } = testStack();
    new backup.CfnBackupVault(stack, 'Vault', { backupVaultName: 'v', encryptionKeyArn: 'alias/aws/backup' });
    expectFail(rule, stack, /alias\/aws\/backup/);
  });

  test('Non-compliant 4: hand-written template pointing the key at a resource that is not a key', () => {
    expectFail(rule, {
      Resources: {
        Topic: { Type: 'AWS::SNS::Topic' },
        Vault: { Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: 'v', EncryptionKeyArn: { Ref: 'Topic' } } },
      },
    }, /could not resolve/);
  });

  test('Non-compliant 5: fails closed when the key depends on a parameter without default', () => {
    expectFail(rule, {
      Parameters: { Env: { Type: 'String' } },
      Conditions: { Prod: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
      Resources: { Vault: { Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: 'v', EncryptionKeyArn: { 'Fn::If': ['Prod', 'arn:x', { Ref: 'AWS::NoValue' }] } } } },
    }, /could not resolve/);
  });
});
