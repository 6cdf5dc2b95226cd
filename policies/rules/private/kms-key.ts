// Shared reading of KMS keys: key spec and usage, and the key policy document.
import { Outcome, Resource, Unresolved, describe, notApplicable, unresolved } from '../../../lib/engine';

/**
 * Whether automatic rotation applies to the key: symmetric encryption keys with KMS key material.
 * Returns a not-applicable or unresolved outcome when it does not (or cannot be told), else undefined.
 *
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html
 */
export function rotationNotApplicable(key: Resource): Outcome | undefined {
  const spec = key.properties.KeySpec ?? 'SYMMETRIC_DEFAULT';
  const usage = key.properties.KeyUsage ?? 'ENCRYPT_DECRYPT';
  const origin = key.properties.Origin ?? 'AWS_KMS';
  if (spec instanceof Unresolved) return unresolved('the key spec', spec, 'KeySpec');
  if (usage instanceof Unresolved) return unresolved('the key usage', usage, 'KeyUsage');
  if (origin instanceof Unresolved) return unresolved('the key origin', origin, 'Origin');
  if (spec !== 'SYMMETRIC_DEFAULT' || usage !== 'ENCRYPT_DECRYPT') {
    return notApplicable(`automatic rotation applies only to symmetric encryption keys; this key is ${describe(spec)} for ${describe(usage)}`);
  }
  if (origin !== 'AWS_KMS') return notApplicable(`automatic rotation does not apply to key material from ${describe(origin)} (imported or custom key store)`);
  return undefined;
}
