// Differential test: every finding that cdk-nag's four packs or the cfn-guard Control Tower rules raise
// on our fixtures has an equivalent rule of ours that fails on the same resource, or is listed below as
// deliberately not covered, with the reason.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template as Assertions } from 'aws-cdk-lib/assertions';
import { addExternalChecks, createApp } from '../../bin/app';
import { ResultStatus, evaluate } from '../../lib/engine';
import { RULES } from '../../policies/rules';
import { RECOMMENDED_CONTEXT, TEST_ENV, cdkJsonContext } from '../util/stack';
import { insecureResources } from './differential-fixtures';

/** External rule ids we do not mirror, and why. Each must still be raised on a fixture (no stale entries). */
export const DELIBERATELY_NOT_COVERED: Record<string, string> = {};

interface ExternalFinding {
  readonly tool: 'cdk-nag' | 'cfn-guard';
  readonly ruleId: string;
  readonly stack: string;
  readonly logicalId: string;
}

/** Synthesize the fixtures with the external checks and collect every finding (open and acknowledged). */
function externalFindings(): { findings: ExternalFinding[]; templates: Record<string, unknown> } {
  process.env.CDK_VALIDATION = 'false';
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'differential-'));
  try {
    const app = new App({ outdir, context: { ...RECOMMENDED_CONTEXT, '@aws-cdk/core:validationReportJson': true } });
    insecureResources(new Stack(app, 'Insecure', { env: TEST_ENV }));
    addExternalChecks(app);
    try {
      app.synth();
    } catch (e) {
      if (!/ValidationFailed/.test(String(e))) throw e;
    }
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
    const findings: ExternalFinding[] = [];
    for (const plugin of report.pluginReports) {
      for (const v of [...(plugin.violations ?? []), ...(plugin.suppressedViolations ?? [])]) {
        const guard = /\[(CT\.[A-Z0-9]+\.PR\.\d+)\]/.exec(v.ruleName);
        const ruleId = guard ? guard[1] : String(v.ruleName).replace(/\[.*\]$/, '');
        for (const c of v.violatingConstructs) {
          const logicalId = c.cloudFormationResource?.logicalId;
          if (!logicalId) continue;
          findings.push({ tool: guard ? 'cfn-guard' : 'cdk-nag', ruleId, stack: path.basename(c.cloudFormationResource.templatePath).replace('.template.json', ''), logicalId });
        }
      }
    }
    return { findings, templates: { Insecure: JSON.parse(fs.readFileSync(path.join(outdir, 'Insecure.template.json'), 'utf8')) } };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** The reference app's findings, from the same external checks. */
function referenceFindings(): { findings: ExternalFinding[]; template: unknown } {
  process.env.CDK_VALIDATION = 'false';
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'differential-ref-'));
  try {
    const app = createApp({ outdir, context: { ...cdkJsonContext(), '@aws-cdk/core:validationReportJson': true } });
    const stack = app.node.children.find((c) => Stack.isStack(c)) as Stack;
    app.synth();
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
    const findings: ExternalFinding[] = [];
    for (const plugin of report.pluginReports) {
      for (const v of [...(plugin.violations ?? []), ...(plugin.suppressedViolations ?? [])]) {
        const guard = /\[(CT\.[A-Z0-9]+\.PR\.\d+)\]/.exec(v.ruleName);
        const ruleId = guard ? guard[1] : String(v.ruleName).replace(/\[.*\]$/, '');
        if (ruleId.startsWith('SecurityBaseline')) continue;
        for (const c of v.violatingConstructs) {
          const logicalId = c.cloudFormationResource?.logicalId;
          if (logicalId) findings.push({ tool: guard ? 'cfn-guard' : 'cdk-nag', ruleId, stack: stack.stackName, logicalId });
        }
      }
    }
    return { findings, template: Assertions.fromStack(stack).toJSON() };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('differential against cdk-nag and cfn-guard', () => {
  const insecure = externalFindings();
  const reference = referenceFindings();
  const ledger = evaluate(
    [
      { path: 'Insecure.template.json', stackName: 'Insecure', template: insecure.templates.Insecure, ...TEST_ENV },
      { path: 'SecurityBaseline.template.json', stackName: 'SecurityBaseline', template: reference.template, ...TEST_ENV },
    ],
    RULES,
  );
  const all = [...insecure.findings, ...reference.findings];

  test('the external checks raised findings on the fixtures (the comparison is not empty)', () => {
    expect(insecure.findings.filter((f) => f.tool === 'cdk-nag').length).toBeGreaterThan(30);
    expect(insecure.findings.filter((f) => f.tool === 'cfn-guard').length).toBeGreaterThan(10);
  });

  test('every external finding has an equivalent rule of ours failing on the same resource, or a stated reason', () => {
    const uncovered = new Set<string>();
    for (const f of all) {
      if (DELIBERATELY_NOT_COVERED[f.ruleId]) continue;
      const ours = RULES.filter((r) => (r.equivalents?.[f.tool] ?? []).includes(f.ruleId)).map((r) => r.id);
      const failing = ledger.results.some((r) => ours.includes(r.ruleId) && r.logicalId === f.logicalId && r.stack === f.stack && r.status !== ResultStatus.PASS && r.status !== ResultStatus.NOT_APPLICABLE);
      if (!failing) uncovered.add(`${f.ruleId} @ ${f.stack}/${f.logicalId} (ours: ${ours.join(', ') || 'none'})`);
    }
    expect([...uncovered].sort()).toEqual([]);
  });

  test('every "deliberately not covered" entry is still raised on a fixture and has a real reason', () => {
    for (const [id, reason] of Object.entries(DELIBERATELY_NOT_COVERED)) {
      expect(all.some((f) => f.ruleId === id)).toBe(true);
      expect(reason.length).toBeGreaterThan(30);
    }
  });
});
