// Public API of cdk-security-baseline: the constructs, plus the shared error type.
export * from './lib/errors';
export * from './constructs/data';
export * from './constructs/network';
export * from './constructs/identity';
export * from './constructs/detection';
export * from './constructs/baseline';
// Live evidence (CI tools call it): collect, write, read and merge into a report.
export {
  EVIDENCE_SCHEMA_VERSION, collectEvidence, evidenceObservations, evidencePolicyDocument, readEvidenceFile, writeEvidenceFile,
} from './lib/evidence';
export type { CollectOptions, EvidenceDocument, EvidenceObservation, EvidenceObservationOptions, EvidenceStatus } from './lib/evidence';
