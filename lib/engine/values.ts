/**
 * What a template value resolves to.
 *
 * The engine resolves intrinsic functions the way CloudFormation would, as far as the templates allow:
 * - a plain JSON value stays itself;
 * - `Ref`/`Fn::GetAtt` to a resource (in the same template, or through `Fn::ImportValue` in another)
 *   becomes a `ResourceRef`: its identity is known, its deploy-time value is not;
 * - inside `Fn::Sub`/`Fn::Join`, a resource reference renders as `${LogicalId}` or
 *   `${LogicalId.Attribute}`, and an unknown pseudo parameter as `${AWS::Region}`, exactly as `Fn::Sub`
 *   spells them, so rules can still match ARNs built from them;
 * - anything else becomes `Unresolved`, carrying what could not be resolved. Rules never treat an
 *   `Unresolved` value as compliant (fail closed).
 */

/** A value the engine could not resolve. Never compliant. */
export class Unresolved {
  constructor(
    /** What could not be resolved, in words, for example `Fn::If condition IsProd (unknown)`. */
    public readonly reason: string,
  ) {}

  toString(): string {
    return `<unresolved: ${this.reason}>`;
  }
}

/** A reference to a resource: `Ref` (no attribute) or `Fn::GetAtt` (with one). */
export class ResourceRef {
  constructor(
    /** Path of the template that defines the resource. */
    public readonly templatePath: string,
    /** Logical id of the referenced resource. */
    public readonly logicalId: string,
    /** The attribute, for `Fn::GetAtt`. */
    public readonly attribute?: string,
  ) {}

  /** The `Fn::Sub` spelling of the reference: `${LogicalId}` or `${LogicalId.Attribute}`. */
  toString(): string {
    return this.attribute ? `\${${this.logicalId}.${this.attribute}}` : `\${${this.logicalId}}`;
  }
}

/** `Ref: AWS::NoValue`: the property is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

/** True when the value is, or contains at its top level, something the engine could not resolve. */
export function isUnresolved(value: unknown): value is Unresolved {
  return value instanceof Unresolved;
}

/** True when the value is a reference to a resource. */
export function isResourceRef(value: unknown): value is ResourceRef {
  return value instanceof ResourceRef;
}

/** Every `Unresolved` anywhere inside a resolved value, depth first. */
export function unresolvedIn(value: unknown, found: Unresolved[] = []): Unresolved[] {
  if (value instanceof Unresolved) found.push(value);
  else if (Array.isArray(value)) value.forEach((v) => unresolvedIn(v, found));
  else if (isPlainObject(value)) Object.values(value).forEach((v) => unresolvedIn(v, found));
  return found;
}

/** A plain JSON object (not an array, not a resolved reference). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Unresolved) && !(value instanceof ResourceRef);
}

/**
 * A boolean as CloudFormation reads it: `true`/`"true"` and `false`/`"false"` (any case).
 * Returns `undefined` when absent and the `Unresolved` itself when unresolved.
 */
export function asBoolean(value: unknown): boolean | undefined | Unresolved {
  if (value instanceof Unresolved) return value;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return new Unresolved(`expected a boolean, got ${describe(value)}`);
}

/** A number as CloudFormation reads it (numbers and numeric strings). */
export function asNumber(value: unknown): number | undefined | Unresolved {
  if (value instanceof Unresolved) return value;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !isNaN(Number(value))) return Number(value);
  return new Unresolved(`expected a number, got ${describe(value)}`);
}

/** A value that may be a single item or a list (policy `Action`, `Principal.AWS`, ...) as a list. */
export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Short, readable rendering of a resolved value for a finding's message. */
export function describe(value: unknown): string {
  if (value instanceof Unresolved || value instanceof ResourceRef) return value.toString();
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value, (_k, v) => (v instanceof Unresolved || v instanceof ResourceRef ? v.toString() : v));
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
