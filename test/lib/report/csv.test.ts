import { buildReport, render } from '../../../lib/report';
import { FIXTURE_FRAMEWORKS, FIXTURE_LEDGER } from '../../fixtures/ledger';

const report = buildReport(FIXTURE_LEDGER, FIXTURE_FRAMEWORKS);
const csv = render(report, 'csv');

/** A small RFC 4180 parser, to read the output back. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; } else if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += ch;
  }
  return rows;
}

describe('CSV report', () => {
  const rows = parse(csv);
  const header = rows[0];
  const col = (name: string) => header.indexOf(name);

  test('has a header row and one row per result, CRLF line ends', () => {
    expect(header.slice(0, 4)).toEqual(['ruleId', 'severity', 'status', 'stack']);
    expect(rows).toHaveLength(report.results.length + 1);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  test('quotes fields with commas and quotes (RFC 4180) and reads back exactly', () => {
    expect(csv).toContain('"no bucket policy denies requests without TLS <script>alert(1)</script> & ""quotes"", commas"');
    const raw = rows.find((r) => r[col('logicalId')] === 'RawBucket')!;
    expect(raw[col('message')]).toBe(report.results.find((r) => r.logicalId === 'RawBucket')!.message);
  });

  test('lists controls as framework:id;... and the acknowledgment columns', () => {
    const raw = rows.find((r) => r[col('logicalId')] === 'RawBucket')!;
    expect(raw[col('controls')]).toBe('cis-aws-3.0:2.1.1;nist-800-53-r5:SC-8');
    expect(raw[col('line')]).toBe('40');
    const legacy = rows.find((r) => r[col('logicalId')] === 'LegacyBucket')!;
    expect([legacy[col('acknowledgmentState')], legacy[col('acknowledgmentOwner')], legacy[col('acknowledgmentExpires')]]).toEqual(['applied', 'data-platform', '2027-06-30']);
    expect(rows.find((r) => r[col('ruleId')] === 'CloudTrail.MultiRegion')![col('logicalId')]).toBe('');
  });

  test('no column is always empty', () => {
    expect(header.filter((_, i) => rows.slice(1).every((r) => r[i] === ''))).toEqual([]);
  });

  test('neutralises spreadsheet formulas', () => {
    const ledger = { ...FIXTURE_LEDGER, results: [{ ...FIXTURE_LEDGER.results[0], message: '=HYPERLINK("http://x")' }] };
    expect(render(buildReport(ledger, FIXTURE_FRAMEWORKS), 'csv')).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});
