import { Severity, asList, defineRule, fail, isUnresolved, pass, unresolved } from '../../../lib/engine';
import { pointsTo } from '../private/refs';

/**
 * Every backup plan has a backup selection that selects resources (by ARN, tag or condition): a plan
 * without one backs nothing up while looking like protection.
 *
 * @see https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html
 */
export default defineRule({
  id: 'Backup.PlanHasSelection',
  severity: Severity.ERROR,
  title: 'Backup plans have a selection that assigns resources to them',
  fix: 'Add an AWS::Backup::BackupSelection whose BackupPlanId is the plan, with Resources or ListOfTags (SecureBackupPlan protect() or selectionTags)',
  resourceTypes: ['AWS::Backup::BackupPlan'],
  controls: {
    'hipaa': ['164.308(a)(7)(i)', '164.308(a)(7)(ii)(A)'],
    'iso-27001-2022': ['A.8.13'],
    'nist-csf-2.0': ['PR.DS-11'],
    'nist-800-53-r5': ['CP-9(a)', 'CP-9(b)', 'CP-9(c)', 'CP-10'],
    'gdpr': ['Art. 32'],
  },
  check: (plan, set) => {
    const selections = set.ofType('AWS::Backup::BackupSelection');
    let unknown: unknown;
    let empty: string | undefined;
    for (const selection of selections) {
      const id = selection.properties.BackupPlanId;
      if (isUnresolved(id)) {
        unknown = unknown ?? id;
        continue;
      }
      if (!pointsTo(set, id, plan, selection.template)) continue;
      const body = selection.properties.BackupSelection;
      if (isUnresolved(body)) {
        unknown = unknown ?? body;
        continue;
      }
      const b = (body ?? {}) as Record<string, unknown>;
      const chosen = [b.Resources, b.ListOfTags].some((v) => isUnresolved(v) || asList(v).length > 0) || b.Conditions !== undefined;
      if (chosen) return pass(`backup selection ${selection.logicalId} assigns resources to the plan`);
      empty = selection.logicalId;
    }
    if (unknown !== undefined) return unresolved('which plan a backup selection belongs to', unknown);
    if (empty) return fail(`backup selection ${empty} names the plan but selects no resource (no Resources, ListOfTags or Conditions)`);
    return fail('no AWS::Backup::BackupSelection assigns resources to the plan, so it backs up nothing');
  },
});
