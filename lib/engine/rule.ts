import { Resource, Template, TemplateSet } from './template-set';
import { ControlMap, Equivalents, Severity } from './types';
import { Unresolved, describe, unresolvedIn } from './values';

/** What a rule's check returns for one resource (or one account finding). */
export interface Outcome {
  readonly status: 'pass' | 'fail' | 'not-applicable';
  /** One sentence a reviewer can read: what was found. */
  readonly message: string;
  /** The property path at fault, CloudFormation style (`Properties/BucketEncryption`), for failures. */
  readonly path?: string;
  /** What could not be resolved, when that is why the rule failed. */
  readonly unresolved?: readonly string[];
}

/** An account rule's outcome: it names the resource it judged, or the template whose set lacks one. */
export interface AccountOutcome extends Outcome {
  /** The resource judged. @default - none: the outcome is about the set (something is missing) */
  readonly resource?: Resource;
  /** The template the finding is reported against when no resource is named. @default - the set's first template */
  readonly template?: Template;
}

/** The metadata every rule carries. */
export interface RuleMetadata {
  /** Stable id, for example `S3.SslOnly`. Never changes once released. */
  readonly id: string;
  readonly severity: Severity;
  /** One line: what a compliant resource does. */
  readonly title: string;
  /** One sentence: how to comply (name the construct or prop that does it). */
  readonly fix: string;
  /** Framework id to control ids this rule evidences. */
  readonly controls: ControlMap;
  /** Equivalent cdk-nag and cfn-guard rule ids. @default - none */
  readonly equivalents?: Equivalents;
  /**
   * Refuse acknowledgment: the finding can only be fixed, never accepted (admin ports open to the
   * internet, a public bucket, a key policy open to everyone). @default false
   */
  readonly nonWaivable?: boolean;
  /** Longer explanation, for SARIF help and the HTML report. @default - the title */
  readonly description?: string;
}

/** A rule over one resource. */
export interface ResourceRule extends RuleMetadata {
  readonly kind: 'resource';
  /** Resource types the rule applies to. */
  readonly resourceTypes: readonly string[];
  check(resource: Resource, set: TemplateSet): Outcome;
}

/** A rule over the whole set of templates, judged as one account. */
export interface AccountRule extends RuleMetadata {
  readonly kind: 'account';
  check(set: TemplateSet): AccountOutcome[];
}

export type Rule = ResourceRule | AccountRule;

/** Define a resource rule. */
export function defineRule(rule: Omit<ResourceRule, 'kind'>): ResourceRule {
  return Object.freeze({ ...rule, kind: 'resource' as const });
}

/** Define an account rule. */
export function defineAccountRule(rule: Omit<AccountRule, 'kind'>): AccountRule {
  return Object.freeze({ ...rule, kind: 'account' as const });
}

/** The resource complies. */
export function pass(message: string): Outcome {
  return { status: 'pass', message };
}

/**
 * The resource does not comply. `path` is the property path at fault (dotted, relative to
 * `Properties`, for example `BucketEncryption.ServerSideEncryptionConfiguration`).
 */
export function fail(message: string, path?: string): Outcome {
  return { status: 'fail', message, path: path === undefined ? undefined : toLocation(path) };
}

/** The rule does not apply to this resource (say why). */
export function notApplicable(message: string): Outcome {
  return { status: 'not-applicable', message };
}

/**
 * Fail closed: the value at `path` could not be resolved, so the rule cannot show compliance.
 * `what` says what the rule needed, for example `the bucket's encryption key`.
 */
export function unresolved(what: string, value: unknown, path?: string): Outcome {
  const reasons = value instanceof Unresolved ? [value.reason] : unresolvedIn(value).map((u) => u.reason);
  return {
    status: 'fail',
    message: `could not resolve ${what} (${reasons.join('; ') || describe(value)}); an unresolved value never passes`,
    path: path === undefined ? undefined : toLocation(path),
    unresolved: reasons,
  };
}

/** `A.B.0` -> `Properties/A/B/0` (the form CDK's validation report uses). */
function toLocation(path: string): string {
  if (path === '' || /^(Properties|Metadata|DeletionPolicy|UpdateReplacePolicy|Condition)\b/.test(path)) return path.replace(/\./g, '/');
  return `Properties/${path.replace(/\./g, '/')}`;
}
