import { Report } from '../model';
import { bySeverity, liveObservations, mdCell, provenanceOf, resourceOf, sourceOf, truncate } from '../private/text';
import { stateHint } from './table';

/** Failures listed before the rest are summarised as "and N more". */
export const MARKDOWN_FAILURE_LIMIT = 50;

/**
 * A short Markdown report for a pull-request comment or a job summary: the verdict, one summary row per
 * framework, the unacknowledged failures (capped at `MARKDOWN_FAILURE_LIMIT`), then the exceptions that
 * need attention (expired, refused, invalid, stale) and skipped rules. Every cell is escaped, so
 * template text cannot inject HTML or break a table.
 */
export function renderMarkdown(report: Report): string {
  const s = report.summary;
  const out: string[] = [];
  const verdict = s.failures.total === 0
    ? '✅ **No unacknowledged failures**'
    : `❌ **${s.failures.total} unacknowledged failure${s.failures.total === 1 ? '' : 's'}** ` +
      `(${s.failures.error} error, ${s.failures.warning} warning, ${s.failures.info} info)`;
  out.push('## Compliance report', '',
    `${verdict} · ${s.results.acknowledged} acknowledged · ${s.results.pass} passed · ` +
    `${report.scope} scope · ${report.templates.length} templates · ${report.rules.length} rules · ${mdCell(report.generatedAt)}`, '');

  out.push('| Framework | Not satisfied | Excepted | Satisfied | Runtime pending | Manual | N/A | Controls |',
    '|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const f of s.frameworks) {
    const c = f.controls;
    out.push(`| ${mdCell(f.name)} ${mdCell(f.version)} (\`${mdCell(f.framework)}\`) | ${c['not-satisfied']} | ${c.excepted} | ${c.satisfied} | ` +
      `${c['runtime-pending']} | ${c.manual} | ${c['not-applicable']} | ${c.total} |`);
  }

  const failures = report.results.filter((r) => r.status === 'fail').sort(bySeverity);
  if (failures.length > 0) {
    out.push('', `### Failures (${failures.length})`, '', '| Severity | Rule | Resource | Source | Message | Controls |', '|---|---|---|---|---|---|');
    for (const r of failures.slice(0, MARKDOWN_FAILURE_LIMIT)) {
      const controls = Object.entries(r.controls).map(([f, ids]) => `${f}: ${ids.join(', ')}`).join('; ');
      const resource = r.constructPath ? `${mdCell(resourceOf(r))}<br>\`${mdCell(r.constructPath)}\`` : mdCell(resourceOf(r));
      out.push(`| ${r.severity} | \`${mdCell(r.ruleId)}\` | ${resource} | ` +
        `${mdCell(sourceOf(r))} | ${mdCell(truncate(r.message, 300))} | ${mdCell(controls)} |`);
    }
    if (failures.length > MARKDOWN_FAILURE_LIMIT) out.push('', `…and ${failures.length - MARKDOWN_FAILURE_LIMIT} more (see the full report).`);
  }

  const live = liveObservations(report);
  if (live.length > 0) {
    const count = (st: string) => live.filter((o) => o.status === st).length;
    out.push('', `### Live evidence (${live.length})`, '',
      `${count('fail')} failing · ${count('stale')} stale (not counted) · ${count('not-collected')} not collected · ${count('pass')} passing`, '',
      '| Status | Check | Subject | Message | Collected |', '|---|---|---|---|---|');
    for (const o of live.slice(0, MARKDOWN_FAILURE_LIMIT)) {
      out.push(`| ${o.status} | \`${mdCell(o.source)}\` | ${mdCell(o.subject ?? 'account')} | ${mdCell(truncate(o.message, 300))} | ${mdCell(provenanceOf(o))} |`);
    }
    if (live.length > MARKDOWN_FAILURE_LIMIT) out.push('', `…and ${live.length - MARKDOWN_FAILURE_LIMIT} more (see the full report).`);
  }

  const attention = report.exceptions.filter((e) => e.state !== 'applied');
  if (attention.length > 0) {
    out.push('', `### Exceptions needing attention (${attention.length})`, '', '| State | Rule | Resource | Owner | Expires | Reason | Why |', '|---|---|---|---|---|---|---|');
    for (const e of attention) {
      out.push(`| ${e.state} | \`${mdCell(e.ruleId)}\` | ${mdCell(resourceOf(e))} | ${mdCell(e.owner || '-')} | ${mdCell(e.expires ?? 'never')} | ` +
        `${mdCell(truncate(e.reason, 200))} | ${mdCell(e.problems.join('; ') || stateHint(e.state))} |`);
    }
  }
  const applied = s.exceptions.applied;
  if (applied > 0) out.push('', `${applied} applied exception${applied === 1 ? '' : 's'} in the register (see the full report).`);

  if (report.skipped.length > 0) {
    out.push('', `### Skipped in ${report.scope} scope (${report.skipped.length})`, '',
      `${mdCell(report.skipped[0].reason)}: ${report.skipped.map((k) => `\`${mdCell(k.ruleId)}\``).join(', ')}`);
  }
  return `${out.join('\n')}\n`;
}
