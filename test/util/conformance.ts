import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { addExternalChecks } from '../../bin/app';
import { CheckScope } from '../../lib/engine';
import { PLUGIN_NAME } from '../../policies/packs';
import { RECOMMENDED_CONTEXT, TEST_ENV } from './stack';

const CANARY = 'ConformanceCanary';

/** One finding from a plugin, flattened per construct. */
export interface Finding {
  readonly plugin: string;
  readonly rule: string;
  readonly severity: string;
  readonly constructPath: string;
  readonly description: string;
  /** Only on acknowledged findings. */
  readonly acknowledgedId?: string;
  readonly reason?: string;
}

export interface ConformanceResult {
  /** Unacknowledged findings: the conformance bar is zero. */
  readonly violations: Finding[];
  /** Acknowledged findings, each with its reason. */
  readonly acknowledged: Finding[];
  /** Plugins that flagged the canary bucket (proves each check really ran). */
  readonly plugins: string[];
  /**
   * Acknowledgments recorded in construct metadata (`aws:cdk:acknowledged-rules`) for an external pack
   * that ran, which no suppressed finding at or under that construct matches: stale, as
   * `<acknowledged id> @ <construct path>`.
   */
  readonly stale: string[];
}

/**
 * Synthesize an app with cdk-nag's AwsSolutions, HIPAA, NIST 800-53 R5 and PCI DSS 3.2.1 packs and
 * the cfn-guard Control Tower rules registered at App level, and return every finding.
 *
 * `build` gets one stack per case (named after the case) so a single synth can check many
 * constructs at once.
 */
export function runConformance(
  cases: Record<string, (stack: Stack) => void>,
  options: { cfnValidation?: boolean } = {},
): Record<string, ConformanceResult> & { all: ConformanceResult } {
  if (options.cfnValidation) delete process.env.CDK_VALIDATION;
  else process.env.CDK_VALIDATION = 'false';
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'conformance-'));
  const app = new App({
    outdir,
    context: { ...RECOMMENDED_CONTEXT, '@aws-cdk/core:validationReportJson': true },
  });
  // Canary: a bare bucket every pack flags, so a plugin that silently ran nothing fails the suite.
  new CfnBucket(new Stack(app, CANARY, { env: TEST_ENV }), 'Canary');
  for (const [name, build] of Object.entries(cases)) {
    build(new Stack(app, name, { env: TEST_ENV }));
  }
  // Each case is one construct, not an account: our packs judge them in workload scope (account rules
  // are judged on the reference app, in test/bin/app.test.ts).
  addExternalChecks(app, { scope: CheckScope.WORKLOAD });
  try {
    app.synth();
  } catch (e) {
    if (!/ValidationFailed|Validation failed/.test(String(e))) throw e;
  }
  const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
  fs.rmSync(outdir, { recursive: true, force: true });

  const flatten = (pluginName: string, list: any[] | undefined): Finding[] =>
    (list ?? []).flatMap((v) =>
      v.violatingConstructs.map((c: any) => ({
        plugin: pluginName,
        rule: v.ruleName,
        severity: v.severity ?? 'unset',
        constructPath: c.constructPath,
        description: v.description,
        acknowledgedId: v.acknowledgedId,
        reason: v.reason,
      })),
    );
  const violations: Finding[] = [];
  const acknowledged: Finding[] = [];
  const plugins: string[] = [];
  const isCanary = (f: Finding) => f.constructPath.startsWith(`${CANARY}/`);
  for (const p of report.pluginReports) {
    const found = flatten(p.pluginName, p.violations);
    if (found.some(isCanary)) plugins.push(p.pluginName);
    // Our packs' warnings and infos are advisories (they never gate a synth); errors are violations.
    const advisory = (f: Finding) => p.pluginName === PLUGIN_NAME && f.severity !== 'error';
    violations.push(...found.filter((f) => !isCanary(f) && !advisory(f)));
    acknowledged.push(...flatten(p.pluginName, p.suppressedViolations));
  }
  // Stale acknowledgments: recorded on a construct, for a pack that ran, but matching no suppressed finding.
  const under = (f: Finding, scopePath: string) => f.constructPath === scopePath || f.constructPath.startsWith(`${scopePath}/`);
  const stale: string[] = [];
  for (const c of app.node.findAll()) {
    for (const entry of c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)) {
      for (const id of Object.keys(entry.data as Record<string, string>)) {
        const plugin = id.split('::')[0];
        if (plugin === PLUGIN_NAME || !plugins.includes(plugin)) continue;
        if (!acknowledged.some((f) => f.plugin === plugin && f.acknowledgedId === id && under(f, c.node.path))) stale.push(`${id} @ ${c.node.path}`);
      }
    }
  }
  const result: any = { all: { violations, acknowledged, plugins, stale } };
  for (const name of Object.keys(cases)) {
    const inStack = (f: Finding) => f.constructPath === name || f.constructPath.startsWith(`${name}/`);
    const staleInStack = stale.filter((s) => s.split(' @ ')[1].startsWith(`${name}/`));
    result[name] = { violations: violations.filter(inStack), acknowledged: acknowledged.filter(inStack), plugins, stale: staleInStack };
  }
  return result;
}

/** Short, readable lines for a failing expectation: `plugin rule @ path`. */
export function describeFindings(findings: Finding[]): string[] {
  return findings.map((f) => `${f.rule} @ ${f.constructPath}: ${f.description.slice(0, 120)}`);
}

/**
 * Every acknowledgment must use the prefixed form (`<Plugin>::<RuleId>`) and carry a reason a
 * reviewer would accept (a sentence, not a placeholder). Returns the ones that do not.
 */
export function weakAcknowledgments(findings: Finding[]): Finding[] {
  return findings.filter(
    (f) => !f.acknowledgedId?.includes('::') || !f.reason || f.reason.trim().length < 40 || /todo|tbd|n\/a|ignore/i.test(f.reason),
  );
}

/** Expected plugins: proves each pack really ran. */
export const EXPECTED_PLUGINS = ['SecurityBaseline', 'AwsSolutions', 'HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321', 'cdk-validator-cfnguard'];
