import { buildReport, render } from '../../../lib/report';
import { FIXTURE_FRAMEWORKS, FIXTURE_LEDGER } from '../../fixtures/ledger';

const report = buildReport(FIXTURE_LEDGER, FIXTURE_FRAMEWORKS);
const xml = render(report, 'junit');
const testcases = [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)"[^>]*>([\s\S]*?)<\/testcase>/g)];
const caseOf = (name: string) => testcases.find((m) => m[2].startsWith(`${name} `))!;

describe('JUnit report', () => {
  test('system-out lists at most 50 evidence items per control and counts the rest; the failure lists every failing one', () => {
    // GIVEN 120 more failing buckets under CIS 2.1.1
    const many = {
      ...FIXTURE_LEDGER,
      results: [
        ...FIXTURE_LEDGER.results,
        ...Array.from({ length: 120 }, (_, i) => ({ ...FIXTURE_LEDGER.results[1], logicalId: `Bucket${i}` })),
      ],
    };
    // WHEN
    const big = render(buildReport(many, FIXTURE_FRAMEWORKS), 'junit');
    // THEN
    const c211 = [...big.matchAll(/<testcase classname="cis-aws-3.0" name="2\.1\.1 [^"]*"[^>]*>([\s\S]*?)<\/testcase>/g)][0][1];
    const out = /<system-out>([\s\S]*)<\/system-out>/.exec(c211)![1].split('\n');
    expect(out.filter((l) => /^(pass|fail|acknowledged|not-applicable) /.test(l))).toHaveLength(50);
    expect(out).toContain('and 73 more results (every result is in report.json and report.csv)');
    expect(/<failure[^>]*>([\s\S]*?)<\/failure>/.exec(c211)![1]).toContain('Bucket119');
  });

  test('has one testsuite per framework and one testcase per control', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    expect(testcases).toHaveLength(report.controls.length);
    expect(testcases[0][1]).toBe('cis-aws-3.0');
    expect(testcases[0][2]).toBe('1.1 Account contact details are current');
    expect(xml).toMatch(/<testsuites name="cdk-security-baseline" tests="19" failures="9" errors="0" skipped="7"/);
  });

  test('not-satisfied is a failure with the failing evidence; manual, runtime-pending and n/a are skipped', () => {
    const c211 = caseOf('2.1.1')[3];
    expect(c211).toMatch(/<failure type="not-satisfied" message="2 failing resources">/);
    expect(c211).toContain('S3.SslOnly AppStack/RawBucket (cdk.out/AppStack.template.json:40)');
    expect(caseOf('1.22')[3]).toMatch(/<skipped message="manual: no automated rule/);
    expect(caseOf('1.1')[3]).toMatch(/<skipped message="runtime-pending: /);
    expect(caseOf('2.3.1')[3]).toMatch(/<skipped message="not-applicable: /);
    expect(caseOf('3.5')[3]).not.toMatch(/<failure|<skipped/);
    expect(caseOf('CP-9')[3]).toContain('<property name="status" value="excepted"/>');
  });

  test('carries properties and evidence in system-out, with XML escaped', () => {
    expect(caseOf('2.1.1')[3]).toContain('<property name="rules" value="S3.SslOnly"/>');
    expect(caseOf('2.1.1')[3]).toMatch(/<system-out>status: not-satisfied[\s\S]*AppStack\/SecureBucket\/Bucket\/Resource/);
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
  });

  test('drops characters XML cannot carry', () => {
    const ledger = { ...FIXTURE_LEDGER, results: FIXTURE_LEDGER.results.map((r) => ({ ...r, message: `bad\u0001char ${r.message}` })) };
    const out = render(buildReport(ledger, FIXTURE_FRAMEWORKS), 'junit');
    expect(out).not.toContain('\u0001');
    expect(out).toContain('badchar');
  });
});
