/**
 * The vocabulary shared by rules, the evaluation engine and the reports.
 */

/** How serious a failing rule is. `error` fails a synth and a CI gate by default. */
export enum Severity {
  ERROR = 'error',
  WARNING = 'warning',
  INFO = 'info',
}

/** The result of one (rule, resource) evaluation, as the ledger records it. */
export enum ResultStatus {
  PASS = 'pass',
  FAIL = 'fail',
  ACKNOWLEDGED = 'acknowledged',
  NOT_APPLICABLE = 'not-applicable',
}

/** Where account rules apply. */
export enum CheckScope {
  /** The templates are an account's baseline: account rules apply (the default, fail closed). */
  ACCOUNT = 'account',
  /** The templates are a workload deployed into an account whose baseline lives elsewhere. */
  WORKLOAD = 'workload',
}

/**
 * Control mappings of a rule: framework id to control ids, for example
 * `{ 'cis-aws-3.0': ['3.5'], 'nist-800-53-r5': ['AU-9'] }`.
 */
export type ControlMap = Readonly<Record<string, readonly string[]>>;

/** Rule ids of other checkers that test the same thing (data, for migration and differential tests). */
export interface Equivalents {
  /** cdk-nag rule ids, with their pack prefix, for example `AwsSolutions-S10`, `HIPAA.Security-S3BucketSSLRequestsOnly`. */
  readonly 'cdk-nag'?: readonly string[];
  /** cfn-guard Control Tower rule ids, for example `CT.S3.PR.1`. */
  readonly 'cfn-guard'?: readonly string[];
}

/** An acknowledgment of a rule, as carried in template metadata. */
export interface Acknowledgment {
  /** The rule acknowledged. */
  readonly ruleId: string;
  /** Why the finding is accepted (at least 20 characters). */
  readonly reason: string;
  /** Who owns the exception (a team or person). */
  readonly owner: string;
  /** ISO date (`YYYY-MM-DD`) or timestamp after which the acknowledgment no longer holds. */
  readonly expires?: string;
}
