import { LedgerResult } from '../../../lib/engine';
import { buildReport, render } from '../../../lib/report';
import { MARKDOWN_FAILURE_LIMIT } from '../../../lib/report/formats/markdown';
import { FIXTURE_FRAMEWORKS, FIXTURE_LEDGER, WORKLOAD_LEDGER } from '../../fixtures/ledger';

const md = render(buildReport(FIXTURE_LEDGER, FIXTURE_FRAMEWORKS), 'md');

describe('Markdown report', () => {
  test('leads with the verdict and one summary row per framework', () => {
    expect(md).toMatch(/^## Compliance report\n\n❌ \*\*6 unacknowledged failures\*\* \(5 error, 0 warning, 1 info\)/);
    expect(md).toContain('| CIS Amazon Web Services Foundations Benchmark 3.0.0 (`cis-aws-3.0`) | 4 | 0 | 1 | 2 | 1 | 1 | 9 |');
    expect(md).toContain('| NIST SP 800-53 Rev. 5 5.1.1 (`nist-800-53-r5`) | 5 | 1 | 1 | 1 | 1 | 1 | 10 |');
  });

  test('lists failures, errors first, with source and construct path, escaped', () => {
    const failures = md.slice(md.indexOf('### Failures'), md.indexOf('### Exceptions'));
    const rows = failures.split('\n').filter((l) => /^\| (error|warning|info) /.test(l));
    expect(rows).toHaveLength(6);
    expect(rows[rows.length - 1]).toMatch(/^\| info \| `Logs.Retention`/);
    expect(failures).toContain('AppStack/RawBucket<br>`AppStack/RawBucket` | cdk.out/AppStack.template.json:40');
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp;');
  });

  test('lists expired, refused, invalid and stale exceptions, not applied ones', () => {
    const section = md.slice(md.indexOf('### Exceptions needing attention'));
    for (const state of ['expired', 'refused', 'invalid', 'stale']) expect(section).toMatch(new RegExp(`^\\| ${state} \\|`, 'm'));
    expect(section).not.toMatch(/^\| applied \|/m);
    expect(md).toContain('1 applied exception in the register');
  });

  test(`caps failures at ${MARKDOWN_FAILURE_LIMIT} with "and N more"`, () => {
    // GIVEN: 70 failing buckets
    const many: LedgerResult[] = Array.from({ length: 70 }, (_, i) => ({ ...FIXTURE_LEDGER.results[1], logicalId: `Bucket${i}` }));
    const out = render(buildReport({ ...FIXTURE_LEDGER, results: many }, FIXTURE_FRAMEWORKS), 'md');
    // THEN
    expect(out.split('\n').filter((l) => l.startsWith('| error |'))).toHaveLength(MARKDOWN_FAILURE_LIMIT);
    expect(out).toContain('…and 20 more');
  });

  test('says when account rules were skipped in workload scope', () => {
    const out = render(buildReport(WORKLOAD_LEDGER, FIXTURE_FRAMEWORKS), 'md');
    expect(out).toContain('### Skipped in workload scope (1)');
    expect(out).toContain('`CloudTrail.MultiRegion`');
  });

  test('a table cell cannot be broken by a pipe or a line break', () => {
    const ledger = { ...FIXTURE_LEDGER, results: [{ ...FIXTURE_LEDGER.results[1], message: 'a | b\nc' }] };
    expect(render(buildReport(ledger, FIXTURE_FRAMEWORKS), 'md')).toContain('| a \\| b c |');
  });
});
