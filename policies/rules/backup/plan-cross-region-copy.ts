import { Severity, Unresolved, asList, defineRule, fail, isPlainObject, isUnresolved, pass, unresolved } from '../../../lib/engine';
import { arnRegion, referencedResource, regionOf } from '../private/refs';

/**
 * Every rule of a backup plan copies its recovery points to a vault in another Region, so a Regional
 * outage or a compromised Region does not take the only copy. A warning: `SecureBackupPlan` makes no
 * copies unless `copies` names a destination vault, because the destination vault lives in another
 * stack or account that the plan cannot create.
 *
 * @see https://docs.aws.amazon.com/aws-backup/latest/devguide/cross-region-backup.html
 */
export default defineRule({
  id: 'Backup.PlanCrossRegionCopy',
  severity: Severity.WARNING,
  title: 'Backup plan rules copy recovery points to a vault in another Region',
  fix: 'Add a CopyActions entry whose DestinationBackupVaultArn is a vault in another Region (SecureBackupPlan copies)',
  resourceTypes: ['AWS::Backup::BackupPlan'],
  controls: {
    'hipaa': ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)'],
    'iso-27001-2022': ['A.8.13', 'A.8.14', 'A.5.30'],
    'nist-csf-2.0': ['PR.DS-11', 'PR.IR-03'],
    'nist-800-53-r5': ['CP-6(a)', 'CP-6(1)', 'CP-9(a)', 'CP-2(6)'],
    'gdpr': ['Art. 32'],
  },
  check: (plan, set) => {
    const rules = plan.get('BackupPlan.BackupPlanRule');
    if (isUnresolved(rules)) return unresolved("the plan's rules", rules, 'BackupPlan.BackupPlanRule');
    const list = asList(rules);
    if (list.length === 0) return fail('the plan has no rules', 'BackupPlan.BackupPlanRule');
    const planRegion = regionOf(plan.template);
    const copiedTo: string[] = [];
    for (let i = 0; i < list.length; i++) {
      const rule = list[i];
      const path = `BackupPlan.BackupPlanRule.${i}.CopyActions`;
      if (!isPlainObject(rule)) return unresolved(`plan rule ${i}`, rule, `BackupPlan.BackupPlanRule.${i}`);
      const name = typeof rule.RuleName === 'string' ? rule.RuleName : String(i);
      if (isUnresolved(rule.CopyActions)) return unresolved(`the copy actions of plan rule ${name}`, rule.CopyActions, path);
      const actions = asList(rule.CopyActions).filter(isPlainObject);
      if (actions.length === 0) return fail(`plan rule ${name} makes no copy to another Region`, path);
      let unknown: unknown;
      let other: string | undefined;
      for (const action of actions) {
        const arn = action.DestinationBackupVaultArn;
        const target = referencedResource(set, arn, plan.template);
        // A vault of the plan's own template shares its Region; one of another template has that template's.
        const region = !target ? arnRegion(arn) : target.template === plan.template ? '${AWS::Region}' : (regionOf(target.template) ?? new Unresolved(`the Region of ${target.template.stackName}, which defines ${target.logicalId}`));
        if (isUnresolved(region)) {
          unknown = unknown ?? region;
          continue;
        }
        // `${AWS::Region}` is the plan's own Region.
        if (region === '${AWS::Region}' || region === planRegion) continue;
        if (planRegion === undefined || region.includes('${')) {
          unknown = unknown ?? `the Region of the plan (unknown) compared with ${region}`;
          continue;
        }
        other = region;
      }
      if (other) {
        copiedTo.push(`${name} to ${other}`);
        continue;
      }
      if (unknown !== undefined) return unresolved(`the destination Region of plan rule ${name}'s copies`, unknown, path);
      return fail(`plan rule ${name} copies only within the plan's Region (${planRegion ?? '${AWS::Region}'})`, path);
    }
    return pass(`every plan rule copies to another Region (${copiedTo.join(', ')})`);
  },
});
