// The evidence document's digest: SHA-256 over canonical JSON (keys sorted at every level), so the
// digest does not depend on how a reader or writer orders keys.
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Hex SHA-256 of a document's canonical JSON without its `digest` field. */
export function digestOf(doc: Record<string, unknown>): string {
  const rest = { ...doc };
  delete rest.digest;
  return createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex');
}
