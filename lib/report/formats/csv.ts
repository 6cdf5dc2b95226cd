import { Report } from '../model';
import { controlList, liveObservations, provenanceOf } from '../private/text';

const COLUMNS = [
  'ruleId', 'severity', 'status', 'stack', 'template', 'line', 'logicalId', 'constructPath', 'resourceType',
  'location', 'message', 'controls', 'acknowledgmentState', 'acknowledgmentReason', 'acknowledgmentOwner', 'acknowledgmentExpires',
] as const;

/**
 * One row per result (passes included) with a header row, RFC 4180 style: CRLF line ends, fields with a
 * comma, quote or line break quoted, quotes doubled. Controls are `framework:id;framework:id`.
 *
 * Live observations follow the results, one row each: `resourceType` is `live-evidence`, `ruleId` is the
 * check, `logicalId` the subject, and the message ends with where and when it was collected.
 *
 * A field that starts with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, so a spreadsheet never runs
 * it as a formula (a template's values are input we do not control).
 *
 * @see https://www.rfc-editor.org/rfc/rfc4180
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 */
export function renderCsv(report: Report): string {
  const rows = report.results.map((r) => [
    r.ruleId, r.severity, r.status, r.stack, r.template, r.line ?? '', r.logicalId ?? '', r.constructPath ?? '', r.resourceType ?? '',
    r.location ?? '', r.message, controlList(r.controls), r.acknowledgment?.state ?? '', r.acknowledgment?.reason ?? '',
    r.acknowledgment?.owner ?? '', r.acknowledgment?.expires ?? '',
  ]);
  for (const o of liveObservations(report)) {
    const controls = Object.fromEntries(o.controlRefs.map((c) => [c.framework, o.controlRefs.filter((x) => x.framework === c.framework).map((x) => x.id)]));
    rows.push([o.source, '', o.status, '', '', '', o.subject ?? 'account', '', 'live-evidence', '', `${o.message} (${provenanceOf(o)})`, controlList(controls), '', '', '', '']);
  }
  return [[...COLUMNS], ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
