import { Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * How a composed construct names the prop behind the KMS aliases of the `DataKey`s below it.
 *
 * A `DataKey` derives its alias from a data class. When two keys would share an alias, the error
 * must name the prop the caller typed (`SegmentedVpc.flowLogsDataClass`), not `DataKey.dataClass`,
 * which the caller of a composed construct cannot see. A construct that derives child data classes
 * from one of its props calls `nameKeyAliasSource(this, ...)` before it defines its children; the
 * outermost registered ancestor of a key wins, because that is the construct the caller defined.
 */
export interface KeyAliasSource {
  /** The prop the caller typed, e.g. `flowLogsDataClass`. */
  readonly prop: string;
  /** Its value as the caller gave it (or its default); undefined when the caller left it unset. */
  readonly value: string | undefined;
  /** The fix, phrased for that caller. */
  readonly fix: string;
}

const sources = new WeakMap<Construct, KeyAliasSource>();

/** Name the prop that the aliases of every `DataKey` under `scope` derive from. */
export function nameKeyAliasSource(scope: Construct, source: KeyAliasSource): void {
  sources.set(scope, source);
}

/** The outermost registered source above `key`, if any. */
export function keyAliasSourceOf(key: Construct): KeyAliasSource | undefined {
  for (const scope of key.node.scopes) {
    const source = sources.get(scope as Construct);
    if (source) return source;
  }
  return undefined;
}

/** Data classes become KMS aliases: 1-50 lowercase letters, digits or hyphens. */
export const DATA_CLASS = /^[a-z0-9][a-z0-9-]{0,49}$/;

/**
 * Check a prop that becomes a data class, possibly with a suffix appended (e.g. `-archive`).
 *
 * Pushes a problem in the caller's terms when `value` (plus the longest suffix) is not a valid data class.
 */
export function checkDataClass(prop: string, value: string | undefined, problems: string[], longestSuffix = ''): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  const max = 50 - longestSuffix.length;
  if (!DATA_CLASS.test(value + longestSuffix) || value.length > max) {
    problems.push(
      `${prop} must be 1-${max} lowercase letters, digits or hyphens, starting with a letter or digit (it becomes a KMS alias), ` +
        `got ${JSON.stringify(value)}; use a name such as 'logs' or 'customer-data'`,
    );
  }
}
