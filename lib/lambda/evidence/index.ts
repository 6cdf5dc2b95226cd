// Live evidence collectors (KMS, AWS Backup), shared by the CLI and the EvidenceCollector Lambda.
// Imports only the AWS SDK v3 and node built-ins, so esbuild can bundle it into the handler.
export * from './types';
export { collectEvidence } from './collect';
export type { CollectOptions } from './collect';
export { canonicalJson, digestOf } from './digest';
export { formatDuration, parseDuration } from './duration';
export { EVIDENCE_ACTIONS, evidencePolicyDocument } from './policy';
export { CHECK_CONTROLS } from './controls';
export { scheduleInterval } from './schedule';
export { Pool } from './pool';
