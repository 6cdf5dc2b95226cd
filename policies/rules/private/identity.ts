// Shared reading of IAM identities: which policy documents apply to a role, user or group, and what a
// role's trust policy admits.
import { Resource, TemplateSet, Unresolved, asBoolean, asList, isPlainObject } from '../../../lib/engine';
import { Statement, conditionValue, grantsAction, isAllow, statementsOf } from './iam';
import { refersToResource } from './network';

/** A policy document together with where it was found. */
export interface FoundDocument {
  /** The resource that holds the document (the identity itself, or a policy resource). */
  readonly holder: Resource;
  /** Property path of the document on its holder. */
  readonly path: string;
  readonly document: unknown;
}

/** The documents a resource holds itself: `PolicyDocument` of a policy, inline `Policies` of an identity. */
export function ownDocuments(resource: Resource): FoundDocument[] {
  if (resource.type === 'AWS::IAM::Policy' || resource.type === 'AWS::IAM::ManagedPolicy') {
    return [{ holder: resource, path: 'PolicyDocument', document: resource.properties.PolicyDocument }];
  }
  const inline = resource.properties.Policies;
  if (inline instanceof Unresolved) return [{ holder: resource, path: 'Policies', document: inline }];
  return asList(inline).map((p, i) => ({ holder: resource, path: `Policies.${i}.PolicyDocument`, document: isPlainObject(p) ? p.PolicyDocument : p }));
}

const ATTACH_KEY: Record<string, string> = { 'AWS::IAM::Group': 'Groups', 'AWS::IAM::User': 'Users', 'AWS::IAM::Role': 'Roles' };
const NAME_KEY: Record<string, string> = { 'AWS::IAM::Group': 'GroupName', 'AWS::IAM::User': 'UserName', 'AWS::IAM::Role': 'RoleName' };

/**
 * Every policy document of the set that applies to an identity: its inline policies, the customer
 * managed policies it lists in `ManagedPolicyArns` (when the set defines them), and the
 * `AWS::IAM::Policy`/`AWS::IAM::ManagedPolicy` resources that name it in `Groups`/`Users`/`Roles`.
 */
export function documentsOf(set: TemplateSet, identity: Resource): FoundDocument[] {
  const found = ownDocuments(identity);
  const arns = identity.properties.ManagedPolicyArns;
  for (const arn of asList(arns)) {
    const policy = set.ofType('AWS::IAM::ManagedPolicy').find((p) => refersToResource(arn, p));
    if (policy) found.push(...ownDocuments(policy));
  }
  const key = ATTACH_KEY[identity.type];
  const name = identity.properties[NAME_KEY[identity.type]];
  for (const type of ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy']) {
    for (const policy of set.ofType(type)) {
      if (found.some((f) => f.holder === policy)) continue;
      const targets = asList(policy.properties[key]);
      if (targets.some((t) => refersToResource(t, identity) || (typeof name === 'string' && t === name))) found.push(...ownDocuments(policy));
    }
  }
  return found;
}

/** AWS (account, user, role or `*`) principals of a statement, as text. */
export function awsPrincipals(s: Statement): unknown[] {
  const p = s.Principal;
  if (p === '*') return ['*'];
  if (!isPlainObject(p)) return [];
  return asList(p.AWS);
}

/** The `Allow sts:AssumeRole` statements of a role's trust policy that admit AWS principals. */
export function awsTrustStatements(role: Resource): Statement[] {
  return statementsOf(role.properties.AssumeRolePolicyDocument).filter((s) => isAllow(s) && grantsAction(s, 'sts:AssumeRole') && awsPrincipals(s).length > 0);
}

/**
 * How a statement demands MFA: `required` (`Bool aws:MultiFactorAuthPresent true`), `if-exists`
 * (`BoolIfExists`, which a request without the key also satisfies), `none`, or the unresolved value.
 */
export function mfaDemand(s: Statement): 'required' | 'if-exists' | 'none' | Unresolved {
  const strict = asBoolean(firstValue(conditionValue(s, 'Bool', 'aws:MultiFactorAuthPresent')));
  if (strict instanceof Unresolved) return strict;
  if (strict === true) return 'required';
  const loose = asBoolean(firstValue(conditionValue(s, 'BoolIfExists', 'aws:MultiFactorAuthPresent')));
  if (loose instanceof Unresolved) return loose;
  return loose === true ? 'if-exists' : 'none';
}

/** True when the role's trust policy admits AWS principals only with MFA (`Bool`, not `BoolIfExists`). */
export function trustRequiresMfa(role: Resource): boolean {
  const statements = awsTrustStatements(role);
  return statements.length > 0 && statements.every((s) => mfaDemand(s) === 'required');
}

/** A condition value as IAM reads it: a single value, or the first of a list of one. */
export function firstValue(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 ? value[0] : value;
}

/** True when a `ManagedPolicyArns` entry names the AWS managed policy `name` (any partition). */
export function isAwsManagedPolicy(arn: unknown, name: string): boolean {
  return typeof arn === 'string' && arn.endsWith(`:iam::aws:policy/${name}`);
}
