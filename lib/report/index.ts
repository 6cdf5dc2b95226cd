// The compliance report: ledger -> report model -> json | md | html | sarif | csv | junit | oscal | table,
// plus the compliance diff between two reports.
export * from './model';
export { buildReport } from './build-report';
export { exitCodeFor } from './exit-code';
export { REPORT_FORMATS, render } from './render';
export type { ReportFormat } from './render';
export { diffReports, renderDiff } from './diff';
export type { ControlChange, DiffEntry, DiffException, FixedEntry, ReportDiff } from './diff';
