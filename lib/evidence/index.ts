// Live evidence from the account (KMS, AWS Backup), merged into the report. The collectors themselves
// live in lib/lambda/evidence so the EvidenceCollector Lambda bundles the same code.
export * from '../lambda/evidence';
export { checkEvidence, readEvidenceFile, writeEvidenceFile } from './file';
export { DEFAULT_MAX_EVIDENCE_AGE_MS, evidenceObservations, judgeLiveKeys } from './observations';
export type { EvidenceObservationOptions } from './observations';
