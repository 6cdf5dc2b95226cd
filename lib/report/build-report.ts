import * as crypto from 'crypto';
import * as path from 'path';
import { Ledger, LedgerResult } from '../engine/evaluate';
import { ControlKind, Framework } from '../engine/framework';
import {
  CONTROL_STATUSES, ControlCounts, ControlObservation, ControlStatus, EXCEPTION_STATES, ExceptionState,
  FrameworkSummary, REPORT_SCHEMA_VERSION, RESULT_STATUSES, Report, ReportControl, ReportException, ReportOptions,
  ReportResult, ReportRule, ResultCounts, ResultStatusName,
} from './model';

/** The tool named in a report when the caller names none. */
export const DEFAULT_TOOL = { name: 'cdk-security-baseline', version: '0.0.0' };

/**
 * Build the compliance report from an evaluation ledger. Pure: the same ledger, catalogs and options
 * always give the same report (its time is the ledger's `evaluatedAt`).
 *
 * `frameworks` are the catalogs to report against; every framework the ledger was evaluated for
 * (`ledger.frameworks`) must be among them, and the report shows every control of each.
 *
 * Control rollup (first row that matches wins):
 *
 * | control kind      | evidence                                         | status           |
 * |-------------------|--------------------------------------------------|------------------|
 * | process           | any                                              | manual           |
 * | template, runtime | a failing result or a failing observation        | not-satisfied    |
 *
 * (Stale and not-collected observations are shown on the control but never count as passing or failing.
 * When the template passes and the live account fails, the reason says that they disagree.)
 *
 * | template          | no rule maps to it, no passing observation       | manual           |
 * | runtime           | no passing observation                           | runtime-pending  |
 * | template, runtime | an acknowledged result                           | excepted         |
 * | template, runtime | a passing result or observation                  | satisfied        |
 * | template          | its rules were skipped (workload scope)          | not-applicable   |
 * | template          | nothing its rules apply to                       | not-applicable   |
 */
export function buildReport(ledger: Ledger, frameworks: readonly Framework[], options: ReportOptions = {}): Report {
  const catalogs = ledger.frameworks.map((id) => {
    const catalog = frameworks.find((f) => f.id === id);
    if (!catalog) {
      throw new Error(`buildReport: the ledger was evaluated for framework '${id}' but no catalog with that id was passed; ` +
        `pass its Framework (known: ${frameworks.map((f) => f.id).join(', ') || 'none'})`);
    }
    return catalog;
  });
  const chosen = new Set(ledger.frameworks);
  // Memoized: a large ledger has 50,000 results but only a few dozen templates and 150 control maps
  // (each rule's map is shared by all its results).
  const relativeCache = new Map<string, string>();
  const relative = (p: string) => relativeCache.get(p) ?? relativeCache.set(p, relativePath(p, options.rootDir)).get(p)!;
  const chosenCache = new WeakMap<object, Readonly<Record<string, readonly string[]>>>();
  const onlyChosen = (controls: Readonly<Record<string, readonly string[]>>) => {
    let picked = chosenCache.get(controls);
    if (!picked) {
      picked = Object.fromEntries(Object.entries(controls).filter(([f]) => chosen.has(f)));
      chosenCache.set(controls, picked);
    }
    return picked;
  };

  const rules: ReportRule[] = ledger.rules.map((r) => ({
    id: r.id,
    kind: (r as { kind?: string }).kind === 'account' ? 'account' : 'resource',
    severity: r.severity,
    title: r.title,
    fix: r.fix,
    description: r.description ?? r.title,
    nonWaivable: r.nonWaivable === true,
    controls: onlyChosen(r.controls),
    equivalents: { 'cdk-nag': [...(r.equivalents?.['cdk-nag'] ?? [])], 'cfn-guard': [...(r.equivalents?.['cfn-guard'] ?? [])] },
  }));

  const ackState = (r: LedgerResult): ExceptionState => {
    if (r.status === 'acknowledged') return 'applied';
    const record = ledger.acknowledgments.find((a) => a.template === r.template && a.logicalId === r.logicalId && a.ruleId === r.ruleId && a.state !== 'stale');
    return record?.state ?? 'invalid';
  };

  const seen = new Map<string, number>();
  const results: ReportResult[] = ledger.results.map((r) => {
    const key = `${r.ruleId}\u0000${r.stack}\u0000${r.logicalId ?? ''}\u0000${r.location ?? ''}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const fingerprint = sha256(n === 1 ? key : `${key}\u0000${n}`);
    return {
      id: `r-${fingerprint.slice(0, 16)}`,
      fingerprint,
      ruleId: r.ruleId,
      severity: r.severity,
      status: r.status as ResultStatusName,
      stack: r.stack,
      template: relative(r.template),
      logicalId: r.logicalId,
      constructPath: r.constructPath ?? null,
      resourceType: r.resourceType ?? null,
      message: r.message,
      location: r.location ?? null,
      line: r.line ?? null,
      controls: onlyChosen(r.controls),
      unresolved: [...(r.unresolved ?? [])],
      acknowledgment: r.acknowledgment
        ? { reason: r.acknowledgment.reason, owner: r.acknowledgment.owner, expires: r.acknowledgment.expires ?? null, state: ackState(r) }
        : null,
    };
  });

  const observations: ControlObservation[] = (options.observations ?? []).map((o, i) => ({
    ...o,
    controlRefs: o.controlRefs.map((c) => ({ framework: c.framework, id: c.id })),
    id: `o-${sha256([i, o.source, o.subject ?? '', o.title, o.collected].join('\u0000')).slice(0, 16)}`,
  }));
  const skippedRules = new Set(ledger.skipped.map((s) => s.ruleId));

  // Indexed once, so a large ledger (10,000 resources, 50,000 results) stays linear. Controls refer to
  // their evidence by result id, so each result is written once however many controls it evidences.
  const controlKey = (framework: string, id: string) => `${framework}\u0000${id}`;
  // A rule's control map is one object shared by all its results, so each map's evidence lists are
  // looked up once, not once per result.
  const evidenceByControl = new Map<string, ReportResult[]>();
  const listsOf = new Map<object, ReportResult[][]>();
  for (const r of results) {
    let lists = listsOf.get(r.controls);
    if (!lists) {
      lists = Object.entries(r.controls).flatMap(([framework, ids]) => ids.map((id) => {
        const k = controlKey(framework, id);
        return evidenceByControl.get(k) ?? evidenceByControl.set(k, []).get(k)!;
      }));
      listsOf.set(r.controls, lists);
    }
    for (const list of lists) list.push(r);
  }
  const observationsByControl = new Map<string, ControlObservation[]>();
  for (const o of observations) {
    for (const k of new Set(o.controlRefs.map((ref) => controlKey(ref.framework, ref.id)))) {
      const list = observationsByControl.get(k);
      if (list) list.push(o);
      else observationsByControl.set(k, [o]);
    }
  }
  const rulesByControl = new Map<string, string[]>();
  for (const r of rules) {
    for (const [framework, ids] of Object.entries(r.controls)) for (const id of ids) rulesByControl.set(controlKey(framework, id), [...(rulesByControl.get(controlKey(framework, id)) ?? []), r.id]);
  }
  const statusOrder = (status: string) => RESULT_STATUSES.indexOf(status as (typeof RESULT_STATUSES)[number]);

  const controls: ReportControl[] = catalogs.flatMap((fw) => fw.controls.map((c) => {
    const ruleIds = rulesByControl.get(controlKey(fw.id, c.id)) ?? [];
    const evidence = [...(evidenceByControl.get(controlKey(fw.id, c.id)) ?? [])].sort((a, b) => statusOrder(a.status) - statusOrder(b.status));
    const obs = observationsByControl.get(controlKey(fw.id, c.id)) ?? [];
    const [status, statusReason] = rollup(c.kind, ruleIds, evidence, obs, skippedRules);
    return {
      framework: fw.id, id: c.id, title: c.title, family: c.family, kind: c.kind,
      status, statusReason, rules: ruleIds, evidence: evidence.map((e) => e.id), observations: obs,
    };
  }));

  // Source line of each acknowledged resource, indexed once (a template can carry many acknowledgments).
  const lines = new Map<string, number>();
  if (ledger.acknowledgments.length > 0) {
    for (const r of ledger.results) {
      const k = `${r.template}\u0000${r.logicalId}`;
      if (r.logicalId !== null && r.line !== undefined && !lines.has(k)) lines.set(k, r.line);
    }
  }
  const lineOf = (template: string, logicalId: string | null) => (logicalId === null ? null : lines.get(`${template}\u0000${logicalId}`) ?? null);
  const exceptions: ReportException[] = ledger.acknowledgments.map((a, i) => ({
    id: `x-${sha256([a.ruleId, a.stack, a.logicalId ?? '', i].join('\u0000')).slice(0, 16)}`,
    ruleId: a.ruleId,
    state: a.state,
    reason: a.reason,
    owner: a.owner,
    expires: a.expires ?? null,
    stack: a.stack,
    template: relative(a.template),
    logicalId: a.logicalId,
    constructPath: a.constructPath ?? null,
    line: lineOf(a.template, a.logicalId),
    problems: [...(a.problems ?? [])],
    controls: rules.find((r) => r.id === a.ruleId)?.controls ?? {},
  }));

  const resultCounts = countResults(results, catalogs.map((fw) => fw.id));
  const frameworkSummaries: FrameworkSummary[] = catalogs.map((fw) => ({
    framework: fw.id,
    name: fw.name,
    version: fw.version,
    controls: countControls(controls.filter((c) => c.framework === fw.id)),
    results: resultCounts.byFramework.get(fw.id)!,
  }));
  const unacknowledged = results.filter((r) => r.status === 'fail');

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: ledger.evaluatedAt,
    tool: { name: options.tool?.name ?? DEFAULT_TOOL.name, version: options.tool?.version ?? DEFAULT_TOOL.version },
    scope: ledger.scope,
    frameworks: catalogs.map((f) => ({ id: f.id, name: f.name, version: f.version, scope: f.scope ?? null })),
    templates: ledger.templates.map((t) => ({
      path: relative(t.path), stack: t.stack, account: t.account ?? null, region: t.region ?? null,
      resourceCount: t.resourceCount, baseline: t.baseline,
    })),
    rules,
    summary: {
      results: resultCounts.all,
      controls: countControls(controls),
      failures: {
        error: unacknowledged.filter((r) => r.severity === 'error').length,
        warning: unacknowledged.filter((r) => r.severity === 'warning').length,
        info: unacknowledged.filter((r) => r.severity === 'info').length,
        total: unacknowledged.length,
      },
      exceptions: {
        ...(Object.fromEntries(EXCEPTION_STATES.map((s) => [s, exceptions.filter((e) => e.state === s).length])) as Record<ExceptionState, number>),
        total: exceptions.length,
      },
      frameworks: frameworkSummaries,
    },
    controls,
    results,
    exceptions,
    skipped: ledger.skipped.map((s) => ({ ruleId: s.ruleId, title: rules.find((r) => r.id === s.ruleId)?.title ?? s.ruleId, reason: s.reason })),
  };
}

/** Hex SHA-256 of a string. */
export function sha256(text: string): string {
  // crypto.hash (Node 20.12+) is the one-shot form, about three times faster on the 50,000 short keys of
  // a large report; @types/node does not declare it yet.
  const oneShot = (crypto as unknown as { hash?: (algorithm: string, data: string) => string }).hash;
  return oneShot ? oneShot('sha256', text) : crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

function rollup(
  kind: ControlKind,
  ruleIds: readonly string[],
  evidence: readonly ReportResult[],
  obs: readonly ControlObservation[],
  skipped: ReadonlySet<string>,
): [ControlStatus, string] {
  const count = (s: string) => evidence.filter((e) => e.status === s).length;
  const failing = count('fail');
  const acknowledged = count('acknowledged');
  const passing = count('pass');
  const obsFail = obs.filter((o) => o.status === 'fail').length;
  const obsPass = obs.filter((o) => o.status === 'pass').length;
  if (kind === ControlKind.PROCESS) return ['manual', 'process control: needs manual attestation'];
  const obsStale = obs.filter((o) => o.status === 'stale').length;
  const staleNote = obsStale > 0 ? `; ${plural(obsStale, 'stale live check')} not counted` : '';
  if (failing + obsFail > 0) {
    const parts = [failing > 0 ? plural(failing, 'failing resource') : '', obsFail > 0 ? plural(obsFail, 'failing live check') : ''];
    const disagree = failing === 0 && passing > 0 ? `: the template passes (${plural(passing, 'passing resource')}) but the live account does not` : '';
    return ['not-satisfied', `${parts.filter(Boolean).join(' and ')}${disagree}${staleNote}`];
  }
  if (kind === ControlKind.TEMPLATE && ruleIds.length === 0 && obsPass === 0) return ['manual', 'no automated rule: needs manual attestation'];
  if (kind === ControlKind.RUNTIME && obsPass === 0) {
    const notCollected = obsStale > 0 ? '; live evidence is stale' : obs.length > 0 ? '; live evidence was not collected' : '';
    return ['runtime-pending', passing + acknowledged > 0
      ? `template evidence passes; the live account must still show it${notCollected}`
      : `runtime control: needs live evidence from the account${notCollected}`];
  }
  if (acknowledged > 0) return ['excepted', `${plural(acknowledged, 'acknowledged failure')}${passing > 0 ? `, ${plural(passing, 'passing resource')}` : ''}`];
  if (passing + obsPass > 0) {
    const parts = [passing > 0 ? plural(passing, 'passing resource') : '', obsPass > 0 ? plural(obsPass, 'passing live check') : ''];
    return ['satisfied', `${parts.filter(Boolean).join(' and ')}${staleNote}`];
  }
  if (ruleIds.length > 0 && ruleIds.every((id) => skipped.has(id))) {
    return ['not-applicable', `not judged here: ${ruleIds.join(', ')} skipped in workload scope`];
  }
  return ['not-applicable', `no resource that ${ruleIds.join(', ')} applies to`];
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * Results by status, overall and per framework, in one pass (a large report has 50,000 results). A rule's
 * control map is shared by all its results, so its frameworks are listed once per map.
 */
function countResults(results: readonly ReportResult[], frameworks: readonly string[]): { all: ResultCounts; byFramework: Map<string, ResultCounts> } {
  const zero = () => RESULT_STATUSES.map(() => 0);
  const index = new Map<string, number>(RESULT_STATUSES.map((s, i) => [s, i]));
  const all = zero();
  const per = new Map(frameworks.map((f) => [f, zero()]));
  const frameworksOf = new Map<object, number[][]>();
  for (const r of results) {
    const i = index.get(r.status)!;
    all[i]++;
    let lists = frameworksOf.get(r.controls);
    if (!lists) {
      lists = Object.keys(r.controls).flatMap((f) => (per.has(f) ? [per.get(f)!] : []));
      frameworksOf.set(r.controls, lists);
    }
    for (const counts of lists) counts[i]++;
  }
  const asCounts = (c: number[]): ResultCounts => ({
    ...(Object.fromEntries(RESULT_STATUSES.map((s, i) => [s, c[i]])) as Record<ResultStatusName, number>),
    total: c.reduce((a, b) => a + b, 0),
  });
  return { all: asCounts(all), byFramework: new Map([...per].map(([f, c]) => [f, asCounts(c)])) };
}

function countControls(controls: readonly ReportControl[]): ControlCounts {
  const counts = Object.fromEntries(CONTROL_STATUSES.map((s) => [s, controls.filter((c) => c.status === s).length])) as Record<ControlStatus, number>;
  return { ...counts, total: controls.length };
}

function relativePath(p: string, rootDir: string | undefined): string {
  const rel = rootDir !== undefined && path.isAbsolute(p) ? path.relative(rootDir, p) : p;
  return rel.split(path.sep).join('/');
}
