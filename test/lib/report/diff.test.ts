import { Ledger, ResultStatus } from '../../../lib/engine';
import { buildReport, diffReports, renderDiff } from '../../../lib/report';
import { FIXTURE_FRAMEWORKS, FIXTURE_LEDGER } from '../../fixtures/ledger';

// GIVEN: base = the fixture. Head (the PR): RawBucket fixed, a new failing bucket, the legacy bucket's
// failure now acknowledged on a different resource, the HSM key's acknowledgment expired (base: still
// applied), a new stale acknowledgment, and lines moved everywhere.
const baseLedger: Ledger = {
  ...FIXTURE_LEDGER,
  results: FIXTURE_LEDGER.results.map((r) => (r.logicalId === 'DataKey'
    ? { ...r, status: ResultStatus.ACKNOWLEDGED, message: 'key rotation is off' } : r)),
  acknowledgments: FIXTURE_LEDGER.acknowledgments
    .filter((a) => a.logicalId !== 'SecureBucket7A1F2C3D')
    .map((a) => (a.logicalId === 'DataKey' ? { ...a, state: 'applied' as const } : a)),
};
const headLedger: Ledger = {
  ...FIXTURE_LEDGER,
  evaluatedAt: '2026-12-02T12:00:00.000Z',
  results: [
    ...FIXTURE_LEDGER.results.map((r) => ({ ...r, line: r.line === undefined ? undefined : r.line + 10 }))
      .map((r) => (r.logicalId === 'RawBucket' ? { ...r, status: ResultStatus.PASS, message: 'bucket policy denies requests without TLS' } : r))
      .map((r) => (r.logicalId === 'AppLogs' ? { ...r, status: ResultStatus.ACKNOWLEDGED, acknowledgment: { reason: 'Retention set by the central log archive', owner: 'app-team' } } : r)),
    { ...FIXTURE_LEDGER.results[1], logicalId: 'NewBucket', constructPath: 'AppStack/NewBucket', line: 200, message: 'no bucket policy denies requests without TLS' },
  ],
  acknowledgments: FIXTURE_LEDGER.acknowledgments.map((a) => (a.logicalId === 'AppLogs'
    ? { ...a, reason: 'Retention set by the central log archive', state: 'applied' as const, problems: undefined } : a)),
};
const base = buildReport(baseLedger, FIXTURE_FRAMEWORKS);
const head = buildReport(headLedger, FIXTURE_FRAMEWORKS);
const diff = diffReports(base, head);
const keys = (list: readonly { key: string }[]) => list.map((e) => e.key);

describe('diffReports', () => {
  test('new failures: failing in head, not in base (line moves are no change)', () => {
    expect(keys(diff.newFailures)).toEqual(['KMS.KeyRotation|AppStack|DataKey', 'S3.SslOnly|AppStack|NewBucket']);
    expect(diff.newFailures[1]).toMatchObject({ severity: 'error', line: 200, constructPath: 'AppStack/NewBucket' });
  });

  test('fixed failures say how they were fixed; acknowledged ones are new exceptions instead', () => {
    expect(diff.fixedFailures.map((f) => [f.key, f.resolution])).toEqual([['S3.SslOnly|AppStack|RawBucket', 'passes']]);
    expect(keys(diff.newExceptions)).toEqual(['Logs.Retention|AppStack|AppLogs']);
    expect(diff.newExceptions[0]).toMatchObject({ owner: 'app-team', reason: 'Retention set by the central log archive' });
  });

  test('expired and newly stale exceptions', () => {
    expect(keys(diff.expiredExceptions)).toEqual(['KMS.KeyRotation|AppStack|DataKey']);
    expect(diff.expiredExceptions[0].expires).toBe('2026-01-31');
    expect(keys(diff.newlyStaleExceptions)).toEqual(['S3.SslOnly|AppStack|SecureBucket7A1F2C3D']);
  });

  test('control status changes, and counts', () => {
    expect(diff.controlChanges).toEqual(expect.arrayContaining([
      { framework: 'nist-800-53-r5', id: 'AU-11', title: 'Audit record retention', from: 'not-satisfied', to: 'excepted' },
    ]));
    expect(diff.base.failures).toBe(5);
    expect(diff.head.failures).toBe(5);
  });

  test('a report diffed with itself has no change', () => {
    const same = diffReports(head, head);
    expect([same.newFailures, same.fixedFailures, same.newExceptions, same.expiredExceptions, same.newlyStaleExceptions, same.controlChanges]).toEqual([[], [], [], [], [], []]);
  });

  test('a removed resource is a fixed failure with resolution removed', () => {
    const removed = buildReport({ ...baseLedger, results: baseLedger.results.filter((r) => r.logicalId !== 'BastionSG') }, FIXTURE_FRAMEWORKS);
    expect(diffReports(base, removed).fixedFailures.map((f) => [f.ruleId, f.resolution])).toEqual([['EC2.NoOpenAdminPorts', 'removed']]);
  });
});

describe('renderDiff', () => {
  test('md: headline and one section per kind of change', () => {
    const md = renderDiff(diff, 'md');
    expect(md).toMatch(/^## Compliance diff\n\n❌ 2 new failures · 1 fixed · 1 new exceptions · 1 expired · 1 newly stale · unacknowledged failures 5 → 5/);
    expect(md).toContain('### New failures (2)');
    expect(md).toContain('| error | `S3.SslOnly` | AppStack/NewBucket | cdk.out/AppStack.template.json:200 |');
    expect(md).toContain('### Expired exceptions (1)');
    expect(md).toContain('### New exceptions (1)');
    expect(md).toContain('### Newly stale exceptions (remove them) (1)');
    expect(md).toMatch(/### Fixed failures \(1\)[\s\S]*AppStack\/RawBucket[\s\S]*\| passes \|/);
    expect(md).toContain('| nist-800-53-r5 | AU-11 Audit record retention | not-satisfied | excepted |');
  });

  test('json: the diff itself', () => {
    expect(JSON.parse(renderDiff(diff, 'json'))).toEqual(JSON.parse(JSON.stringify(diff)));
  });

  test('table: one section per kind of change', () => {
    const table = renderDiff(diff, 'table');
    expect(table).toMatch(/^2 new failures/);
    expect(table).toMatch(/NEW FAILURES \(2\)\n {2}error {3}KMS\.KeyRotation {2}AppStack\/DataKey/);
    expect(table).toContain('EXPIRED EXCEPTIONS (1)');
    expect(table).toContain('FIXED FAILURES (1)\n  S3.SslOnly  AppStack/RawBucket  passes');
  });

  test('md says ✅ when nothing got worse', () => {
    expect(renderDiff(diffReports(head, head), 'md')).toMatch(/^## Compliance diff\n\n✅ 0 new failures/);
  });
});
