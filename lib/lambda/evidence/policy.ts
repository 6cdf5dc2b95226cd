// The least-privilege, read-only IAM policy the collectors need: exactly the actions they call.
// test/lib/evidence/policy.test.ts runs the collectors against the loopback server and proves the set
// of calls they make equals these actions. sts:GetCallerIdentity needs no permission.
// @see https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
import { BACKUP_ACTIONS, KMS_ACTIONS } from './actions';

/** Every IAM action the collectors call, sorted. */
export const EVIDENCE_ACTIONS: readonly string[] = [...KMS_ACTIONS, ...BACKUP_ACTIONS].sort();

/**
 * The IAM policy document for the collectors. The List and Get actions read metadata only (no key
 * material, no backup data); `Resource: '*'` because the List actions have no resource to scope to.
 */
export function evidencePolicyDocument(): { Version: string; Statement: { Sid: string; Effect: string; Action: string[]; Resource: string }[] } {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ReadKmsKeyEvidence', Effect: 'Allow', Action: EVIDENCE_ACTIONS.filter((a) => a.startsWith('kms:')), Resource: '*' },
      { Sid: 'ReadBackupEvidence', Effect: 'Allow', Action: EVIDENCE_ACTIONS.filter((a) => a.startsWith('backup:')), Resource: '*' },
    ],
  };
}
