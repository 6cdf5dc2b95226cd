import { buildReport, render } from '../../../lib/report';
import { FIXTURE_FRAMEWORKS, FIXTURE_LEDGER, WORKLOAD_LEDGER } from '../../fixtures/ledger';

const table = render(buildReport(FIXTURE_LEDGER, FIXTURE_FRAMEWORKS), 'table');
const lines = table.split('\n');

describe('table report', () => {
  test('lists failures first, errors before info, with resource and source', () => {
    expect(lines[2]).toBe('FAILURES (6)');
    expect(lines[3]).toMatch(/^SEVERITY\s+RULE\s+RESOURCE\s+SOURCE\s+MESSAGE$/);
    expect(lines[4]).toMatch(/^error\s+S3\.SslOnly\s+AppStack\/RawBucket\s+cdk\.out\/AppStack\.template\.json:40\s+no bucket policy/);
    expect(lines[9]).toMatch(/^info\s+Logs\.Retention/);
    expect(table).toMatch(/error\s+CloudTrail\.MultiRegion\s+BaselineStack \(account\)\s+cdk\.out\/BaselineStack\.template\.json\s/);
  });

  test('lists exceptions needing attention and one summary line per framework', () => {
    expect(table).toMatch(/^expired\s+KMS\.KeyRotation\s+AppStack\/DataKey\s+crypto-team\s+2026-01-31\s+expired:/m);
    expect(table).toMatch(/^stale\s+S3\.SslOnly/m);
    expect(table).toMatch(/^cis-aws-3\.0\s+9\s+4\s+0\s+1\s+2\s+1\s+1$/m);
    expect(table).toMatch(/^nist-800-53-r5\s+10\s+5\s+1\s+1\s+1\s+1\s+1$/m);
    expect(lines[lines.length - 2]).toBe('FAIL: 6 unacknowledged failures (5 error, 0 warning, 1 info) · 1 acknowledged · 3 passed · 2 not applicable');
  });

  test('aligns columns and cuts long messages', () => {
    const header = lines[3];
    const row = lines[4];
    expect(row.indexOf('S3.SslOnly')).toBe(header.indexOf('RULE'));
    expect(lines.every((l) => l.length <= 260)).toBe(true);
    expect(table).toContain('…');
  });

  test('says PASS with no failures, and names skipped rules in workload scope', () => {
    const ledger = { ...WORKLOAD_LEDGER, results: WORKLOAD_LEDGER.results.filter((r) => r.status !== 'fail'), acknowledgments: [] };
    const out = render(buildReport(ledger, FIXTURE_FRAMEWORKS), 'table');
    expect(out).toContain('No unacknowledged failures.');
    expect(out).toContain('SKIPPED (workload scope): CloudTrail.MultiRegion');
    expect(out).toMatch(/\nPASS: 0 unacknowledged failures/);
  });
});
