// The evidence document: what the collectors write. Shared by the CLI (`security-baseline evidence
// collect`) and the scheduled `EvidenceCollector` Lambda, so it imports nothing but node built-ins.
// `lib/evidence/evidence.schema.json` publishes it; bump EVIDENCE_SCHEMA_VERSION (semver) when it changes shape.

/** Version of the evidence document's shape (`lib/evidence/evidence.schema.json`). */
export const EVIDENCE_SCHEMA_VERSION = '1.0.0';

/**
 * What became of one observation.
 *
 * `pass` / `fail`: the collector judged what it read. `info`: a fact read from the account that the
 * collector does not judge itself (a key policy, judged later by the same rules as the templates).
 * `not-collected`: it could not be read (access denied, throttled past the retries, timed out, ...),
 * with the reason. Nothing that could not be read is ever reported as passing.
 */
export type EvidenceStatus = 'pass' | 'fail' | 'info' | 'not-collected';

/** One observation: one fact about one subject, from one API call. */
export interface EvidenceObservation {
  /** The check, for example `kms.KeyRotation`. */
  readonly check: string;
  readonly status: EvidenceStatus;
  /** One line: what a compliant subject shows. */
  readonly title: string;
  /** What was found (or why it could not be read). */
  readonly message: string;
  /** What was looked at: an ARN, or `arn:...:account` style scope for a list that failed. */
  readonly subject: string;
  /** The values read from the API (null when not collected). */
  readonly observed: Record<string, unknown> | null;
  /** The API operation, as its IAM action (`kms:GetKeyRotationStatus`). */
  readonly operation: string;
  /** The request id AWS returned (null when no response came back). */
  readonly requestId: string | null;
  /** The account (null when it could not be read). */
  readonly account: string | null;
  readonly region: string;
  /** When it was collected (ISO 8601). */
  readonly collected: string;
  /** Framework id to control ids the observation evidences (data, never free text). */
  readonly controls: Readonly<Record<string, readonly string[]>>;
  /** Why it was not collected (status `not-collected` only). */
  readonly reason?: string;
}

/** The evidence document (`evidence.schema.json`). */
export interface EvidenceDocument {
  readonly schemaVersion: string;
  readonly tool: { readonly name: string; readonly version: string };
  /** The account the credentials belong to (null when STS could not be read). */
  readonly account: string | null;
  readonly regions: readonly string[];
  /** Start of the job-history window (ISO 8601). */
  readonly since: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly counts: Readonly<Record<EvidenceStatus, number>> & { readonly total: number };
  readonly observations: readonly EvidenceObservation[];
  /** SHA-256 over the canonical JSON of every other field. */
  readonly digest: { readonly algorithm: 'sha256'; readonly value: string };
}
