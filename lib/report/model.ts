/**
 * The compliance report: the JSON model every renderer reads. `report.schema.json` publishes it; bump
 * `REPORT_SCHEMA_VERSION` (semver) whenever this file changes shape.
 */

/** Version of the JSON report's shape (`report.schema.json`). */
export const REPORT_SCHEMA_VERSION = '2.0.0';

/** Status of one evaluated (rule, resource) pair. */
export type ResultStatusName = 'pass' | 'fail' | 'acknowledged' | 'not-applicable';

/**
 * Status of one framework control.
 *
 * `satisfied`: evidence passes. `not-satisfied`: a resource fails (or live evidence fails). `excepted`:
 * every failure is acknowledged. `manual`: people and paper (process controls, or no automated rule).
 * `runtime-pending`: only a live account can show it, and no live evidence was merged. `not-applicable`:
 * the rules found nothing to judge.
 */
export type ControlStatus = 'satisfied' | 'not-satisfied' | 'excepted' | 'manual' | 'runtime-pending' | 'not-applicable';

/** Every control status, in the order reports show them. */
export const CONTROL_STATUSES: readonly ControlStatus[] = ['not-satisfied', 'excepted', 'satisfied', 'runtime-pending', 'manual', 'not-applicable'];

/** Every result status, in the order reports show them. */
export const RESULT_STATUSES: readonly ResultStatusName[] = ['fail', 'acknowledged', 'pass', 'not-applicable'];

/** State of an acknowledgment in the exception register (see the engine's `AcknowledgmentRecord`). */
export type ExceptionState = 'applied' | 'stale' | 'expired' | 'refused' | 'invalid';

/** Every exception state, in the order reports show them. */
export const EXCEPTION_STATES: readonly ExceptionState[] = ['expired', 'refused', 'invalid', 'stale', 'applied'];

/** A control of a framework, named by both ids. */
export interface ControlRef {
  readonly framework: string;
  readonly id: string;
}

/**
 * Live evidence about controls (the `evidence` collectors). A `pass` or `fail` observation turns a
 * `runtime-pending` control into `satisfied` or `not-satisfied`; `not-collected` leaves it pending, and
 * so does `stale` (collected longer ago than the stated maximum age: shown, never counted as current).
 */
export interface Observation {
  /** The controls the observation evidences. */
  readonly controlRefs: readonly ControlRef[];
  readonly status: 'pass' | 'fail' | 'not-collected' | 'stale';
  /** One line: what was checked, for example `KMS key rotation is enabled`. */
  readonly title: string;
  /** What was found. */
  readonly message: string;
  /** The collector that made it, for example `kms.KeyRotation`. */
  readonly source: string;
  /** What was looked at (an ARN or id). @default - the account */
  readonly subject?: string;
  /** When it was collected (ISO 8601). */
  readonly collected: string;
  /** The API operation it came from (`kms:GetKeyRotationStatus`). @default - not recorded */
  readonly operation?: string;
  /** The request id of that call. @default - not recorded */
  readonly requestId?: string;
  /** The account observed. @default - not recorded */
  readonly account?: string;
  /** The Region observed. @default - not recorded */
  readonly region?: string;
}

/** Options of `buildReport`. */
export interface ReportOptions {
  /** The tool that made the report. @default - `cdk-security-baseline`, version `0.0.0` */
  readonly tool?: { readonly name: string; readonly version: string };
  /**
   * Directory template paths are made relative to (forward slashes), so SARIF and the report name
   * files as a repository does. @default - template paths exactly as the ledger holds them
   */
  readonly rootDir?: string;
  /** Live evidence to merge into the controls. @default - none (runtime controls stay pending) */
  readonly observations?: readonly Observation[];
}

/** One framework of the report. */
export interface ReportFramework {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  /** What part of the framework the catalog covers. null: the whole framework. */
  readonly scope: string | null;
}

/** A rule that was run (or skipped), as metadata. */
export interface ReportRule {
  readonly id: string;
  readonly kind: 'resource' | 'account';
  readonly severity: 'error' | 'warning' | 'info';
  readonly title: string;
  readonly fix: string;
  readonly description: string;
  readonly nonWaivable: boolean;
  /** Framework id to control ids. */
  readonly controls: Readonly<Record<string, readonly string[]>>;
  /** Equivalent rule ids of other checkers (`cdk-nag`, `cfn-guard`). */
  readonly equivalents: Readonly<Record<string, readonly string[]>>;
}

/** An acknowledgment attached to a result. */
export interface ResultAcknowledgment {
  readonly reason: string;
  readonly owner: string;
  /** null: it never expires. */
  readonly expires: string | null;
  /** What became of it (`applied` when it covers the result; otherwise why the result still fails). */
  readonly state: ExceptionState;
}

/** One evaluated (rule, resource) pair, passes included. */
export interface ReportResult {
  /** Stable id of the result inside the report (a hash of rule, stack, logical id and location). */
  readonly id: string;
  /** SHA-256 of rule id, stack, logical id and property path: stable across runs and line moves. */
  readonly fingerprint: string;
  readonly ruleId: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly status: ResultStatusName;
  readonly stack: string;
  readonly template: string;
  /** null for an account finding about something missing. */
  readonly logicalId: string | null;
  readonly constructPath: string | null;
  readonly resourceType: string | null;
  readonly message: string;
  /** Property path at fault (`Properties/BucketPolicy`). */
  readonly location: string | null;
  /** Source line of the resource in the template. */
  readonly line: number | null;
  /** Framework id to control ids (those of the report's frameworks). */
  readonly controls: Readonly<Record<string, readonly string[]>>;
  /** What could not be resolved, when that is why the rule failed. */
  readonly unresolved: readonly string[];
  readonly acknowledgment: ResultAcknowledgment | null;
}

/** An observation merged into a control. */
export interface ControlObservation extends Observation {
  readonly id: string;
}

/** One control of one framework, with its rollup. */
export interface ReportControl {
  readonly framework: string;
  readonly id: string;
  readonly title: string;
  readonly family: string;
  readonly kind: 'template' | 'runtime' | 'process';
  readonly status: ControlStatus;
  /** Why the control has its status, in one sentence. */
  readonly statusReason: string;
  /** Rules mapped to the control. */
  readonly rules: readonly string[];
  /**
   * The results that evidence the control, by `results[].id`: failures first, then acknowledged, then
   * passes. Kept as ids so that a result mapped to many controls is written once (a 10,000-resource
   * report would otherwise repeat each result under about ten controls).
   */
  readonly evidence: readonly string[];
  readonly observations: readonly ControlObservation[];
}

/** One entry of the exception register. */
export interface ReportException {
  readonly id: string;
  readonly ruleId: string;
  readonly state: ExceptionState;
  readonly reason: string;
  readonly owner: string;
  readonly expires: string | null;
  readonly stack: string;
  readonly template: string;
  /** null: at the template root (covers the stack's account findings). */
  readonly logicalId: string | null;
  readonly constructPath: string | null;
  readonly line: number | null;
  /** Why it is invalid. */
  readonly problems: readonly string[];
  /** Controls of the rule, framework id to control ids. */
  readonly controls: Readonly<Record<string, readonly string[]>>;
}

/** Counts of results by status. */
export type ResultCounts = Record<ResultStatusName, number> & { total: number };
/** Counts of controls by status. */
export type ControlCounts = Record<ControlStatus, number> & { total: number };

/** The summary of one framework. */
export interface FrameworkSummary {
  readonly framework: string;
  readonly name: string;
  readonly version: string;
  readonly controls: ControlCounts;
  readonly results: ResultCounts;
}

/** Counts for the whole report. */
export interface ReportSummary {
  readonly results: ResultCounts;
  /** Controls of every framework together. */
  readonly controls: ControlCounts;
  /** Unacknowledged failures by severity (what `exitCodeFor` gates on). */
  readonly failures: Record<'error' | 'warning' | 'info', number> & { total: number };
  readonly exceptions: Record<ExceptionState, number> & { total: number };
  readonly frameworks: readonly FrameworkSummary[];
}

/** The compliance report (`report.schema.json`). */
export interface Report {
  readonly schemaVersion: string;
  /** When the evaluation ran (the ledger's `evaluatedAt`), so a report is deterministic. */
  readonly generatedAt: string;
  readonly tool: { readonly name: string; readonly version: string };
  readonly scope: 'account' | 'workload';
  readonly frameworks: readonly ReportFramework[];
  readonly templates: readonly {
    readonly path: string;
    readonly stack: string;
    readonly account: string | null;
    readonly region: string | null;
    readonly resourceCount: number;
    readonly baseline: boolean;
  }[];
  readonly rules: readonly ReportRule[];
  readonly summary: ReportSummary;
  readonly controls: readonly ReportControl[];
  readonly results: readonly ReportResult[];
  readonly exceptions: readonly ReportException[];
  /** Rules that were not run, with why (account rules in workload scope). */
  readonly skipped: readonly { readonly ruleId: string; readonly title: string; readonly reason: string }[];
}
