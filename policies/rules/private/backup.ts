// Reading AWS Backup plans: the vaults they write to, and values that name those vaults.
import { Resource, Template, TemplateSet, Unresolved, asList, isPlainObject, isUnresolved } from '../../../lib/engine';
import { namedResource, pointsTo } from './refs';

/** A vault a backup plan writes to: the vault resource when it is in the set, and its name when known. */
export interface PlanVault {
  readonly vault?: Resource;
  readonly name?: string;
  /** How the plan names it, for messages. */
  readonly label: string;
}

/** The vaults a backup plan's rules write to, or the `Unresolved` that hides one. */
export function planVaults(set: TemplateSet, plan: Resource): PlanVault[] | Unresolved {
  const rules = plan.get('BackupPlan.BackupPlanRule');
  if (isUnresolved(rules)) return rules;
  const out: PlanVault[] = [];
  for (const rule of asList(rules)) {
    if (!isPlainObject(rule)) return new Unresolved('a plan rule that is not an object');
    const value = rule.TargetBackupVault;
    if (isUnresolved(value)) return value;
    const vault = namedResource(set, value, plan.template, 'AWS::Backup::BackupVault', 'BackupVaultName');
    const name = vault ? vault.properties.BackupVaultName : value;
    const known = typeof name === 'string' && !name.includes('${') ? name : undefined;
    if (!vault && !known) return new Unresolved(`target vault ${String(value)} is neither in the set nor a literal name`);
    if (out.some((v) => (vault ? v.vault === vault : v.name === known))) continue;
    out.push({ vault, name: known, label: vault ? vault.logicalId : String(known) });
  }
  return out;
}

/**
 * True when `value` (an entry of a vault list or event filter) names the vault: `*` when `wildcard`,
 * a reference to the vault resource (its name or ARN), its literal name, or an ARN ending in
 * `:backup-vault:<name>`.
 */
export function namesVault(set: TemplateSet, value: unknown, target: PlanVault, from: Template, wildcard = false): boolean {
  if (wildcard && value === '*') return true;
  if (target.vault && pointsTo(set, value, target.vault, from)) return true;
  if (typeof value !== 'string' || target.name === undefined) return false;
  return value === target.name || value.endsWith(`:backup-vault:${target.name}`);
}
