import { CONTROL_STATUSES, Report } from '../model';
import { bySeverity, liveObservations, provenanceOf, resourceOf, sourceOf, truncate } from '../private/text';

/** Widest a message column gets before it is cut. */
const MESSAGE_WIDTH = 100;

/**
 * A compact plain-text table for a terminal (`check`): unacknowledged failures first, then exceptions
 * that need attention, skipped rules, one summary line per framework, and a verdict line. No colours:
 * the CLI adds them when the stream is a TTY.
 */
export function renderTable(report: Report): string {
  const out: string[] = [];
  out.push(`${report.tool.name} ${report.tool.version} · ${report.scope} scope · ${report.templates.length} templates · ` +
    `${report.rules.length} rules · ${report.generatedAt}`);

  const failures = report.results.filter((r) => r.status === 'fail').sort(bySeverity);
  out.push('', failures.length === 0 ? 'No unacknowledged failures.' : `FAILURES (${failures.length})`);
  if (failures.length > 0) {
    out.push(...table(['SEVERITY', 'RULE', 'RESOURCE', 'SOURCE', 'MESSAGE'],
      failures.map((r) => [r.severity, r.ruleId, resourceOf(r), sourceOf(r), truncate(r.message, MESSAGE_WIDTH)])));
  }

  const attention = report.exceptions.filter((e) => e.state !== 'applied');
  if (attention.length > 0) {
    out.push('', `EXCEPTIONS NEEDING ATTENTION (${attention.length})`);
    out.push(...table(['STATE', 'RULE', 'RESOURCE', 'OWNER', 'EXPIRES', 'WHY'], attention.map((e) => [
      e.state, e.ruleId, resourceOf(e), e.owner || '-', e.expires ?? 'never',
      truncate(e.problems.join('; ') || stateHint(e.state), MESSAGE_WIDTH),
    ])));
  }

  const live = liveObservations(report).filter((o) => o.status !== 'pass');
  const livePass = liveObservations(report).length - live.length;
  if (live.length + livePass > 0) {
    out.push('', `LIVE EVIDENCE (${live.length} failing, stale or not collected; ${livePass} passing)`);
    if (live.length > 0) {
      out.push(...table(['STATUS', 'CHECK', 'SUBJECT', 'MESSAGE', 'COLLECTED'],
        live.map((o) => [o.status, o.source, o.subject ?? 'account', truncate(o.message, MESSAGE_WIDTH), provenanceOf(o)])));
    }
  }

  if (report.skipped.length > 0) {
    out.push('', `SKIPPED (${report.scope} scope): ${report.skipped.map((s) => s.ruleId).join(', ')}`,
      `  ${report.skipped[0].reason}`);
  }

  out.push('', 'FRAMEWORKS');
  out.push(...table(['FRAMEWORK', 'CONTROLS', ...CONTROL_STATUSES.map((s) => s.toUpperCase())], report.summary.frameworks.map((f) => [
    f.framework, String(f.controls.total), ...CONTROL_STATUSES.map((s) => String(f.controls[s])),
  ])));

  const s = report.summary;
  out.push('', `${s.failures.total === 0 ? 'PASS' : 'FAIL'}: ${s.failures.total} unacknowledged failures ` +
    `(${s.failures.error} error, ${s.failures.warning} warning, ${s.failures.info} info) · ${s.results.acknowledged} acknowledged · ` +
    `${s.results.pass} passed · ${s.results['not-applicable']} not applicable`);
  return `${out.join('\n')}\n`;
}

/** Why an exception needs attention, when it has no listed problems. */
export function stateHint(state: string): string {
  switch (state) {
    case 'expired': return 'expired: the finding is open again; fix it or renew the acknowledgment';
    case 'stale': return 'stale: matches no failing result; remove it';
    case 'refused': return 'refused: the rule is non-waivable; fix the resource';
    case 'invalid': return 'invalid acknowledgment';
    default: return 'applied';
  }
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}
