// Shared reading of IAM policy documents (key policies, bucket policies, topic policies, role policies).
import { ResourceRef, Unresolved, asList, isPlainObject } from '../../../lib/engine';

/** One statement of a policy document, as resolved. */
export interface Statement {
  readonly Sid?: string;
  readonly Effect?: unknown;
  readonly Principal?: unknown;
  readonly NotPrincipal?: unknown;
  readonly Action?: unknown;
  readonly NotAction?: unknown;
  readonly Resource?: unknown;
  readonly Condition?: unknown;
}

/** The statements of a resolved policy document (a single statement object counts as a list of one). */
export function statementsOf(document: unknown): Statement[] {
  if (!isPlainObject(document)) return [];
  return asList(document.Statement).filter(isPlainObject) as Statement[];
}

/** True when the statement's Effect is Allow (CloudFormation values are case-sensitive: `Allow`). */
export function isAllow(s: Statement): boolean {
  return s.Effect === 'Allow';
}

/** True when the statement's Effect is Deny. */
export function isDeny(s: Statement): boolean {
  return s.Effect === 'Deny';
}

/** Lower-cased actions of the statement (`Action`, never `NotAction`). */
export function actionsOf(s: Statement): string[] {
  return asList(s.Action).map((a) => String(a).toLowerCase());
}

/** True when an action pattern in the statement matches `action` (`s3:*`, `*`, `kms:Get*`). */
export function grantsAction(s: Statement, action: string): boolean {
  const wanted = action.toLowerCase();
  return actionsOf(s).some((a) => new RegExp(`^${a.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(wanted));
}

/**
 * True when the statement's principal is everyone: `"*"`, `{ "AWS": "*" }` (also in a list), with no
 * condition that narrows it. Conditions are judged by `narrowsPrincipal`.
 */
export function hasWildcardPrincipal(s: Statement): boolean {
  const p = s.Principal;
  if (p === '*') return true;
  if (!isPlainObject(p)) return false;
  return asList(p.AWS).some((v) => v === '*') || asList(p.CanonicalUser).some((v) => v === '*');
}

/** Condition keys that tie a wildcard principal to an account, organization, VPC or source. */
const NARROWING_KEYS = [
  'aws:principalaccount', 'aws:principalorgid', 'aws:principalorgpaths', 'aws:principalarn', 'aws:sourceaccount',
  'aws:sourcearn', 'aws:sourcevpc', 'aws:sourcevpce', 'aws:sourceowner', 'kms:calleraccount', 'aws:sourceorgid',
  'aws:userid', 'aws:principalservicename',
];

/** True when the statement's Condition ties the principal to an account, organization or source. */
export function narrowsPrincipal(s: Statement): boolean {
  if (!isPlainObject(s.Condition)) return false;
  return Object.entries(s.Condition).some(([op, block]) => {
    // Only positive operators narrow: a negated operator (StringNotEquals, ArnNotLike), Null and
    // ...IfExists all still admit principals outside the account, and so does a value of "*".
    if (!isPlainObject(block) || /^Null$/i.test(op) || /IfExists$/i.test(op) || /Not/.test(op)) return false;
    return Object.entries(block).some(([k, v]) => NARROWING_KEYS.includes(k.toLowerCase()) && asList(v).length > 0 && asList(v).every((x) => typeof x === 'string' && x !== '*' && x.trim() !== ''));
  });
}

/** The value of a condition key under an operator (case-insensitive key), or undefined. */
export function conditionValue(s: Statement, operator: string, key: string): unknown {
  if (!isPlainObject(s.Condition)) return undefined;
  const block = s.Condition[operator];
  if (!isPlainObject(block)) return undefined;
  const k = Object.keys(block).find((x) => x.toLowerCase() === key.toLowerCase());
  return k === undefined ? undefined : block[k];
}

/** True when the value is something the engine could not resolve (or contains one at the top level). */
export function anyUnresolved(values: unknown[]): Unresolved | undefined {
  return values.find((v): v is Unresolved => v instanceof Unresolved);
}

/** True when a resource value (`Resource` element) refers to the given resource, itself or its objects. */
export function refersTo(value: unknown, logicalId: string): boolean {
  if (value instanceof ResourceRef) return value.logicalId === logicalId;
  return typeof value === 'string' && value.includes(`\${${logicalId}`);
}
