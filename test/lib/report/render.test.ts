import { REPORT_FORMATS, ReportFormat, buildReport, render } from '../../../lib/report';
import { FIXTURE_FRAMEWORKS, FIXTURE_LEDGER } from '../../fixtures/ledger';

const report = buildReport(FIXTURE_LEDGER, FIXTURE_FRAMEWORKS);

describe('render', () => {
  test('knows every format', () => {
    expect([...REPORT_FORMATS].sort()).toEqual(['csv', 'html', 'json', 'junit', 'md', 'oscal', 'sarif', 'table']);
  });

  test.each(REPORT_FORMATS.map((f) => [f]))('%s is deterministic and ends with a newline', (format) => {
    const text = render(report, format);
    expect(text.length).toBeGreaterThan(100);
    expect(/\n$/.test(text)).toBe(true);
    expect(render(buildReport(FIXTURE_LEDGER, FIXTURE_FRAMEWORKS), format)).toBe(text);
  });

  test('does not change the report', () => {
    const before = JSON.stringify(report);
    for (const f of REPORT_FORMATS) render(report, f);
    expect(JSON.stringify(report)).toBe(before);
  });

  test('fails when the format is unknown', () => {
    expect(() => render(report, 'pdf' as ReportFormat)).toThrow(/unknown report format 'pdf'.*json, md, html/);
  });
});
