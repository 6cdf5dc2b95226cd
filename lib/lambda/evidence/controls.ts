// Which framework controls each live check evidences. Control ids are data (DESIGN.md: never free text);
// test/lib/evidence/controls.test.ts proves every id exists in policies/frameworks.

/** Framework id to control ids. */
export type EvidenceControls = Readonly<Record<string, readonly string[]>>;

/** Controls per check id. A check with no entry evidences no control (it is inventory). */
export const CHECK_CONTROLS: Readonly<Record<string, EvidenceControls>> = {
  'kms.KeyRotation': { 'cis-aws-3.0': ['3.6'], 'nist-800-53-r5': ['SC-12', 'SC-12(2)'], 'pci-dss-4.0': ['3.7.4'], 'iso-27001-2022': ['A.8.24'] },
  'kms.PendingDeletion': { 'fsbp': ['KMS.3'], 'nist-800-53-r5': ['SC-12'] },
  'backup.VaultEncryption': { 'fsbp': ['Backup.1'], 'nist-800-53-r5': ['CP-9(8)', 'SC-28(1)'] },
  'backup.VaultLock': { 'nist-800-53-r5': ['CP-9(d)'], 'hipaa': ['164.312(c)(1)'], 'iso-27001-2022': ['A.8.13'] },
  'backup.VaultDeletionDenied': { 'nist-800-53-r5': ['CP-9(d)'], 'hipaa': ['164.312(c)(1)'], 'iso-27001-2022': ['A.8.13'] },
  'backup.PlanSelections': { 'nist-800-53-r5': ['CP-9(a)', 'CP-9(b)'], 'hipaa': ['164.308(a)(7)(ii)(A)'], 'iso-27001-2022': ['A.8.13'], 'nist-csf-2.0': ['PR.DS-11'] },
  'backup.RecoveryPointAge': { 'nist-800-53-r5': ['CP-9(a)', 'CP-9(b)'], 'hipaa': ['164.308(a)(7)(ii)(A)'], 'iso-27001-2022': ['A.8.13'], 'nist-csf-2.0': ['PR.DS-11'] },
  'backup.JobFailures': { 'nist-800-53-r5': ['CP-9(a)', 'CA-7'], 'nist-csf-2.0': ['PR.DS-11'] },
  'backup.RestoreTesting': {
    'nist-800-53-r5': ['CP-10'], 'nist-csf-2.0': ['PR.DS-11', 'RC.RP-03'], 'hipaa': ['164.308(a)(7)(ii)(D)'], 'iso-27001-2022': ['A.8.13'],
  },
};
