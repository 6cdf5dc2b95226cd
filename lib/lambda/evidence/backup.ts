// AWS Backup evidence for one region: every vault's encryption key, lock state and retention, and
// whether its access policy denies deleting recovery points; the plans and their selections; for each
// protected resource, the age of its latest recovery point against its plan's RPO; the backup, copy
// and restore jobs that failed, aborted or expired within the window; and the restore testing plans,
// with whether each ran and succeeded within its frequency (the evidence that restores are tested).
//
// @see https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html
// @see https://docs.aws.amazon.com/aws-backup/latest/devguide/creating-a-vault-access-policy.html
// @see https://docs.aws.amazon.com/aws-backup/latest/devguide/restore-testing.html
import {
  BackupClient, GetBackupPlanCommand, GetBackupVaultAccessPolicyCommand, ListBackupJobsCommand, ListBackupPlansCommand, ListBackupSelectionsCommand,
  ListBackupVaultsCommand, ListCopyJobsCommand, ListRecoveryPointsByBackupVaultCommand, ListRestoreJobsCommand, ListRestoreTestingPlansCommand,
  RecoveryPointByBackupVault,
} from '@aws-sdk/client-backup';
import { CallFailure, RegionContext, call, listAll, notCollected, observe, regionScope } from './context';
import { scheduleInterval } from './schedule';


/** Job states that count as a failure. @see https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupJob.html */
const BAD_JOB_STATES = new Set(['FAILED', 'ABORTED', 'EXPIRED']);
/** Backup's default start window (8 hours), added to the RPO before a recovery point counts as late. */
const DEFAULT_START_WINDOW_MINUTES = 480;
const PAGE = 1000;

interface PlanRule { planId: string; planName: string; ruleId: string; ruleName: string; schedule?: string; startWindowMinutes: number }

/** Collect Backup evidence for one region. */
export async function collectBackup(ctx: RegionContext, backup: BackupClient): Promise<void> {
  const rules = new Map<string, PlanRule>();
  await Promise.all([collectPlans(ctx, backup, rules), collectJobs(ctx, backup), collectRestoreTesting(ctx, backup)]);
  await collectVaults(ctx, backup, rules);
}

async function collectVaults(ctx: RegionContext, backup: BackupClient, rules: Map<string, PlanRule>): Promise<void> {
  const vaults = await listAll(ctx, (nextToken) => backup.send(new ListBackupVaultsCommand({ MaxResults: PAGE, NextToken: nextToken })), (r) => r.BackupVaultList, (r) => r.NextToken);
  if (!vaults.ok) {
    for (const check of ['backup.VaultEncryption', 'backup.VaultLock', 'backup.VaultDeletionDenied', 'backup.RecoveryPointAge']) {
      notCollected(ctx, check, 'AWS Backup vaults can be listed', regionScope(ctx, 'backup'), 'backup:ListBackupVaults', vaults);
    }
    return;
  }
  await Promise.all(vaults.items.map(async ({ item: v, requestId }) => {
    const name = v.BackupVaultName!;
    const subject = v.BackupVaultArn ?? name;
    observe(ctx, {
      check: 'backup.VaultEncryption', status: v.EncryptionKeyArn ? 'pass' : 'fail', title: 'Backup vaults encrypt recovery points with a KMS key',
      subject, operation: 'backup:ListBackupVaults', requestId,
      message: v.EncryptionKeyArn ? `encrypted with ${v.EncryptionKeyArn}` : 'the vault names no encryption key',
      observed: { EncryptionKeyArn: v.EncryptionKeyArn ?? null, VaultType: v.VaultType ?? null },
    });
    const locked = v.Locked === true && v.MinRetentionDays !== undefined;
    observe(ctx, {
      check: 'backup.VaultLock', status: locked ? 'pass' : 'fail', title: 'Backup vaults are locked with a minimum retention',
      subject, operation: 'backup:ListBackupVaults', requestId,
      message: locked
        ? `locked: retention ${v.MinRetentionDays}-${v.MaxRetentionDays ?? 'unbounded'} days${v.LockDate ? `, immutable from ${v.LockDate.toISOString()}` : ''}`
        : v.Locked ? 'locked, but with no minimum retention' : 'the vault has no vault lock',
      observed: { Locked: v.Locked ?? false, MinRetentionDays: v.MinRetentionDays ?? null, MaxRetentionDays: v.MaxRetentionDays ?? null, LockDate: v.LockDate?.toISOString() ?? null },
    });
    const [policy, points] = await Promise.all([
      call(ctx, () => backup.send(new GetBackupVaultAccessPolicyCommand({ BackupVaultName: name }))),
      listAll(ctx, (nextToken) => backup.send(new ListRecoveryPointsByBackupVaultCommand({ BackupVaultName: name, MaxResults: PAGE, NextToken: nextToken })), (r) => r.RecoveryPoints, (r) => r.NextToken),
    ]);
    deletionDenied(ctx, subject, policy);
    if (!points.ok) {
      notCollected(ctx, 'backup.RecoveryPointAge', 'Protected resources have a recovery point within their RPO', subject, 'backup:ListRecoveryPointsByBackupVault', points);
      return;
    }
    recoveryPointAges(ctx, points.items.map((p) => ({ ...p.item, requestId: p.requestId })), rules);
  }));
}

function deletionDenied(ctx: RegionContext, subject: string, policy: Awaited<ReturnType<typeof call<{ Policy?: string; $metadata: { requestId?: string } }>>>): void {
  const title = 'Backup vault access policies deny deleting recovery points';
  const operation = 'backup:GetBackupVaultAccessPolicy';
  if (!policy.ok && policy.name !== 'ResourceNotFoundException') {
    notCollected(ctx, 'backup.VaultDeletionDenied', title, subject, operation, policy);
    return;
  }
  if (!policy.ok) {
    observe(ctx, { check: 'backup.VaultDeletionDenied', status: 'fail', title, subject, operation, requestId: policy.requestId, message: 'the vault has no access policy', observed: { Policy: null } });
    return;
  }
  let doc: any;
  try {
    doc = JSON.parse(policy.value.Policy ?? '');
  } catch {
    observe(ctx, { check: 'backup.VaultDeletionDenied', status: 'fail', title, subject, operation, requestId: policy.requestId, message: 'the access policy is not valid JSON', observed: { Policy: policy.value.Policy ?? null } });
    return;
  }
  const statements: any[] = Array.isArray(doc?.Statement) ? doc.Statement : doc?.Statement ? [doc.Statement] : [];
  const covers = (a: unknown) => typeof a === 'string' && ['*', 'backup:*', 'backup:delete*', 'backup:deleterecoverypoint'].includes(a.toLowerCase());
  const everyone = (p: any) => p === '*' || p?.AWS === '*' || (Array.isArray(p?.AWS) && p.AWS.includes('*'));
  const denying = statements.find((s) => s?.Effect === 'Deny' && everyone(s.Principal) && [s.Action].flat().some(covers));
  observe(ctx, {
    check: 'backup.VaultDeletionDenied', status: denying ? 'pass' : 'fail', title, subject, operation, requestId: policy.requestId,
    message: denying ? `statement ${denying.Sid ?? '(no Sid)'} denies backup:DeleteRecoveryPoint to every principal${denying.Condition ? ' (with conditions)' : ''}` : 'no statement denies backup:DeleteRecoveryPoint to every principal',
    observed: { Policy: doc },
  });
}

function recoveryPointAges(ctx: RegionContext, points: (RecoveryPointByBackupVault & { requestId: string | null })[], rules: Map<string, PlanRule>): void {
  const latest = new Map<string, RecoveryPointByBackupVault & { requestId: string | null }>();
  const rulesOf = new Map<string, Set<string>>();
  for (const p of points) {
    if (!p.ResourceArn || p.Status !== 'COMPLETED' || !p.CreationDate) continue;
    const prev = latest.get(p.ResourceArn);
    if (!prev || prev.CreationDate! < p.CreationDate) latest.set(p.ResourceArn, p);
    if (p.CreatedBy?.BackupPlanId && p.CreatedBy.BackupRuleId) {
      const set = rulesOf.get(p.ResourceArn) ?? new Set<string>();
      set.add(`${p.CreatedBy.BackupPlanId}/${p.CreatedBy.BackupRuleId}`);
      rulesOf.set(p.ResourceArn, set);
    }
  }
  const title = 'Protected resources have a recovery point within their RPO';
  for (const [resource, p] of latest) {
    const ageMs = ctx.now.getTime() - p.CreationDate!.getTime();
    const candidates = [...(rulesOf.get(resource) ?? [])].map((k) => rules.get(k)).filter((r): r is PlanRule => r !== undefined)
      .map((r) => ({ rule: r, rpo: scheduleInterval(r.schedule) })).filter((c): c is { rule: PlanRule; rpo: number } => c.rpo !== undefined)
      .sort((a, b) => a.rpo + a.rule.startWindowMinutes * 60_000 - (b.rpo + b.rule.startWindowMinutes * 60_000));
    const base = { check: 'backup.RecoveryPointAge', title, subject: resource, operation: 'backup:ListRecoveryPointsByBackupVault', requestId: p.requestId };
    const facts = { LatestRecoveryPointArn: p.RecoveryPointArn ?? null, CreationDate: p.CreationDate!.toISOString(), AgeHours: round(ageMs / 3_600_000), BackupVaultName: p.BackupVaultName ?? null };
    const tightest = candidates[0];
    if (!tightest) {
      observe(ctx, { ...base, status: 'info', message: `latest recovery point is ${round(ageMs / 3_600_000)} h old; no backup plan rule with a readable schedule created it, so there is no RPO to judge against`, observed: facts });
      continue;
    }
    const allowed = tightest.rpo + tightest.rule.startWindowMinutes * 60_000;
    observe(ctx, {
      ...base, status: ageMs <= allowed ? 'pass' : 'fail',
      message: `latest recovery point is ${round(ageMs / 3_600_000)} h old; plan ${tightest.rule.planName} rule ${tightest.rule.ruleName} (${tightest.rule.schedule}) allows ${round(allowed / 3_600_000)} h (RPO plus start window)`,
      observed: { ...facts, BackupPlanId: tightest.rule.planId, BackupRuleName: tightest.rule.ruleName, ScheduleExpression: tightest.rule.schedule, RpoHours: round(tightest.rpo / 3_600_000), AllowedHours: round(allowed / 3_600_000) },
    });
  }
}

async function collectPlans(ctx: RegionContext, backup: BackupClient, rules: Map<string, PlanRule>): Promise<void> {
  const title = 'Backup plans select resources to back up';
  const plans = await listAll(ctx, (nextToken) => backup.send(new ListBackupPlansCommand({ MaxResults: PAGE, NextToken: nextToken })), (r) => r.BackupPlansList, (r) => r.NextToken);
  if (!plans.ok) {
    notCollected(ctx, 'backup.PlanSelections', title, regionScope(ctx, 'backup'), 'backup:ListBackupPlans', plans);
    return;
  }
  await Promise.all(plans.items.map(async ({ item }) => {
    const planId = item.BackupPlanId!;
    const subject = item.BackupPlanArn ?? planId;
    const [plan, selections] = await Promise.all([
      call(ctx, () => backup.send(new GetBackupPlanCommand({ BackupPlanId: planId }))),
      listAll(ctx, (nextToken) => backup.send(new ListBackupSelectionsCommand({ BackupPlanId: planId, MaxResults: PAGE, NextToken: nextToken })), (r) => r.BackupSelectionsList, (r) => r.NextToken),
    ]);
    if (plan.ok) {
      for (const r of plan.value.BackupPlan?.Rules ?? []) {
        if (!r.RuleId) continue;
        rules.set(`${planId}/${r.RuleId}`, {
          planId, planName: plan.value.BackupPlan?.BackupPlanName ?? item.BackupPlanName ?? planId, ruleId: r.RuleId, ruleName: r.RuleName ?? r.RuleId,
          schedule: r.ScheduleExpression, startWindowMinutes: r.StartWindowMinutes ?? DEFAULT_START_WINDOW_MINUTES,
        });
      }
      observe(ctx, {
        check: 'backup.Plan', status: 'info', title: 'Backup plan rules', subject, operation: 'backup:GetBackupPlan', requestId: plan.requestId,
        message: `${(plan.value.BackupPlan?.Rules ?? []).length} rule(s): ${(plan.value.BackupPlan?.Rules ?? []).map((r) => `${r.RuleName} ${r.ScheduleExpression ?? 'on demand'} -> ${r.TargetBackupVaultName}`).join('; ')}`,
        observed: {
          BackupPlanName: plan.value.BackupPlan?.BackupPlanName ?? null,
          Rules: (plan.value.BackupPlan?.Rules ?? []).map((r) => ({
            RuleName: r.RuleName, TargetBackupVaultName: r.TargetBackupVaultName, ScheduleExpression: r.ScheduleExpression ?? null,
            DeleteAfterDays: r.Lifecycle?.DeleteAfterDays ?? null, CopyActions: (r.CopyActions ?? []).map((c) => c.DestinationBackupVaultArn),
          })),
        },
      });
    } else {
      notCollected(ctx, 'backup.Plan', 'Backup plan rules', subject, 'backup:GetBackupPlan', plan);
    }
    if (!selections.ok) {
      notCollected(ctx, 'backup.PlanSelections', title, subject, 'backup:ListBackupSelections', selections);
      return;
    }
    const names = selections.items.map((s) => s.item.SelectionName ?? s.item.SelectionId);
    observe(ctx, {
      check: 'backup.PlanSelections', status: names.length > 0 ? 'pass' : 'fail', title, subject, operation: 'backup:ListBackupSelections', requestId: selections.requestIds[0] ?? null,
      message: names.length > 0 ? `${names.length} selection(s): ${names.join(', ')}` : 'the plan selects no resources, so it backs up nothing',
      observed: { Selections: selections.items.map((s) => ({ SelectionId: s.item.SelectionId, SelectionName: s.item.SelectionName, IamRoleArn: s.item.IamRoleArn })) },
    });
  }));
}

async function collectJobs(ctx: RegionContext, backup: BackupClient): Promise<void> {
  const after = ctx.since;
  const kinds: { kind: string; operation: string; list: () => Promise<{ ok: true; items: { item: any; requestId: string | null }[]; requestIds: string[] } | CallFailure>; id: string; state: string }[] = [
    { kind: 'backup', operation: 'backup:ListBackupJobs', id: 'BackupJobId', state: 'State', list: () => listAll(ctx, (t) => backup.send(new ListBackupJobsCommand({ ByCreatedAfter: after, MaxResults: PAGE, NextToken: t })), (r) => r.BackupJobs, (r) => r.NextToken) },
    { kind: 'copy', operation: 'backup:ListCopyJobs', id: 'CopyJobId', state: 'State', list: () => listAll(ctx, (t) => backup.send(new ListCopyJobsCommand({ ByCreatedAfter: after, MaxResults: PAGE, NextToken: t })), (r) => r.CopyJobs, (r) => r.NextToken) },
    { kind: 'restore', operation: 'backup:ListRestoreJobs', id: 'RestoreJobId', state: 'Status', list: () => listAll(ctx, (t) => backup.send(new ListRestoreJobsCommand({ ByCreatedAfter: after, MaxResults: PAGE, NextToken: t })), (r) => r.RestoreJobs, (r) => r.NextToken) },
  ];
  const title = 'No backup, copy or restore job failed, aborted or expired';
  await Promise.all(kinds.map(async (k) => {
    const jobs = await k.list();
    if (!jobs.ok) {
      notCollected(ctx, 'backup.JobFailures', title, regionScope(ctx, 'backup'), k.operation, jobs);
      return;
    }
    const bad = jobs.items.filter((j) => BAD_JOB_STATES.has(j.item[k.state]));
    for (const { item, requestId } of bad) {
      observe(ctx, {
        check: 'backup.JobFailures', status: 'fail', title, subject: item.ResourceArn ?? item[k.id], operation: k.operation, requestId,
        message: `${k.kind} job ${item[k.id]} ${String(item[k.state]).toLowerCase()} on ${item.CreationDate?.toISOString?.() ?? 'an unknown date'}${item.StatusMessage ? `: ${item.StatusMessage}` : ''}`,
        observed: { JobType: k.kind, JobId: item[k.id], State: item[k.state], ResourceArn: item.ResourceArn ?? null, CreationDate: item.CreationDate?.toISOString?.() ?? null, StatusMessage: item.StatusMessage ?? null },
      });
    }
    if (bad.length === 0) {
      observe(ctx, {
        check: 'backup.JobFailures', status: 'pass', title, subject: regionScope(ctx, 'backup'), operation: k.operation, requestId: jobs.requestIds[0] ?? null,
        message: `none of ${jobs.items.length} ${k.kind} job(s) since ${after.toISOString()} failed, aborted or expired`,
        observed: { JobType: k.kind, Jobs: jobs.items.length, Since: after.toISOString() },
      });
    }
  }));
}

async function collectRestoreTesting(ctx: RegionContext, backup: BackupClient): Promise<void> {
  const title = 'Restore testing plans ran and succeeded within their frequency';
  const plans = await listAll(ctx, (t) => backup.send(new ListRestoreTestingPlansCommand({ MaxResults: PAGE, NextToken: t })), (r) => r.RestoreTestingPlans, (r) => r.NextToken);
  if (!plans.ok) {
    notCollected(ctx, 'backup.RestoreTesting', title, regionScope(ctx, 'backup'), 'backup:ListRestoreTestingPlans', plans);
    return;
  }
  if (plans.items.length === 0) {
    observe(ctx, {
      check: 'backup.RestoreTesting', status: 'fail', title, subject: regionScope(ctx, 'backup'), operation: 'backup:ListRestoreTestingPlans', requestId: plans.requestIds[0] ?? null,
      message: 'the region has no restore testing plan, so no restore is tested', observed: { RestoreTestingPlans: 0 },
    });
    return;
  }
  await Promise.all(plans.items.map(async ({ item: p }) => {
    const subject = p.RestoreTestingPlanArn ?? p.RestoreTestingPlanName!;
    const frequency = scheduleInterval(p.ScheduleExpression);
    if (frequency === undefined) {
      observe(ctx, {
        check: 'backup.RestoreTesting', status: 'fail', title, subject, operation: 'backup:ListRestoreTestingPlans', requestId: null,
        message: `cannot read the plan's schedule '${p.ScheduleExpression}', so it cannot show that restores ran within their frequency`, observed: { ScheduleExpression: p.ScheduleExpression ?? null },
      });
      return;
    }
    // A run may start up to StartWindowHours after its scheduled time and take a while to finish.
    const windowMs = frequency + ((p as { StartWindowHours?: number }).StartWindowHours ?? 24) * 3_600_000;
    const after = new Date(ctx.now.getTime() - windowMs);
    const jobs = await listAll(ctx, (t) => backup.send(new ListRestoreJobsCommand({ ByRestoreTestingPlanArn: p.RestoreTestingPlanArn, ByCreatedAfter: after, MaxResults: PAGE, NextToken: t })), (r) => r.RestoreJobs, (r) => r.NextToken);
    if (!jobs.ok) {
      notCollected(ctx, 'backup.RestoreTesting', title, subject, 'backup:ListRestoreJobs', jobs);
      return;
    }
    const ok = jobs.items.filter((j) => j.item.Status === 'COMPLETED' && j.item.ValidationStatus !== 'FAILED' && j.item.ValidationStatus !== 'TIMED_OUT');
    const failed = jobs.items.filter((j) => j.item.Status === 'FAILED' || j.item.Status === 'ABORTED' || j.item.ValidationStatus === 'FAILED' || j.item.ValidationStatus === 'TIMED_OUT');
    observe(ctx, {
      check: 'backup.RestoreTesting', status: ok.length > 0 ? 'pass' : 'fail', title, subject, operation: 'backup:ListRestoreJobs', requestId: (ok[0] ?? jobs.items[0])?.requestId ?? jobs.requestIds[0] ?? null,
      message: ok.length > 0
        ? `${ok.length} restore test(s) succeeded since ${after.toISOString()} (schedule ${p.ScheduleExpression})${failed.length > 0 ? `; ${failed.length} failed` : ''}`
        : jobs.items.length === 0 ? `no restore test ran since ${after.toISOString()} (schedule ${p.ScheduleExpression})` : `none of ${jobs.items.length} restore test(s) since ${after.toISOString()} succeeded`,
      observed: {
        ScheduleExpression: p.ScheduleExpression ?? null, LastExecutionTime: p.LastExecutionTime?.toISOString() ?? null, WindowStart: after.toISOString(),
        Succeeded: ok.length, Failed: failed.length, Jobs: jobs.items.length,
      },
    });
  }));
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
