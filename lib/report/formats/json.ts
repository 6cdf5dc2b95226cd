import { Report } from '../model';

/** The report as JSON (`report.schema.json`), two-space indented, with a final newline. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
