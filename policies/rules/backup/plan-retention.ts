import { Outcome, Severity, asList, asNumber, defineRule, fail, isPlainObject, isUnresolved, pass, unresolved } from '../../../lib/engine';
import { namedResource } from '../private/refs';

/** Shortest retention a backup plan rule may keep recovery points, in days. */
export const MIN_PLAN_RETENTION_DAYS = 35;

/**
 * Every rule of a backup plan keeps its recovery points at least 35 days, and at least the target
 * vault lock's minimum (a shorter retention makes AWS Backup fail every job), and at most the lock's
 * maximum; and it has a lifecycle, so recovery points do expire (no unbounded retention of personal
 * data). Cold storage needs 90 days more than the transition.
 *
 * @see https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-backup-backupplan-lifecycleresourcetype.html
 */
export default defineRule({
  id: 'Backup.PlanRetention',
  severity: Severity.ERROR,
  title: `Backup plan rules keep recovery points at least ${MIN_PLAN_RETENTION_DAYS} days and within the vault lock, then expire them`,
  fix: `Set Lifecycle.DeleteAfterDays on every plan rule to ${MIN_PLAN_RETENTION_DAYS} or more, within the target vault's lock (SecureBackupPlan retention)`,
  resourceTypes: ['AWS::Backup::BackupPlan'],
  controls: {
    'hipaa': ['164.308(a)(7)(ii)(A)'],
    'iso-27001-2022': ['A.8.13'],
    'nist-csf-2.0': ['PR.DS-11'],
    'nist-800-53-r5': ['CP-9(a)', 'CP-9(b)', 'CP-9(c)', 'SI-12'],
    'gdpr': ['Art. 32', 'Art. 5(1)(e)'],
  },
  check: (plan, set) => {
    const rules = plan.get('BackupPlan.BackupPlanRule');
    if (isUnresolved(rules)) return unresolved("the plan's rules", rules, 'BackupPlan.BackupPlanRule');
    const list = asList(rules);
    if (list.length === 0) return fail('the plan has no rules', 'BackupPlan.BackupPlanRule');
    const findings: string[] = [];
    for (let i = 0; i < list.length; i++) {
      const rule = list[i];
      const path = `BackupPlan.BackupPlanRule.${i}`;
      if (isUnresolved(rule)) return unresolved(`plan rule ${i}`, rule, path);
      if (!isPlainObject(rule)) return fail(`plan rule ${i} is not an object`, path);
      const name = typeof rule.RuleName === 'string' ? rule.RuleName : String(i);
      const vaultValue = rule.TargetBackupVault;
      if (isUnresolved(vaultValue)) return unresolved(`the target vault of plan rule ${name}`, vaultValue, `${path}.TargetBackupVault`);
      const vault = namedResource(set, vaultValue, plan.template, 'AWS::Backup::BackupVault', 'BackupVaultName');
      const lock = vault?.properties.LockConfiguration;
      const lockMin = isPlainObject(lock) ? asNumber(lock.MinRetentionDays) : undefined;
      const lockMax = isPlainObject(lock) ? asNumber(lock.MaxRetentionDays) : undefined;
      if (isUnresolved(lockMin) || isUnresolved(lockMax)) {
        return unresolved(`the lock retention of vault ${vault?.logicalId}`, isUnresolved(lockMin) ? lockMin : lockMax, `${path}.TargetBackupVault`);
      }
      const outcome = judgeLifecycle(rule.Lifecycle, `${path}.Lifecycle`, `plan rule ${name}`, lockMin, lockMax, vault?.logicalId);
      if (outcome.status === 'fail') return outcome;
      findings.push(outcome.message);
    }
    return pass(findings.join('; '));
  },
});

function judgeLifecycle(lifecycle: unknown, path: string, what: string, lockMin: number | undefined, lockMax: number | undefined, vaultId: string | undefined): Outcome {
  if (lifecycle === undefined) return fail(`${what} has no Lifecycle, so its recovery points are kept forever; set DeleteAfterDays`, path);
  if (isUnresolved(lifecycle)) return unresolved(`the lifecycle of ${what}`, lifecycle, path);
  if (!isPlainObject(lifecycle)) return fail(`the lifecycle of ${what} is not an object`, path);
  const days = asNumber(lifecycle.DeleteAfterDays);
  if (isUnresolved(days)) return unresolved(`the DeleteAfterDays of ${what}`, days, `${path}.DeleteAfterDays`);
  if (days === undefined) return fail(`${what} sets no Lifecycle.DeleteAfterDays, so its recovery points are kept forever`, `${path}.DeleteAfterDays`);
  if (lockMin !== undefined && days < lockMin) {
    return fail(`${what} keeps recovery points ${days} days, below the ${lockMin}-day minimum of vault ${vaultId}'s lock: AWS Backup fails every job`, `${path}.DeleteAfterDays`);
  }
  if (lockMax !== undefined && days > lockMax) {
    return fail(`${what} keeps recovery points ${days} days, above the ${lockMax}-day maximum of vault ${vaultId}'s lock: AWS Backup fails every job`, `${path}.DeleteAfterDays`);
  }
  if (days < MIN_PLAN_RETENTION_DAYS) return fail(`${what} keeps recovery points ${days} days, below ${MIN_PLAN_RETENTION_DAYS} days`, `${path}.DeleteAfterDays`);
  const cold = asNumber(lifecycle.MoveToColdStorageAfterDays);
  if (isUnresolved(cold)) return unresolved(`the MoveToColdStorageAfterDays of ${what}`, cold, `${path}.MoveToColdStorageAfterDays`);
  if (cold !== undefined && days < cold + 90) {
    return fail(`${what} moves recovery points to cold storage after ${cold} days but deletes them after ${days}; cold storage needs at least 90 days`, `${path}.DeleteAfterDays`);
  }
  return pass(`${what} keeps recovery points ${days} days`);
}
