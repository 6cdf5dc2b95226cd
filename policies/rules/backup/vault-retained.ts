import { Severity, defineRule } from '../../../lib/engine';
import { retainedOutcome } from '../private/retained';

/**
 * Backup vaults are kept when their stack is deleted or the vault replaced: deleting the stack must not
 * take the recovery points' container with it. (AWS Backup refuses to delete a vault that still holds
 * recovery points, so the stack deletion would fail half-way instead.)
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html
 */
export default defineRule({
  id: 'Backup.VaultRetained',
  severity: Severity.WARNING,
  title: 'Backup vaults are retained when their stack is deleted',
  fix: 'Set DeletionPolicy and UpdateReplacePolicy to Retain (removalPolicy RETAIN; SecureBackupVault does)',
  resourceTypes: ['AWS::Backup::BackupVault'],
  controls: {
    'iso-27001-2022': ['A.8.13'],
    'nist-csf-2.0': ['PR.DS-11'],
    'nist-800-53-r5': ['CP-9(d)'],
    'hipaa': ['164.308(a)(7)(ii)(A)'],
  },
  check: (vault) => retainedOutcome(vault, 'vault'),
});
