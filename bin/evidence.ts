// The thin adapter between the evidence collectors (lib/evidence, which imports no rules) and the
// rules: which of the rules judge live KMS keys, and the observations `check --evidence` merges.
import { Rule } from '../lib/engine';
import { readEvidenceFile } from '../lib/evidence/file';
import { evidenceObservations } from '../lib/evidence/observations';
import { EvidenceDocument } from '../lib/lambda/evidence/types';
import { Observation } from '../lib/report';

/**
 * Rules that judge a template's `AWS::KMS::Key` by what only the template holds (its deletion policy,
 * its `PendingWindowInDays`), so they cannot judge a live key: a live key never shows them.
 */
export const TEMPLATE_ONLY_KEY_RULES: ReadonlySet<string> = new Set(['KMS.RetainOnDelete', 'KMS.PendingWindow']);

/** The rules that judge live KMS keys: every resource rule over `AWS::KMS::Key` a live key can show. */
export function liveKeyRules(rules: readonly Rule[]): Rule[] {
  return rules.filter((r) => r.kind === 'resource' && r.resourceTypes.includes('AWS::KMS::Key') && !TEMPLATE_ONLY_KEY_RULES.has(r.id));
}

/** Read evidence files (digest checked) and turn them into report observations, stale ones marked. */
export function observationsFromFiles(files: readonly string[], rules: readonly Rule[], maxAgeMs: number, now: Date): { docs: EvidenceDocument[]; observations: Observation[] } {
  const docs = files.map((f) => readEvidenceFile(f));
  return { docs, observations: evidenceObservations(docs, { now, maxAgeMs, keyRules: liveKeyRules(rules) }) };
}
