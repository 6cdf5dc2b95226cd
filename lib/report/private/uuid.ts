import { createHash } from 'crypto';

/** Our UUID v5 namespace (itself `uuidV5(NIL, 'cdk-security-baseline')` would do as well; fixed here). */
const NAMESPACE = '5b0c3f0e-7a1d-5c3e-9d2b-8f4a6e1c2d3b';

/**
 * A name-based UUID (version 5, SHA-1) under our namespace: the same name always gives the same UUID,
 * so reports are deterministic and a subject keeps its UUID across revisions.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9562#name-uuid-version-5
 */
export function uuidV5(name: string): string {
  const ns = Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(Buffer.concat([ns, Buffer.from(name, 'utf8')])).digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
