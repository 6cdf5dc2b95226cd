import { AccountOutcome, Resource, Severity, TemplateSet, asList, defineAccountRule, isPlainObject, isUnresolved, pass } from '../../../lib/engine';
import { PlanVault, namesVault, planVaults } from '../private/backup';
import { pointsTo } from '../private/refs';

/**
 * Every vault a backup plan writes to is restore-tested: an `AWS::Backup::RestoreTestingPlan` includes
 * the vault (or every vault, `*`) and has at least one `AWS::Backup::RestoreTestingSelection`. A backup
 * that was never restored is a hope, not a control. A warning, as `SecureBackupPlan` warns when
 * `restoreTesting` is turned off.
 *
 * @see https://docs.aws.amazon.com/aws-backup/latest/devguide/restore-testing.html
 */
export default defineAccountRule({
  id: 'Backup.RestoreTesting',
  severity: Severity.WARNING,
  title: 'Backup vaults that plans write to are restore-tested',
  fix: 'Add an AWS::Backup::RestoreTestingPlan that includes the vault, with a RestoreTestingSelection (SecureBackupPlan restoreTesting, the default)',
  controls: {
    'hipaa': ['164.308(a)(7)(i)', '164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)'],
    'iso-27001-2022': ['A.8.13', 'A.5.30'],
    'nist-csf-2.0': ['PR.DS-11', 'RC.RP-03', 'RC.RP-05'],
    'nist-800-53-r5': ['CP-9(a)', 'CP-10', 'CP-2(a)'],
    'gdpr': ['Art. 32'],
  },
  check: (set) => {
    const plans = set.ofType('AWS::Backup::BackupPlan');
    if (plans.length === 0) return [{ status: 'not-applicable', message: 'the templates define no backup plan' }];
    const testPlans = set.ofType('AWS::Backup::RestoreTestingPlan');
    const selections = set.ofType('AWS::Backup::RestoreTestingSelection');
    const out: AccountOutcome[] = [];
    for (const plan of plans) {
      const vaults = planVaults(set, plan);
      if (isUnresolved(vaults)) {
        out.push({ ...unresolvedOutcome("the plan's target vaults", vaults.reason), resource: plan });
        continue;
      }
      if (testPlans.length === 0) {
        out.push({
          status: 'fail',
          message: `no AWS::Backup::RestoreTestingPlan exists, so nothing proves that the recovery points of plan ${plan.logicalId} can be restored`,
          template: plan.template,
        });
        continue;
      }
      const untested = vaults.filter((v) => !testPlans.some((tp) => includesVault(set, tp, v) && hasSelection(set, tp, selections)));
      if (untested.length === 0) {
        out.push({ ...pass(`restore tests cover every vault plan ${plan.logicalId} writes to (${vaults.map((v) => v.label).join(', ')})`), resource: plan });
        continue;
      }
      out.push(judgeTestPlan(set, testPlans, untested));
    }
    return out;
  },
});

function unresolvedOutcome(what: string, reason: string): AccountOutcome {
  return { status: 'fail', message: `could not resolve ${what} (${reason}); an unresolved value never passes`, unresolved: [reason] };
}

function includesVault(set: TemplateSet, testPlan: Resource, vault: PlanVault): boolean {
  return asList(testPlan.get('RecoveryPointSelection.IncludeVaults')).some((v) => namesVault(set, v, vault, testPlan.template, true));
}

function hasSelection(set: TemplateSet, testPlan: Resource, selections: Resource[]): boolean {
  return selections.some((s) => {
    const name = s.properties.RestoreTestingPlanName;
    return pointsTo(set, name, testPlan, s.template) || (typeof name === 'string' && name === testPlan.properties.RestoreTestingPlanName);
  });
}

/** The finding against the restore testing plan that includes the vaults (else the first): why it does not test them. */
function judgeTestPlan(set: TemplateSet, testPlans: Resource[], untested: PlanVault[]): AccountOutcome {
  const tp = testPlans.find((t) => untested.every((v) => includesVault(set, t, v))) ?? testPlans[0];
  const include = tp.get('RecoveryPointSelection.IncludeVaults');
  const gaps = asList(include).filter(isUnresolved);
  if (isUnresolved(include) || gaps.length > 0) {
    const reason = isUnresolved(include) ? include.reason : gaps[0].reason;
    return { ...unresolvedOutcome(`the vaults restore testing plan ${tp.logicalId} includes`, reason), resource: tp, path: 'Properties/RecoveryPointSelection/IncludeVaults' };
  }
  const labels = untested.map((v) => v.label).join(', ');
  if (!untested.every((v) => includesVault(set, tp, v)) || !isPlainObject(tp.properties.RecoveryPointSelection)) {
    return { status: 'fail', message: `no restore testing plan includes vault ${labels} (RecoveryPointSelection.IncludeVaults)`, resource: tp, path: 'Properties/RecoveryPointSelection/IncludeVaults' };
  }
  return { status: 'fail', message: `restore testing plan ${tp.logicalId} includes vault ${labels} but no AWS::Backup::RestoreTestingSelection selects resources for it`, resource: tp };
}
