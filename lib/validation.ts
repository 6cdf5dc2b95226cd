import { Duration, IResource, Stack, Token } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { IConstruct } from 'constructs';

/**
 * The shared validation vocabulary: one way to phrase each recurring check.
 *
 * Every helper appends caller-facing problem lines to `problems` (never throws), so a construct's
 * `validateXProps()` collects them all and throws one `BaselineValidationError` via `throwIfProblems`.
 * Every helper skips tokens (`Token.isUnresolved`). `prop` is the prop name as the caller typed it
 * (for a composed construct: the parent's prop, e.g. `flowLogsRetention`).
 *
 * Exact signatures (stable API):
 *
 * - `wholeDays(prop: string, value: Duration | undefined, problems: string[]): number | undefined`
 *   The value in whole days. `undefined` when `value` is undefined or a token. A value that is not a
 *   whole number of days (e.g. `Duration.hours(36)`) pushes a problem and returns `undefined`.
 *
 * - `logRetention(prop: string, value: Duration | undefined, problems: string[]): logs.RetentionDays | undefined`
 *   A retention CloudWatch Logs accepts: whole days mapped upward to the nearest allowed
 *   `logs.RetentionDays` (e.g. 420 days -> 545 days). Longer than the longest allowed value pushes a
 *   problem listing the allowed values. `undefined` when `value` is undefined, a token or invalid.
 *
 * - `noEffect(prop: string, value: unknown, problems: string[], reason: string, fix: string): void`
 *   Pushes `<prop> would have no effect because <reason> (got <value>); <fix>` when `value` is not
 *   undefined. Use it for a prop that another prop makes meaningless.
 *
 * - `duplicates<T>(prop: string, values: readonly T[] | undefined, problems: string[], key?: (v: T) => string): void`
 *   Pushes `<prop> lists <entries> more than once (got <values>); list each entry once` when two
 *   entries share a key (default key: the value itself). Token entries are ignored.
 *
 * - `oneOf(prop: string, value: string | undefined, allowed: readonly string[], problems: string[]): boolean`
 *   Run-time check of a value typed as an enum or string union: a JavaScript or Python caller can pass
 *   any string. Pushes `<prop> must be one of <allowed>, got <value>` and returns false when it is not
 *   one of `allowed`. Returns true for undefined and tokens.
 *
 * - `sameRegion(prop: string, resource: IResource | undefined, scope: IConstruct, problems: string[]): void`
 *   Pushes a problem when `resource` (for example a KMS key passed in) is in another Region than
 *   `scope`'s stack. Skipped unless both Regions are resolved.
 *
 * - `samePartition(prop: string, arn: string | undefined, scope: IConstruct, problems: string[]): void`
 *   Pushes a problem when a literal ARN (for example a copy target) is in another partition than
 *   `scope`'s stack. Skipped unless the ARN and the stack's Region are resolved.
 */

/** Retention values CloudWatch Logs accepts, in days, ascending (`logs.RetentionDays` without INFINITE). */
// @see https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
const LOG_RETENTION_DAYS: readonly number[] = Object.values(logs.RetentionDays)
  .filter((v): v is number => typeof v === 'number' && v !== logs.RetentionDays.INFINITE)
  .sort((a, b) => a - b);

/** The value in whole days, or a problem when it is not a whole number of days. */
export function wholeDays(prop: string, value: Duration | undefined, problems: string[]): number | undefined {
  if (value === undefined || value.isUnresolved()) return undefined;
  const days = value.toDays({ integral: false });
  if (!Number.isInteger(days)) {
    problems.push(
      `${prop} must be a whole number of days, got ${value.toHumanString()} (${days} days); ` +
        `use Duration.days(${Math.ceil(days)}) or another whole number of days`,
    );
    return undefined;
  }
  return days;
}

/** A CloudWatch Logs retention: whole days rounded up to the nearest value CloudWatch Logs accepts. */
export function logRetention(prop: string, value: Duration | undefined, problems: string[]): logs.RetentionDays | undefined {
  const days = wholeDays(prop, value, problems);
  if (days === undefined) return undefined;
  const allowed = LOG_RETENTION_DAYS.find((d) => d >= days);
  if (days <= 0 || allowed === undefined) {
    problems.push(
      `${prop} must be between 1 and ${LOG_RETENTION_DAYS[LOG_RETENTION_DAYS.length - 1]} days, got ${days} days; ` +
        `CloudWatch Logs accepts ${LOG_RETENTION_DAYS.join(', ')} days (other values are rounded up to the next one)`,
    );
    return undefined;
  }
  return allowed as logs.RetentionDays;
}

/** A prop that another prop makes meaningless. */
export function noEffect(prop: string, value: unknown, problems: string[], reason: string, fix: string): void {
  if (value === undefined) return;
  problems.push(`${prop} would have no effect because ${reason} (got ${JSON.stringify(value)}); ${fix}`);
}

/** A list that must not hold the same entry twice. */
export function duplicates<T>(prop: string, values: readonly T[] | undefined, problems: string[], key: (v: T) => string = (v) => String(v)): void {
  if (values === undefined || Token.isUnresolved(values)) return;
  const keys = values.filter((v) => !Token.isUnresolved(v)).map(key);
  const repeated = [...new Set(keys.filter((k, i) => keys.indexOf(k) !== i))];
  if (repeated.length > 0) {
    problems.push(
      `${prop} lists ${repeated.map((k) => JSON.stringify(k)).join(', ')} more than once (got ${JSON.stringify(keys)}); list each entry once`,
    );
  }
}

/** Run-time check of a value typed as an enum or a string. */
export function oneOf(prop: string, value: string | undefined, allowed: readonly string[], problems: string[]): boolean {
  if (value === undefined || Token.isUnresolved(value)) return true;
  if (allowed.includes(value)) return true;
  problems.push(`${prop} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${JSON.stringify(value)}`);
  return false;
}

/** A resource (typically a KMS key) that must be in the Region of the construct that uses it. */
export function sameRegion(prop: string, resource: IResource | undefined, scope: IConstruct, problems: string[]): void {
  if (resource === undefined) return;
  const want = Stack.of(scope).region;
  const got = resource.env.region;
  if (Token.isUnresolved(want) || Token.isUnresolved(got) || want === got) return;
  problems.push(
    `${prop} must be in ${want}, the Region of the resource it serves, got one in ${got}; ` +
      `AWS rejects it at deploy time. Pass one from ${want} (for a key, a multi-Region replica in ${want} works)`,
  );
}

/** A literal ARN that must be in the partition of the construct's stack. */
export function samePartition(prop: string, arn: string | undefined, scope: IConstruct, problems: string[]): void {
  if (arn === undefined || Token.isUnresolved(arn)) return;
  const region = Stack.of(scope).region;
  if (Token.isUnresolved(region)) return;
  const want = RegionInfo.get(region).partition;
  const got = arn.split(':')[1];
  if (want === undefined || got === undefined || got === want) return;
  problems.push(
    `${prop} must be in the ${want} partition, like this stack (${region}), got ${JSON.stringify(arn)} in ${got}; ` +
      'AWS cannot reach across partitions. Use a target in the same partition',
  );
}
