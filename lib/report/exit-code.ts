import { Report } from './model';

const RANK = { info: 0, warning: 1, error: 2 } as const;

/**
 * The exit code a CI gate should return for a report: 1 when any result is an unacknowledged failure
 * at or above `failOn` (an expired, refused or invalid acknowledgment leaves the result failing, so it
 * counts), else 0. `never` always gives 0.
 */
export function exitCodeFor(report: Report, failOn: 'error' | 'warning' | 'never'): 0 | 1 {
  if (failOn === 'never') return 0;
  return report.results.some((r) => r.status === 'fail' && RANK[r.severity] >= RANK[failOn]) ? 1 : 0;
}
