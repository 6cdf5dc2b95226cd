import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createApp } from '../../bin/app';
import { RECOMMENDED_CONTEXT } from '../util/stack';

// The reference app synthesizes with the built-in CloudFormation validator ON (the one test that keeps
// it on) and with every external pack registered: zero unacknowledged findings, or synth throws.
describe('reference app (bin/app.ts)', () => {
  let outdir: string;
  let report: any;

  beforeAll(() => {
    delete process.env.CDK_VALIDATION;
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-'));
    const app = createApp({ outdir, context: { ...RECOMMENDED_CONTEXT, '@aws-cdk/core:validationReportJson': true } });
    app.synth();
    report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('synthesizes with zero unacknowledged findings from every plugin', () => {
    const open = report.pluginReports.flatMap((p: any) => p.violations.map((v: any) => `${p.pluginName}: ${v.ruleName}`));
    expect(open).toEqual([]);
  });

  test('every acknowledgment carries a prefixed id and a reason', () => {
    const acks = report.pluginReports.flatMap((p: any) => p.suppressedViolations ?? []);
    for (const a of acks) {
      expect(a.acknowledgedId).toContain('::');
      expect(a.reason.length).toBeGreaterThan(40);
    }
  });

  test('writes a template for the baseline stack', () => {
    expect(fs.existsSync(path.join(outdir, 'SecurityBaseline.template.json'))).toBe(true);
  });
});
