// Public API of cdk-security-baseline: the constructs, the compliance packs, the shared error type, and a
// small programmatic API for checks and reports (what CI tools call).
export * from './lib/errors';
export * from './constructs/data';
export * from './constructs/network';
export * from './constructs/identity';
export * from './constructs/detection';
export * from './constructs/baseline';
export * from './policies';
export type { Acknowledgment, Control, EvaluateOptions, Framework, Ledger, LedgerResult, TemplateInput } from './lib/engine';
export { CheckScope, ControlKind, ResultStatus, Severity, evaluate } from './lib/engine';
export { InputError, loadTemplates } from './lib/engine/load';
export type { ReportFormat } from './lib/report';
export { REPORT_FORMATS, REPORT_SCHEMA_VERSION, buildReport, diffReports, exitCodeFor, render, renderDiff } from './lib/report';
// Live evidence (CI tools call it): collect, write, read and merge into a report.
export {
  EVIDENCE_SCHEMA_VERSION, collectEvidence, evidenceObservations, evidencePolicyDocument, readEvidenceFile, writeEvidenceFile,
} from './lib/evidence';
export type { CollectOptions, EvidenceDocument, EvidenceObservation, EvidenceObservationOptions, EvidenceStatus } from './lib/evidence';
