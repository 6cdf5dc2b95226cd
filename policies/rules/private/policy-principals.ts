// Who a resource policy (bucket, topic, key policy) admits: principals, wildcard principals and the
// conditions that narrow them. Shared by the S3, KMS and SNS policy rules.
import { Outcome, Resource, Template, TemplateSet, Unresolved, asList, describe, fail, isPlainObject, isResourceRef, unresolved, unresolvedIn } from '../../../lib/engine';
import { Statement, grantsAction, isAllow, refersTo, statementsOf } from './iam';

/** One principal a statement names. `type` is the principal block (`AWS`, `Service`, ...) or `*`. */
export interface Principal {
  readonly type: 'AWS' | 'Service' | 'Federated' | 'CanonicalUser' | '*';
  readonly value: unknown;
}

/** Every principal of a statement's `Principal` (never `NotPrincipal`). */
export function principalsOf(s: Statement): Principal[] {
  const p = s.Principal;
  if (p === '*') return [{ type: '*', value: '*' }];
  if (!isPlainObject(p)) return p === undefined ? [] : [{ type: '*', value: p }];
  const out: Principal[] = [];
  for (const type of ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const) {
    for (const value of asList(p[type])) out.push({ type, value });
  }
  return out;
}

/** True when a principal is everyone (`*`, `{ AWS: '*' }`, `{ CanonicalUser: '*' }`). */
export function isEveryone(p: Principal): boolean {
  return p.value === '*' && (p.type === '*' || p.type === 'AWS' || p.type === 'CanonicalUser');
}

/**
 * Condition keys that tie an otherwise open principal to one account, organization, network or
 * source resource. `kms:ViaService` alone does not: any account's principal can call through the service.
 */
const NARROWING_KEYS = new Set([
  'aws:principalaccount', 'aws:principalorgid', 'aws:principalorgpaths', 'aws:principalarn', 'aws:sourceaccount',
  'aws:sourcearn', 'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:sourcevpc', 'aws:sourcevpce', 'aws:sourceowner',
  'aws:userid', 'aws:resourceaccount', 'kms:calleraccount',
]);

/** Keys that scope a service principal to this account's use (the confused-deputy guard). */
const SERVICE_SCOPING_KEYS = new Set([
  'aws:sourceaccount', 'aws:sourcearn', 'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:sourceowner', 'kms:calleraccount', 'kms:viaservice',
]);

/** Operators under which a key's values restrict who matches (negated, Null and IfExists forms do not). */
function isRestrictingOperator(op: string): boolean {
  if (/IfExists$/i.test(op) || /^Null$/i.test(op) || /Not/i.test(op)) return false;
  return /^(ForAnyValue:|ForAllValues:)?(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike)$/i.test(op);
}

/**
 * Whether the statement's Condition narrows its principal with one of `keys` (a set of lower-cased
 * condition keys, or a predicate over one). Returns the `Unresolved` when a narrowing value could not
 * be resolved, so the caller fails closed. A value of `*` alone narrows nothing.
 */
export function narrowingOf(s: Statement, keys: ReadonlySet<string> | ((key: string) => boolean) = NARROWING_KEYS): boolean | Unresolved {
  if (s.Condition instanceof Unresolved) return s.Condition;
  if (!isPlainObject(s.Condition)) return false;
  const matches = typeof keys === 'function' ? keys : (k: string) => keys.has(k);
  let gap: Unresolved | undefined;
  for (const [op, block] of Object.entries(s.Condition)) {
    if (block instanceof Unresolved) {
      gap = gap ?? block;
      continue;
    }
    if (!isPlainObject(block) || !isRestrictingOperator(op)) continue;
    for (const [key, value] of Object.entries(block)) {
      if (!matches(key.toLowerCase())) continue;
      const values = asList(value);
      const missing = unresolvedIn(values);
      if (missing.length > 0) {
        gap = gap ?? missing[0];
        continue;
      }
      if (values.length > 0 && values.every((v) => v !== '*' && v !== '')) return true;
    }
  }
  return gap ?? false;
}

/** Whether a service-principal statement is scoped to this account's use (see `SERVICE_SCOPING_KEYS`). */
export function serviceScopingOf(s: Statement): boolean | Unresolved {
  return narrowingOf(s, (k) => SERVICE_SCOPING_KEYS.has(k) || k.startsWith('kms:encryptioncontext:'));
}

/**
 * Judge a policy document for public access: an Allow statement whose principal is everyone (or that
 * uses `NotPrincipal`) without a condition that narrows it to an account, organization or source.
 * Returns a failure or unresolved outcome, or undefined when the document admits nobody unnarrowed.
 */
export function publicAccessFinding(document: unknown, where: string, path: string): Outcome | undefined {
  if (document instanceof Unresolved) return unresolved(`the ${where}`, document, path);
  const statements = asList(isPlainObject(document) ? document.Statement : undefined);
  for (const [i, raw] of statements.entries()) {
    if (raw instanceof Unresolved) return unresolved(`statement ${i} of the ${where}`, raw, `${path}.Statement.${i}`);
    if (!isPlainObject(raw)) continue;
    const s = raw as Statement;
    if (s.Effect instanceof Unresolved) return unresolved(`the Effect of statement ${i} of the ${where}`, s.Effect, `${path}.Statement.${i}.Effect`);
    if (!isAllow(s)) continue;
    const principalGaps = unresolvedIn([s.Principal, s.NotPrincipal]);
    if (principalGaps.length > 0) return unresolved(`the principal of statement ${i} of the ${where}`, principalGaps[0], `${path}.Statement.${i}.Principal`);
    const open = s.NotPrincipal !== undefined || principalsOf(s).some(isEveryone);
    if (!open) continue;
    const narrowed = narrowingOf(s);
    if (narrowed instanceof Unresolved) return unresolved(`the condition of statement ${i} of the ${where}`, narrowed, `${path}.Statement.${i}.Condition`);
    if (!narrowed) {
      const who = s.NotPrincipal !== undefined ? `everyone except ${describe(s.NotPrincipal)} (NotPrincipal)` : 'any principal (*)';
      return fail(
        `statement ${i}${s.Sid ? ` (${String(s.Sid)})` : ''} of the ${where} allows ${who} without a condition that ties it to an account, organization or source`,
        `${path}.Statement.${i}`,
      );
    }
  }
  return undefined;
}

/**
 * Judge a policy document's service-principal statements: each Allow to a service principal must be
 * scoped to this account's use (`aws:SourceAccount`, `aws:SourceArn`, `kms:ViaService`, ...).
 * Returns a failure or unresolved outcome, or undefined when every one is scoped.
 */
export function unscopedServiceFinding(document: unknown, where: string, path: string): Outcome | undefined {
  if (document instanceof Unresolved) return unresolved(`the ${where}`, document, path);
  for (const [i, s] of statementsOf(document).entries()) {
    if (!isAllow(s)) continue;
    const services = principalsOf(s).filter((p) => p.type === 'Service');
    if (services.length === 0) continue;
    const gaps = unresolvedIn(services.map((p) => p.value));
    if (gaps.length > 0) return unresolved(`the service principal of statement ${i} of the ${where}`, gaps[0], `${path}.Statement.${i}.Principal`);
    const scoped = serviceScopingOf(s);
    if (scoped instanceof Unresolved) return unresolved(`the condition of statement ${i} of the ${where}`, scoped, `${path}.Statement.${i}.Condition`);
    if (!scoped) {
      return fail(
        `statement ${i}${s.Sid ? ` (${String(s.Sid)})` : ''} of the ${where} allows service ${services.map((p) => String(p.value)).join(', ')} ` +
          'without aws:SourceAccount, aws:SourceArn or kms:ViaService, so the service could act on behalf of any account (confused deputy)',
        `${path}.Statement.${i}`,
      );
    }
  }
  return undefined;
}

/**
 * Whether a principal value is this template's own account root: `arn:<partition>:iam::<account>:root`
 * or a bare account id, where the account is `${AWS::AccountId}` or the stack's known account.
 * Returns an `Unresolved` when the value names a literal account and the stack's account is unknown.
 */
export function isOwnAccountRoot(value: unknown, template: Template): boolean | Unresolved {
  if (value instanceof Unresolved) return value;
  if (typeof value !== 'string') return false;
  const m = /^arn:(?:\$\{AWS::Partition\}|[a-z-]+):iam::(\$\{AWS::AccountId\}|\d{12}):root$/.exec(value) ?? /^(\$\{AWS::AccountId\}|\d{12})$/.exec(value);
  if (!m) return false;
  if (m[1] === '${AWS::AccountId}') return true;
  if (template.account) return m[1] === template.account;
  return new Unresolved(`whether account ${m[1]} is the stack's own account (the stack's account is unknown)`);
}

/** Whether a statement grants `action` (through `Action`, or an Allow `NotAction` that leaves it in). */
export function allowsAction(s: Statement, action: string): boolean {
  if (!isAllow(s)) return false;
  if (s.NotAction !== undefined) return !grantsAction({ Action: s.NotAction }, action);
  return grantsAction(s, action);
}

/** True when a resource value (`Bucket`, an element of `Topics`) refers to `target`. */
export function targets(value: unknown, target: Resource): boolean {
  if (isResourceRef(value)) return value.logicalId === target.logicalId && value.templatePath === target.template.path;
  return refersTo(value, target.logicalId);
}

/** The policies of type `policyType` whose `property` (a value or a list) refers to `target`. */
export function policiesFor(set: TemplateSet, target: Resource, policyType: string, property: string): Resource[] {
  // Indexed once per set: by referenced resource (template and logical id), and by logical id for
  // references spelled inside strings (`${Bucket.Arn}`), which is what `targets` accepts.
  const index = set.memo(`policiesFor:${policyType}:${property}`, () => {
    const byKey = new Map<string, Resource[]>();
    const add = (key: string, p: Resource) => {
      const list = byKey.get(key) ?? [];
      if (!list.includes(p)) list.push(p);
      byKey.set(key, list);
    };
    for (const p of set.ofType(policyType)) {
      for (const v of asList(p.properties[property])) {
        if (isResourceRef(v)) add(`ref\u0000${v.templatePath}\u0000${v.logicalId}`, p);
        else if (typeof v === 'string') for (const m of v.matchAll(/\$\{([A-Za-z0-9]+)/g)) add(`str\u0000${m[1]}`, p);
      }
    }
    return byKey;
  });
  const found = [...(index.get(`ref\u0000${target.template.path}\u0000${target.logicalId}`) ?? []), ...(index.get(`str\u0000${target.logicalId}`) ?? [])];
  return [...new Set(found)];
}
