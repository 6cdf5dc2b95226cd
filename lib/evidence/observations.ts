// Evidence -> report observations. Two sources of evidence, one rule:
// - the collectors' own checks (pass / fail / not-collected), mapped to their controls;
// - the live key policies and key settings, judged by the very rules that judge templates: each live
//   customer-managed key becomes an `AWS::KMS::Key` resource of an in-memory template, and `evaluate`
//   runs the rules the caller passes over it. lib imports no rules (DESIGN.md), so the caller passes them.
// Evidence older than `maxAgeMs` is `stale`: shown with its observations, never counted as current.
import { Ledger, Rule, evaluate } from '../engine';
// Module by module, not the barrel: judging evidence must not load the AWS SDK the collectors use.
import { formatDuration } from '../lambda/evidence/duration';
import { EvidenceDocument, EvidenceObservation } from '../lambda/evidence/types';
import { ControlRef, Observation } from '../report/model';

/** Options of `evidenceObservations`. */
export interface EvidenceObservationOptions {
  /** The time ages are judged against. @default - now */
  readonly now?: Date;
  /** Evidence collected longer ago than this is stale. @default 24 hours */
  readonly maxAgeMs?: number;
  /**
   * Rules that judge live KMS keys (resource rules over `AWS::KMS::Key` that read only what the
   * account shows: `KeyPolicy`, `EnableKeyRotation`, `RotationPeriodInDays`, `KeySpec`, `KeyUsage`,
   * `MultiRegion`, `Enabled`). @default - none: key policies are recorded but not judged
   */
  readonly keyRules?: readonly Rule[];
}

/** Default maximum age of evidence: 24 hours. */
export const DEFAULT_MAX_EVIDENCE_AGE_MS = 24 * 3_600_000;

/** The report observations the evidence documents give. */
export function evidenceObservations(docs: readonly EvidenceDocument[], options: EvidenceObservationOptions = {}): Observation[] {
  const now = options.now ?? new Date();
  const maxAge = options.maxAgeMs ?? DEFAULT_MAX_EVIDENCE_AGE_MS;
  const out: Observation[] = [];
  for (const doc of docs) {
    for (const o of doc.observations) {
      if (o.status === 'info') continue;
      const refs = refsOf(o.controls);
      if (refs.length === 0) continue;
      out.push(withAge({ ...base(o), controlRefs: refs, status: o.status, title: o.title, message: o.message, source: o.check }, now, maxAge));
    }
    out.push(...judgeLiveKeys(doc, options.keyRules ?? []).map((o) => withAge(o, now, maxAge)));
  }
  return out;
}

/**
 * Judge every live key policy of `doc` with `rules`, through the engine: one in-memory template whose
 * resources are the live keys. A rule that needed a value the collector could not read is
 * `not-collected`, never a pass or a fail.
 */
export function judgeLiveKeys(doc: EvidenceDocument, rules: readonly Rule[]): Observation[] {
  const keyRules = rules.filter((r) => r.kind === 'resource' && r.resourceTypes.includes('AWS::KMS::Key'));
  const policies = doc.observations.filter((o) => o.check === 'kms.KeyPolicy' && o.status === 'info' && o.observed);
  if (keyRules.length === 0 || policies.length === 0) return [];
  const byLogicalId = new Map<string, EvidenceObservation>();
  const unreadOf = new Map<string, string[]>();
  const resources: Record<string, unknown> = {};
  for (const o of policies) {
    const f = o.observed as Record<string, unknown>;
    const id = `LiveKey${String(f.KeyId ?? o.subject).replace(/[^A-Za-z0-9]/g, '')}`;
    byLogicalId.set(id, o);
    // A value the collector could not read stays unresolved, so the rule fails closed and we report it not collected.
    const rotatable = f.KeySpec === 'SYMMETRIC_DEFAULT' && f.Origin === 'AWS_KMS';
    if (f.KeyRotationEnabled === undefined && rotatable) unreadOf.set(id, ['EnableKeyRotation', 'RotationPeriodInDays']);
    const unread = (what: string) => ({ 'Fn::ImportValue': `live-evidence:${what} was not collected` });
    resources[id] = {
      Type: 'AWS::KMS::Key',
      Properties: {
        KeyPolicy: f.Policy,
        EnableKeyRotation: f.KeyRotationEnabled ?? (rotatable ? unread('the rotation status') : false),
        ...(f.RotationPeriodInDays !== undefined && f.RotationPeriodInDays !== null ? { RotationPeriodInDays: f.RotationPeriodInDays } : {}),
        KeySpec: f.KeySpec, KeyUsage: f.KeyUsage, MultiRegion: f.MultiRegion, Enabled: f.Enabled,
      },
      Metadata: { 'aws:cdk:path': o.subject },
    };
  }
  const ledger: Ledger = evaluate([{ path: `live:${doc.account ?? 'unknown'}`, stackName: 'live-account', account: doc.account ?? undefined, template: { Resources: resources } }], keyRules);
  const out: Observation[] = [];
  for (const r of ledger.results) {
    if (r.status === 'not-applicable' || r.logicalId === null) continue;
    const o = byLogicalId.get(r.logicalId)!;
    const refs = refsOf(r.controls);
    if (refs.length === 0) continue;
    const rule = keyRules.find((k) => k.id === r.ruleId)!;
    // Not collected: the rule could not resolve a value, or it faults a property the collector could not read.
    const unread = new Set(unreadOf.get(r.logicalId) ?? []);
    const unresolved = (r.unresolved ?? []).length > 0 || [...unread].some((p) => r.location === `Properties/${p}` || r.location?.startsWith(`Properties/${p}/`));
    out.push({
      ...base(o),
      operation: 'kms:GetKeyPolicy',
      controlRefs: refs,
      status: unresolved ? 'not-collected' : r.status === 'pass' ? 'pass' : 'fail',
      title: `${rule.title} (live key)`,
      message: unresolved ? `not collected: ${r.message}` : r.message,
      source: `${r.ruleId} (live)`,
    });
  }
  return out;
}

function base(o: EvidenceObservation): Pick<Observation, 'subject' | 'collected' | 'operation' | 'requestId' | 'account' | 'region'> {
  return {
    subject: o.subject, collected: o.collected, operation: o.operation,
    ...(o.requestId ? { requestId: o.requestId } : {}), ...(o.account ? { account: o.account } : {}), region: o.region,
  };
}

function refsOf(controls: Readonly<Record<string, readonly string[]>>): ControlRef[] {
  return Object.entries(controls).flatMap(([framework, ids]) => ids.map((id) => ({ framework, id })));
}

function withAge(o: Observation, now: Date, maxAge: number): Observation {
  const age = now.getTime() - Date.parse(o.collected);
  if (!(age > maxAge) || o.status === 'not-collected') return o;
  const ago = age >= 7_200_000 ? `${Math.round(age / 3_600_000)}h` : formatDuration(Math.round(age / 60_000) * 60_000);
  return { ...o, status: 'stale', message: `stale: collected ${ago} ago, older than the maximum age ${formatDuration(maxAge)}; it read ${o.status}: ${o.message}` };
}
