import { Report, ReportControl, ReportResult } from '../model';

/**
 * Evidence items the human-facing formats (HTML, JUnit's system-out) list per control, failures
 * first. A control of a large assembly has thousands of results; the rest are counted, and every
 * result is in report.json and report.csv.
 */
export const EVIDENCE_SHOWN = 50;

/**
 * The results a control's evidence refers to (`controls[].evidence` holds result ids), in the
 * control's order. Index once per render: `const evidenceOf = evidenceIndex(report)`.
 */
export function evidenceIndex(report: Report): (control: ReportControl) => ReportResult[] {
  const byId = new Map(report.results.map((r) => [r.id, r]));
  return (control) => control.evidence.map((id) => {
    const result = byId.get(id);
    if (!result) throw new Error(`report control ${control.framework} ${control.id} refers to result '${id}', which is not in results[]`);
    return result;
  });
}
