import { ControlStatus, ExceptionState, Report, ReportException, ReportResult } from './model';
import { mdCell, resourceOf, sourceOf, truncate } from './private/text';

/** A failure in a diff, keyed by rule, stack and logical id. */
export interface DiffEntry {
  readonly key: string;
  readonly ruleId: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly stack: string;
  readonly logicalId: string | null;
  readonly constructPath: string | null;
  readonly template: string;
  readonly line: number | null;
  readonly message: string;
  readonly controls: Readonly<Record<string, readonly string[]>>;
}

/** A failure of the base that the head no longer has, with what became of it. */
export interface FixedEntry extends DiffEntry {
  /** `passes`: the resource now complies. `not-applicable`: the rule no longer applies. `removed`: the resource is gone. */
  readonly resolution: 'passes' | 'not-applicable' | 'removed';
}

/** An exception in a diff. */
export interface DiffException {
  readonly key: string;
  readonly ruleId: string;
  readonly state: ExceptionState;
  readonly stack: string;
  readonly logicalId: string | null;
  readonly constructPath: string | null;
  readonly reason: string;
  readonly owner: string;
  readonly expires: string | null;
}

/** A control whose status changed. */
export interface ControlChange {
  readonly framework: string;
  readonly id: string;
  readonly title: string;
  readonly from: ControlStatus | null;
  readonly to: ControlStatus | null;
}

/** The compliance difference between two reports (base, then head: for example main, then a PR). */
export interface ReportDiff {
  readonly schemaVersion: string;
  readonly base: { readonly generatedAt: string; readonly failures: number };
  readonly head: { readonly generatedAt: string; readonly failures: number };
  /** Unacknowledged failures in the head that the base did not have. */
  readonly newFailures: readonly DiffEntry[];
  /** Unacknowledged failures of the base that the head no longer has (acknowledged ones are in `newExceptions`). */
  readonly fixedFailures: readonly FixedEntry[];
  /** Exceptions applied in the head and not in the base. */
  readonly newExceptions: readonly DiffException[];
  /** Exceptions expired in the head and not in the base. */
  readonly expiredExceptions: readonly DiffException[];
  /** Exceptions stale in the head (they match no failure: remove them) and not in the base. */
  readonly newlyStaleExceptions: readonly DiffException[];
  readonly controlChanges: readonly ControlChange[];
}

/** Version of the diff's JSON shape. */
export const DIFF_SCHEMA_VERSION = '1.0.0';

const keyOf = (r: { ruleId: string; stack: string; logicalId: string | null }) => `${r.ruleId}|${r.stack}|${r.logicalId ?? '(account)'}`;

/**
 * Compare two reports. Results and exceptions are matched by rule id, stack and logical id, so a
 * moved line or a reworded message is no change. Pure.
 */
export function diffReports(base: Report, head: Report): ReportDiff {
  const failing = (report: Report) => {
    const map = new Map<string, ReportResult>();
    for (const r of report.results) if (r.status === 'fail' && !map.has(keyOf(r))) map.set(keyOf(r), r);
    return map;
  };
  const baseFail = failing(base);
  const headFail = failing(head);
  const headStatus = new Map<string, Set<string>>();
  for (const r of head.results) headStatus.set(keyOf(r), new Set([...(headStatus.get(keyOf(r)) ?? []), r.status]));

  const newFailures = [...headFail.values()].filter((r) => !baseFail.has(keyOf(r))).map(entry);
  const fixedFailures: FixedEntry[] = [];
  for (const r of baseFail.values()) {
    if (headFail.has(keyOf(r))) continue;
    const now = headStatus.get(keyOf(r));
    if (now?.has('acknowledged')) continue;
    fixedFailures.push({ ...entry(r), resolution: now === undefined ? 'removed' : now.has('pass') ? 'passes' : 'not-applicable' });
  }

  const inState = (report: Report, state: ExceptionState) => new Set(report.exceptions.filter((e) => e.state === state).map(keyOf));
  const changed = (state: ExceptionState) => {
    const before = inState(base, state);
    const seen = new Set<string>();
    return head.exceptions.filter((e) => e.state === state && !before.has(keyOf(e)) && !seen.has(keyOf(e)) && seen.add(keyOf(e))).map(exception);
  };

  const baseControls = new Map(base.controls.map((c) => [`${c.framework}|${c.id}`, c]));
  const headControls = new Map(head.controls.map((c) => [`${c.framework}|${c.id}`, c]));
  const controlChanges: ControlChange[] = [];
  for (const [k, c] of headControls) {
    const before = baseControls.get(k);
    if (before?.status !== c.status) controlChanges.push({ framework: c.framework, id: c.id, title: c.title, from: before?.status ?? null, to: c.status });
  }
  for (const [k, c] of baseControls) {
    if (!headControls.has(k)) controlChanges.push({ framework: c.framework, id: c.id, title: c.title, from: c.status, to: null });
  }

  return {
    schemaVersion: DIFF_SCHEMA_VERSION,
    base: { generatedAt: base.generatedAt, failures: base.summary.failures.total },
    head: { generatedAt: head.generatedAt, failures: head.summary.failures.total },
    newFailures,
    fixedFailures,
    newExceptions: changed('applied'),
    expiredExceptions: changed('expired'),
    newlyStaleExceptions: changed('stale'),
    controlChanges,
  };
}

/** Render a diff as Markdown (a PR comment), JSON, or a terminal table. */
export function renderDiff(diff: ReportDiff, format: 'md' | 'json' | 'table'): string {
  switch (format) {
    case 'json': return `${JSON.stringify(diff, null, 2)}\n`;
    case 'md': return diffMarkdown(diff);
    case 'table': return diffTable(diff);
    default: throw new Error(`renderDiff: unknown format '${String(format)}'; use md, json or table`);
  }
}

function entry(r: ReportResult): DiffEntry {
  return {
    key: keyOf(r), ruleId: r.ruleId, severity: r.severity, stack: r.stack, logicalId: r.logicalId, constructPath: r.constructPath,
    template: r.template, line: r.line, message: r.message, controls: r.controls,
  };
}

function exception(e: ReportException): DiffException {
  return {
    key: keyOf(e), ruleId: e.ruleId, state: e.state, stack: e.stack, logicalId: e.logicalId, constructPath: e.constructPath,
    reason: e.reason, owner: e.owner, expires: e.expires,
  };
}

function headline(d: ReportDiff): string {
  return `${d.newFailures.length} new failures · ${d.fixedFailures.length} fixed · ${d.newExceptions.length} new exceptions · ` +
    `${d.expiredExceptions.length} expired · ${d.newlyStaleExceptions.length} newly stale · unacknowledged failures ${d.base.failures} → ${d.head.failures}`;
}

function diffMarkdown(d: ReportDiff): string {
  const out = ['## Compliance diff', '', `${d.newFailures.length > 0 || d.expiredExceptions.length > 0 ? '❌' : '✅'} ${headline(d)}`];
  const failures = (title: string, list: readonly DiffEntry[], extra?: (e: DiffEntry) => string) => {
    if (list.length === 0) return;
    out.push('', `### ${title} (${list.length})`, '', `| Severity | Rule | Resource | Source | Message${extra ? ' | Now' : ''} |`, `|---|---|---|---|---|${extra ? '---|' : ''}`);
    for (const e of list) {
      out.push(`| ${e.severity} | \`${mdCell(e.ruleId)}\` | ${mdCell(resourceOf(e))} | ${mdCell(sourceOf(e))} | ${mdCell(truncate(e.message, 300))} |${extra ? ` ${mdCell(extra(e))} |` : ''}`);
    }
  };
  const exceptions = (title: string, list: readonly DiffException[]) => {
    if (list.length === 0) return;
    out.push('', `### ${title} (${list.length})`, '', '| Rule | Resource | Owner | Expires | Reason |', '|---|---|---|---|---|');
    for (const e of list) out.push(`| \`${mdCell(e.ruleId)}\` | ${mdCell(resourceOf(e))} | ${mdCell(e.owner || '-')} | ${mdCell(e.expires ?? 'never')} | ${mdCell(truncate(e.reason, 200))} |`);
  };
  failures('New failures', d.newFailures);
  exceptions('Expired exceptions', d.expiredExceptions);
  exceptions('New exceptions', d.newExceptions);
  exceptions('Newly stale exceptions (remove them)', d.newlyStaleExceptions);
  failures('Fixed failures', d.fixedFailures, (e) => (e as FixedEntry).resolution);
  if (d.controlChanges.length > 0) {
    out.push('', `### Control status changes (${d.controlChanges.length})`, '', '| Framework | Control | From | To |', '|---|---|---|---|');
    for (const c of d.controlChanges) out.push(`| ${mdCell(c.framework)} | ${mdCell(`${c.id} ${c.title}`)} | ${c.from ?? '(absent)'} | ${c.to ?? '(absent)'} |`);
  }
  return `${out.join('\n')}\n`;
}

function diffTable(d: ReportDiff): string {
  const out = [headline(d)];
  const section = (title: string, rows: string[]) => {
    if (rows.length > 0) out.push('', `${title} (${rows.length})`, ...rows.map((r) => `  ${r}`));
  };
  section('NEW FAILURES', d.newFailures.map((e) => `${e.severity.padEnd(7)} ${e.ruleId}  ${resourceOf(e)}  ${sourceOf(e)}  ${truncate(e.message, 100)}`));
  section('EXPIRED EXCEPTIONS', d.expiredExceptions.map((e) => `${e.ruleId}  ${resourceOf(e)}  expired ${e.expires ?? '-'}  (${e.owner || '-'})`));
  section('NEW EXCEPTIONS', d.newExceptions.map((e) => `${e.ruleId}  ${resourceOf(e)}  ${e.owner || '-'}  until ${e.expires ?? 'never'}: ${truncate(e.reason, 100)}`));
  section('NEWLY STALE EXCEPTIONS', d.newlyStaleExceptions.map((e) => `${e.ruleId}  ${resourceOf(e)}  (remove it)`));
  section('FIXED FAILURES', d.fixedFailures.map((e) => `${e.ruleId}  ${resourceOf(e)}  ${e.resolution}`));
  section('CONTROL CHANGES', d.controlChanges.map((c) => `${c.framework} ${c.id}: ${c.from ?? '(absent)'} -> ${c.to ?? '(absent)'}`));
  return `${out.join('\n')}\n`;
}
