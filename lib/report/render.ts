import { renderCsv } from './formats/csv';
import { renderHtml } from './formats/html';
import { renderJson } from './formats/json';
import { renderJunit } from './formats/junit';
import { renderMarkdown } from './formats/markdown';
import { renderOscal } from './formats/oscal';
import { renderSarif } from './formats/sarif';
import { renderTable } from './formats/table';
import { Report } from './model';

/** A report format `render` writes. */
export type ReportFormat = 'json' | 'md' | 'html' | 'sarif' | 'csv' | 'junit' | 'oscal' | 'table';

/** Every report format, in the order the CLI lists them. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'md', 'html', 'sarif', 'csv', 'junit', 'oscal', 'table'];

const RENDERERS: Record<ReportFormat, (report: Report) => string> = {
  json: renderJson,
  md: renderMarkdown,
  html: renderHtml,
  sarif: renderSarif,
  csv: renderCsv,
  junit: renderJunit,
  oscal: renderOscal,
  table: renderTable,
};

/** Render a report in one format. Pure and deterministic: the same report always gives the same text. */
export function render(report: Report, format: ReportFormat): string {
  const renderer = RENDERERS[format];
  if (!renderer) throw new Error(`render: unknown report format '${String(format)}'; use one of ${REPORT_FORMATS.join(', ')}`);
  return renderer(report);
}
