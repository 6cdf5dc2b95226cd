import { AccountOutcome, Resource, Severity, TemplateSet, Unresolved, asList, defineAccountRule, isPlainObject, isUnresolved } from '../../../lib/engine';
import { PlanVault, namesVault, planVaults } from '../private/backup';
import { referencedResource, regionOf } from '../private/refs';

/**
 * The job state changes that must raise an alert, per EventBridge detail-type: the field that carries
 * the state (restore jobs say `status`), the states, and the field that names the vault.
 *
 * @see https://docs.aws.amazon.com/aws-backup/latest/devguide/eventbridge.html
 */
export const ALERTED_JOB_STATES = [
  { detailType: 'Backup Job State Change', stateField: 'state', states: ['FAILED', 'ABORTED', 'EXPIRED'], vaultField: 'backupVaultName', copiesOnly: false },
  { detailType: 'Copy Job State Change', stateField: 'state', states: ['FAILED'], vaultField: 'sourceBackupVaultArn', copiesOnly: true },
  { detailType: 'Restore Job State Change', stateField: 'status', states: ['FAILED', 'ABORTED'], vaultField: 'backupVaultArn', copiesOnly: false },
] as const;

type JobStates = (typeof ALERTED_JOB_STATES)[number];

/**
 * Failed, aborted and expired backup jobs, failed copy jobs and failed or aborted restore jobs (restore
 * tests included) of every vault a backup plan writes to reach an SNS topic through an enabled
 * EventBridge rule on the default bus, in the plan's Region. A silent backup failure is found on the
 * day of the restore. Vault notifications (`Notifications`) do not count: AWS Backup has deprecated
 * their job events, which no longer fire.
 *
 * @see https://docs.aws.amazon.com/aws-backup/latest/devguide/eventbridge.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-content-based-filtering.html
 */
export default defineAccountRule({
  id: 'Backup.JobFailureAlerts',
  severity: Severity.ERROR,
  title: 'Failed, aborted and expired AWS Backup jobs raise an alert on an SNS topic',
  fix: 'Add EventBridge rules on source aws.backup for failed, aborted or expired Backup/Copy/Restore Job State Change events of the vault, targeting an SNS topic (SecureBackupVault alertTopic)',
  controls: {
    'hipaa': ['164.308(a)(7)(ii)(A)', '164.308(a)(6)(ii)'],
    'iso-27001-2022': ['A.8.13', 'A.8.16'],
    'nist-csf-2.0': ['PR.DS-11', 'DE.CM-09', 'DE.AE-06'],
    'nist-800-53-r5': ['CP-9(a)', 'SI-4(12)', 'IR-4(a)'],
    'gdpr': ['Art. 32'],
  },
  check: (set) => {
    const plans = set.ofType('AWS::Backup::BackupPlan');
    if (plans.length === 0) return [{ status: 'not-applicable', message: 'the templates define no backup plan' }];
    const out: AccountOutcome[] = [];
    for (const plan of plans) {
      const vaults = planVaults(set, plan);
      if (isUnresolved(vaults)) {
        out.push(unresolvedOutcome("the plan's target vaults", vaults, plan));
        continue;
      }
      const copies = asList(plan.get('BackupPlan.BackupPlanRule')).some((r) => isPlainObject(r) && asList(r.CopyActions).length > 0);
      const needed = ALERTED_JOB_STATES.filter((j) => copies || !j.copiesOnly);
      const rules = set.ofType('AWS::Events::Rule').filter((r) => regionOf(r.template) === regionOf(plan.template) && isBackupRule(r));
      if (rules.length === 0) {
        out.push({
          status: 'fail',
          message: `no EventBridge rule on source aws.backup exists in the Region of plan ${plan.logicalId}, so failed backup jobs go unnoticed`,
          template: plan.template,
        });
        continue;
      }
      const gaps: string[] = [];
      let unknown: { rule: Resource; value: Unresolved } | undefined;
      for (const vault of vaults) {
        for (const job of needed) {
          for (const state of job.states) {
            const covered = rules.some((r) => {
              const verdict = alerts(set, r, job, state, vault);
              if (isUnresolved(verdict)) unknown = unknown ?? { rule: r, value: verdict };
              return verdict === true;
            });
            if (!covered) gaps.push(`${job.detailType} ${state} of vault ${vault.label}`);
          }
        }
      }
      if (gaps.length === 0) {
        out.push({ status: 'pass', message: `failed backup, copy and restore jobs of plan ${plan.logicalId}'s vaults reach an SNS topic`, resource: plan });
      } else if (unknown) {
        out.push(unresolvedOutcome(`EventBridge rule ${unknown.rule.logicalId}`, unknown.value, unknown.rule));
      } else {
        out.push({ status: 'fail', message: `no enabled EventBridge rule with an SNS target alerts on ${gaps.join(', ')}`, resource: rules[0], path: 'Properties/EventPattern' });
      }
    }
    return out;
  },
});

function unresolvedOutcome(what: string, value: Unresolved, resource: Resource): AccountOutcome {
  return { status: 'fail', message: `could not resolve ${what} (${value.reason}); an unresolved value never passes`, unresolved: [value.reason], resource };
}

function isBackupRule(rule: Resource): boolean {
  const pattern = rule.properties.EventPattern;
  return isPlainObject(pattern) && asList(pattern.source).includes('aws.backup');
}

/** Whether the rule sends `state` of `job` for `vault` to an SNS topic. */
function alerts(set: TemplateSet, rule: Resource, job: JobStates, state: string, vault: PlanVault): boolean | Unresolved {
  const p = rule.properties;
  for (const v of [p.State, p.EventBusName, p.EventPattern, p.Targets]) if (isUnresolved(v)) return v;
  if (p.State !== undefined && !String(p.State).startsWith('ENABLED')) return false;
  if (p.EventBusName !== undefined && p.EventBusName !== 'default') return false; // AWS Backup sends to the default bus
  const targets = asList(p.Targets).filter(isPlainObject);
  const toTopic = targets.some((t) => {
    const target = referencedResource(set, t.Arn, rule.template);
    return target ? target.type === 'AWS::SNS::Topic' : typeof t.Arn === 'string' && t.Arn.split(':')[2] === 'sns';
  });
  if (!toTopic) return false;
  const pattern = p.EventPattern as Record<string, unknown>;
  const detailTypes = pattern['detail-type'];
  if (detailTypes !== undefined && !asList(detailTypes).some((d) => matches(d, job.detailType))) return false;
  const detail = pattern.detail;
  if (detail === undefined) return true;
  return isPlainObject(detail) && detailMatches(set, detail, job, state, vault, rule);
}

function detailMatches(set: TemplateSet, filter: Record<string, unknown>, job: JobStates, state: string, vault: PlanVault, rule: Resource): boolean {
  return Object.entries(filter).every(([key, value]) => {
    if (key === '$or') return asList(value).some((branch) => isPlainObject(branch) && detailMatches(set, branch, job, state, vault, rule));
    if (key === job.stateField) return asList(value).some((f) => matches(f, state));
    if (key === job.vaultField) return asList(value).some((f) => namesVault(set, f, vault, rule.template));
    return false; // any other filter narrows the events to ones this rule cannot judge
  });
}

/** Whether an EventBridge pattern entry matches a string value. */
function matches(filter: unknown, value: string): boolean {
  if (typeof filter === 'string') return filter === value;
  if (!isPlainObject(filter)) return false;
  if ('anything-but' in filter) return !asList(filter['anything-but']).includes(value);
  if (typeof filter.prefix === 'string') return value.startsWith(filter.prefix);
  return false;
}
