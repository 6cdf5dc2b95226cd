// Escaping and small text helpers shared by the renderers.
import { ControlObservation, Report } from '../model';

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Escape text for XML content and attributes; drops characters XML 1.0 cannot carry. */
export function escapeXml(value: unknown): string {
  return String(value ?? '')
     
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Text for one Markdown table cell: one line, pipes escaped, HTML neutralised. */
export function mdCell(value: unknown): string {
  return String(value ?? '')
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/`/g, '\\`');
}

/** `template:line`, or the template alone when the line is unknown. */
export function sourceOf(r: { template: string; line: number | null }): string {
  return r.line === null ? r.template : `${r.template}:${r.line}`;
}

/** The resource a result or exception is about: `stack/logicalId`, or the stack for account findings. */
export function resourceOf(r: { stack: string; logicalId: string | null }): string {
  return r.logicalId === null ? `${r.stack} (account)` : `${r.stack}/${r.logicalId}`;
}

/** Controls as `framework:id;framework:id`. */
export function controlList(controls: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(controls).flatMap(([f, ids]) => ids.map((id) => `${f}:${id}`)).join(';');
}

/** Cut text to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** Results ordered for reading: unacknowledged failures first, errors before warnings before info. */
export function bySeverity<T extends { severity: string }>(a: T, b: T): number {
  const rank: Record<string, number> = { error: 0, warning: 1, info: 2 };
  return (rank[a.severity] ?? 3) - (rank[b.severity] ?? 3);
}

/** Every live observation of the report once (controls share them), failing and stale first. */
export function liveObservations(report: Report): ControlObservation[] {
  const seen = new Map<string, ControlObservation>();
  for (const c of report.controls) for (const o of c.observations) seen.set(o.id, o);
  const order = ['fail', 'stale', 'not-collected', 'pass'];
  return [...seen.values()].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status) || a.source.localeCompare(b.source) || (a.subject ?? '').localeCompare(b.subject ?? ''));
}

/** Where an observation came from: `kms:GetKeyRotationStatus req-1, collected 2026-...`. */
export function provenanceOf(o: ControlObservation): string {
  return [o.operation, o.requestId ? `request ${o.requestId}` : '', `collected ${o.collected}`].filter(Boolean).join(', ');
}
