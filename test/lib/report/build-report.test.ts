import { CheckScope, ResultStatus } from '../../../lib/engine';
import { Observation, Report, REPORT_SCHEMA_VERSION, buildReport, exitCodeFor } from '../../../lib/report';
import { FIXTURE_FRAMEWORKS, FIXTURE_LEDGER, WORKLOAD_LEDGER } from '../../fixtures/ledger';

const TOOL = { name: 'cdk-security-baseline', version: '0.1.0' };
const report = buildReport(FIXTURE_LEDGER, FIXTURE_FRAMEWORKS, { tool: TOOL });
const control = (r: Report, framework: string, id: string) => r.controls.find((c) => c.framework === framework && c.id === id)!;

describe('buildReport', () => {
  test('carries the schema version, the ledger time, tool and scope', () => {
    expect(report.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(report.generatedAt).toBe(FIXTURE_LEDGER.evaluatedAt);
    expect(report.tool).toEqual(TOOL);
    expect(report.scope).toBe('account');
    expect(report.frameworks.map((f) => f.id)).toEqual(['cis-aws-3.0', 'nist-800-53-r5']);
  });

  test('has one result per evaluated (rule, resource) pair, passes included', () => {
    expect(report.results).toHaveLength(FIXTURE_LEDGER.results.length);
    expect(report.results.map((r) => r.status)).toEqual(FIXTURE_LEDGER.results.map((r) => r.status));
    expect(new Set(report.results.map((r) => r.id)).size).toBe(report.results.length);
  });

  test('an account finding has logical id null; an acknowledged one carries reason, owner and expiry', () => {
    const account = report.results.find((r) => r.ruleId === 'CloudTrail.MultiRegion')!;
    expect(account).toMatchObject({ logicalId: null, constructPath: null, line: null, stack: 'BaselineStack', status: 'fail' });
    const acked = report.results.find((r) => r.status === ResultStatus.ACKNOWLEDGED)!;
    expect(acked.acknowledgment).toEqual({ reason: 'Legacy bucket is replaced by the data lake in Q2', owner: 'data-platform', expires: '2027-06-30', state: 'applied' });
    expect(report.results.find((r) => r.logicalId === 'DataKey')!.acknowledgment!.state).toBe('expired');
    expect(report.results.find((r) => r.logicalId === 'BastionSG')!.acknowledgment!.state).toBe('refused');
    expect(report.results.find((r) => r.logicalId === 'AppLogs')!.acknowledgment!.state).toBe('invalid');
  });

  test('fingerprints ignore line numbers and messages', () => {
    // GIVEN: the same ledger with every line moved and every message reworded
    const moved = {
      ...FIXTURE_LEDGER,
      results: FIXTURE_LEDGER.results.map((r) => ({ ...r, line: r.line === undefined ? undefined : r.line + 7, message: `${r.message}!` })),
    };
    // WHEN
    const again = buildReport(moved, FIXTURE_FRAMEWORKS);
    // THEN
    expect(again.results.map((r) => r.fingerprint)).toEqual(report.results.map((r) => r.fingerprint));
    expect(again.results.map((r) => r.id)).toEqual(report.results.map((r) => r.id));
  });

  test('has every control of every chosen framework with the rollup status', () => {
    expect(report.controls).toHaveLength(FIXTURE_FRAMEWORKS.reduce((n, f) => n + f.controls.length, 0));
    const statuses = Object.fromEntries(report.controls.map((c) => [`${c.framework} ${c.id}`, c.status]));
    expect(statuses).toEqual({
      'cis-aws-3.0 1.1': 'runtime-pending',
      'cis-aws-3.0 1.4': 'runtime-pending',
      'cis-aws-3.0 1.22': 'manual',
      'cis-aws-3.0 2.1.1': 'not-satisfied',
      'cis-aws-3.0 2.3.1': 'not-applicable',
      'cis-aws-3.0 3.1': 'not-satisfied',
      'cis-aws-3.0 3.5': 'satisfied',
      'cis-aws-3.0 3.6': 'not-satisfied',
      'cis-aws-3.0 5.2': 'not-satisfied',
      'nist-800-53-r5 AC-1': 'manual',
      'nist-800-53-r5 AU-2': 'not-satisfied',
      'nist-800-53-r5 AU-9': 'satisfied',
      'nist-800-53-r5 AU-11': 'not-satisfied',
      'nist-800-53-r5 CP-9': 'excepted',
      'nist-800-53-r5 IR-4': 'runtime-pending',
      'nist-800-53-r5 SC-7': 'not-satisfied',
      'nist-800-53-r5 SC-8': 'not-satisfied',
      'nist-800-53-r5 SC-12': 'not-satisfied',
      'nist-800-53-r5 SC-28': 'not-applicable',
    });
    expect(control(report, 'cis-aws-3.0', '1.22').statusReason).toMatch(/no automated rule/);
    expect(control(report, 'nist-800-53-r5', 'AC-1').statusReason).toMatch(/process control/);
  });

  test('a control lists its rules and its evidence with source locations, failures first', () => {
    const c = control(report, 'cis-aws-3.0', '2.1.1');
    expect(c.rules).toEqual(['S3.SslOnly']);
    expect(c.observations).toEqual([]);
    // Evidence is by result id: each id names a result of the report, in failures-first order.
    const evidence = c.evidence.map((id) => report.results.find((r) => r.id === id)!);
    expect(evidence.map((e) => [e.status, e.logicalId, e.line, e.constructPath])).toEqual([
      ['fail', 'RawBucket', 40, 'AppStack/RawBucket'],
      ['fail', 'SharedBucket', 52, 'AppStack/SharedBucket/Resource'],
      ['pass', 'SecureBucket7A1F2C3D', 12, 'AppStack/SecureBucket/Bucket/Resource'],
    ]);
    expect(evidence[0]).toMatchObject({ stack: 'AppStack', template: 'cdk.out/AppStack.template.json', ruleId: 'S3.SslOnly' });
    expect(c.evidence.every((id) => /^r-[0-9a-f]{16}$/.test(id))).toBe(true);
  });

  test('summarises controls and results per framework and overall', () => {
    const cis = report.summary.frameworks.find((f) => f.framework === 'cis-aws-3.0')!;
    expect(cis.controls).toEqual({ 'not-satisfied': 4, 'excepted': 0, 'satisfied': 1, 'runtime-pending': 2, 'manual': 1, 'not-applicable': 1, 'total': 9 });
    expect(cis.results).toEqual({ fail: 5, acknowledged: 0, pass: 2, 'not-applicable': 2, total: 9 });
    expect(report.summary.results).toEqual({ fail: 6, acknowledged: 1, pass: 3, 'not-applicable': 2, total: 12 });
    expect(report.summary.controls.total).toBe(19);
    expect(report.summary.failures).toEqual({ error: 5, warning: 0, info: 1, total: 6 });
    expect(report.summary.exceptions).toEqual({ expired: 1, refused: 1, invalid: 1, stale: 1, applied: 1, total: 5 });
  });

  test('the exception register lists every acknowledgment, stale ones included', () => {
    expect(report.exceptions.map((e) => [e.ruleId, e.logicalId, e.state])).toEqual([
      ['S3.Versioned', 'LegacyBucket', 'applied'],
      ['KMS.KeyRotation', 'DataKey', 'expired'],
      ['EC2.NoOpenAdminPorts', 'BastionSG', 'refused'],
      ['Logs.Retention', 'AppLogs', 'invalid'],
      ['S3.SslOnly', 'SecureBucket7A1F2C3D', 'stale'],
    ]);
    const stale = report.exceptions[4];
    expect(stale).toMatchObject({ owner: 'web-team', expires: '2027-01-15', line: 12, constructPath: 'AppStack/SecureBucket/Bucket/Resource' });
    expect(report.exceptions[3].problems).toEqual(['reason must be at least 20 characters, got "temporary"']);
    expect(report.exceptions[0].controls).toEqual({ 'nist-800-53-r5': ['CP-9'] });
  });

  test('workload scope: skipped account rules are listed and their controls are not applicable, saying why', () => {
    // WHEN
    const workload = buildReport(WORKLOAD_LEDGER, FIXTURE_FRAMEWORKS);
    // THEN
    expect(workload.scope).toBe(CheckScope.WORKLOAD);
    expect(workload.skipped).toEqual([{
      ruleId: 'CloudTrail.MultiRegion', title: 'A multi-Region trail with log file validation exists',
      reason: 'account rule skipped in workload scope: the account baseline is judged where it is deployed',
    }]);
    expect(control(workload, 'cis-aws-3.0', '3.1')).toMatchObject({ status: 'not-applicable', statusReason: expect.stringMatching(/skipped in workload scope/) });
  });

  test('observations turn runtime-pending controls into satisfied or not-satisfied; not-collected leaves them pending', () => {
    // GIVEN
    const observations: Observation[] = [
      { controlRefs: [{ framework: 'cis-aws-3.0', id: '1.4' }], status: 'pass', title: 'Root has no access key', message: 'AccountAccessKeysPresent is 0', source: 'iam.RootAccessKeys', collected: '2026-12-01T12:05:00Z' },
      { controlRefs: [{ framework: 'nist-800-53-r5', id: 'IR-4' }], status: 'fail', title: 'GuardDuty is on', message: 'no detector', source: 'guardduty.Detector', subject: 'eu-west-1', collected: '2026-12-01T12:05:00Z' },
      { controlRefs: [{ framework: 'cis-aws-3.0', id: '1.1' }], status: 'not-collected', title: 'Contacts', message: 'access denied', source: 'account.Contacts', collected: '2026-12-01T12:05:00Z' },
    ];
    // WHEN
    const merged = buildReport(FIXTURE_LEDGER, FIXTURE_FRAMEWORKS, { observations });
    // THEN
    expect(control(merged, 'cis-aws-3.0', '1.4')).toMatchObject({ status: 'satisfied', statusReason: '1 passing live check' });
    expect(control(merged, 'nist-800-53-r5', 'IR-4')).toMatchObject({ status: 'not-satisfied', statusReason: '1 failing live check' });
    expect(control(merged, 'cis-aws-3.0', '1.1')).toMatchObject({ status: 'runtime-pending', statusReason: expect.stringMatching(/not collected/) });
    expect(control(merged, 'cis-aws-3.0', '1.4').observations).toHaveLength(1);
    expect(control(merged, 'cis-aws-3.0', '1.4').observations[0]).toMatchObject({ source: 'iam.RootAccessKeys', id: expect.stringMatching(/^o-/) });
  });

  test('template paths are made relative to rootDir', () => {
    const absolute = { ...FIXTURE_LEDGER, results: FIXTURE_LEDGER.results.map((r) => ({ ...r, template: `/repo/${r.template}` })) };
    const rel = buildReport(absolute, FIXTURE_FRAMEWORKS, { rootDir: '/repo' });
    expect(rel.results[0].template).toBe('cdk.out/AppStack.template.json');
  });

  test('is pure and deterministic', () => {
    expect(JSON.stringify(buildReport(FIXTURE_LEDGER, FIXTURE_FRAMEWORKS, { tool: TOOL }))).toBe(JSON.stringify(report));
  });

  test('no result, control or exception field is always empty', () => {
    const alwaysEmpty = (rows: readonly object[]) => Object.keys(rows[0]).filter((k) => rows.every((row) => {
      const v = (row as Record<string, unknown>)[k];
      return v === null || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);
    }));
    // `observations` are filled only by live evidence (the observation test above covers them).
    expect(alwaysEmpty(report.results)).toEqual([]);
    expect(alwaysEmpty(report.controls)).toEqual(['observations']);
    expect(alwaysEmpty(report.exceptions)).toEqual([]);
  });

  test('fails when a framework of the ledger has no catalog', () => {
    expect(() => buildReport(FIXTURE_LEDGER, FIXTURE_FRAMEWORKS.slice(0, 1))).toThrow(/framework 'nist-800-53-r5'.*no catalog/);
  });
});

describe('exitCodeFor', () => {
  test('is 1 on an unacknowledged error at failOn error', () => {
    expect(exitCodeFor(report, 'error')).toBe(1);
  });

  test('ignores acknowledged failures, and failures below failOn', () => {
    // GIVEN: only the acknowledged result and the info failure remain
    const ledger = { ...FIXTURE_LEDGER, results: FIXTURE_LEDGER.results.filter((r) => r.status !== 'fail' || r.severity === 'info') };
    const r = buildReport(ledger, FIXTURE_FRAMEWORKS);
    // THEN
    expect(exitCodeFor(r, 'error')).toBe(0);
    expect(exitCodeFor(r, 'warning')).toBe(0);
  });

  test('counts warnings at failOn warning, and never fails at never', () => {
    const ledger = { ...FIXTURE_LEDGER, results: FIXTURE_LEDGER.results.map((r) => (r.status === 'fail' ? { ...r, severity: 'warning' as never } : r)) };
    const r = buildReport(ledger, FIXTURE_FRAMEWORKS);
    expect(exitCodeFor(r, 'error')).toBe(0);
    expect(exitCodeFor(r, 'warning')).toBe(1);
    expect(exitCodeFor(report, 'never')).toBe(0);
  });

  test('an expired acknowledgment fails the gate', () => {
    const ledger = { ...FIXTURE_LEDGER, results: FIXTURE_LEDGER.results.filter((r) => r.status !== 'fail' || r.logicalId === 'DataKey') };
    expect(exitCodeFor(buildReport(ledger, FIXTURE_FRAMEWORKS), 'error')).toBe(1);
  });
});
