// The IAM actions the collectors call, kept apart from the collectors so a construct can name them
// without loading the AWS SDK at synth. test/lib/evidence/policy.test.ts proves they equal the calls made.

/** The KMS actions the KMS collector calls. */
export const KMS_ACTIONS = ['kms:ListKeys', 'kms:ListAliases', 'kms:DescribeKey', 'kms:GetKeyRotationStatus', 'kms:GetKeyPolicy'] as const;

/** The Backup actions the Backup collector calls. */
export const BACKUP_ACTIONS = [
  'backup:ListBackupVaults', 'backup:GetBackupVaultAccessPolicy', 'backup:ListBackupPlans', 'backup:GetBackupPlan', 'backup:ListBackupSelections',
  'backup:ListRecoveryPointsByBackupVault', 'backup:ListBackupJobs', 'backup:ListCopyJobs', 'backup:ListRestoreJobs', 'backup:ListRestoreTestingPlans',
] as const;
