import { Severity, asList, defineRule, fail, isPlainObject, isUnresolved, pass, unresolved, unresolvedIn } from '../../../lib/engine';
import { grantsAction, hasWildcardPrincipal, isDeny, statementsOf } from '../private/iam';

/** Actions the vault access policy must deny to every principal. */
export const ACTIONS_DENIED_TO_EVERYONE = ['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle', 'backup:DeleteBackupVaultAccessPolicy'];

/**
 * The vault access policy denies deleting recovery points, shortening their lifecycle and deleting the
 * policy itself to every principal (the account root included), unconditionally: recovery points then
 * only expire through their lifecycle, even for an attacker holding administrator credentials.
 *
 * @see https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault-access-policy.html
 */
export default defineRule({
  id: 'Backup.VaultDeletionDenied',
  severity: Severity.ERROR,
  title: 'Backup vault access policies deny deleting recovery points to everyone',
  fix: `Add a vault access policy statement that denies ${ACTIONS_DENIED_TO_EVERYONE.join(', ')} to Principal "*" on Resource "*" without conditions (SecureBackupVault does)`,
  resourceTypes: ['AWS::Backup::BackupVault'],
  controls: {
    'hipaa': ['164.308(a)(7)(ii)(A)', '164.312(c)(1)'],
    'iso-27001-2022': ['A.8.13'],
    'nist-csf-2.0': ['PR.DS-11'],
    'nist-800-53-r5': ['CP-9(d)', 'AC-3'],
    'gdpr': ['Art. 32'],
  },
  check: (vault) => {
    const policy = vault.properties.AccessPolicy;
    if (policy === undefined) return fail('the vault has no access policy, so an administrator can delete its recovery points', 'AccessPolicy');
    if (isUnresolved(policy) || (typeof policy === 'string' && policy.includes('${'))) return unresolved("the vault's access policy", policy, 'AccessPolicy');
    let document: unknown = policy;
    if (typeof policy === 'string') {
      try {
        document = JSON.parse(policy);
      } catch {
        return fail('the vault access policy is not valid JSON', 'AccessPolicy');
      }
    }
    const denies = statementsOf(document).filter((s) => isDeny(s) && hasWildcardPrincipal(s) && s.Condition === undefined);
    const gaps = unresolvedIn(denies.map((s) => [s.Action, s.Resource]));
    const missing = ACTIONS_DENIED_TO_EVERYONE.filter((action) =>
      !denies.some((s) => grantsAction(s, action) && asList(s.Resource).some((r) => r === '*')));
    if (missing.length === 0) return pass(`the vault access policy denies ${ACTIONS_DENIED_TO_EVERYONE.join(', ')} to everyone`);
    if (gaps.length > 0) return unresolved('the deny statements of the vault access policy', gaps[0], 'AccessPolicy');
    const partial = isPlainObject(document) ? '' : ' (the policy has no statements)';
    return fail(`the vault access policy does not deny ${missing.join(', ')} to every principal on every resource without conditions${partial}`, 'AccessPolicy');
  },
});
