import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Stage, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { BaselineValidationError } from '../../../lib/errors';
import { PciDss40Checks, SecurityBaselineChecks, acknowledge } from '../../../policies/packs';
import { RECOMMENDED_CONTEXT, TEST_ENV } from '../../util/stack';

/** Synthesize an app with the plugin and return the plugin's part of validation-report.json (or the error). */
function synth(build: (stack: Stack) => void, plugin: (app: App) => SecurityBaselineChecks = (app) => new SecurityBaselineChecks(app, { frameworks: ['pci-dss-4.0'] })) {
  process.env.CDK_VALIDATION = 'false';
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'sbc-'));
  try {
    const app = new App({ outdir, context: { ...RECOMMENDED_CONTEXT, '@aws-cdk/core:validationReportJson': true } });
    const stack = new Stack(app, 'Workload', { env: TEST_ENV });
    build(stack);
    const checks = plugin(app);
    Validations.of(app).addPlugins(checks);
    let error: unknown;
    try {
      app.synth();
    } catch (e) {
      error = e;
    }
    const reportFile = path.join(outdir, 'validation-report.json');
    const report = fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) : { pluginReports: [] };
    const mine = report.pluginReports.find((p: any) => p.pluginName === checks.name);
    return { error, report: mine, ledger: checks.lastLedger!, files: fs.readdirSync(outdir) };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

const insecureBucket = (stack: Stack) => new s3.CfnBucket(stack, 'Raw');

describe('SecurityBaselineChecks', () => {
  test('fails the synth on an unacknowledged error, with severity, fix, logical id and controls', () => {
    // WHEN
    const { error, report } = synth(insecureBucket);
    // THEN
    expect(String(error)).toMatch(/ValidationFailed/);
    const v = report.violations.find((x: any) => x.ruleName === 'S3.SslOnly');
    expect(v).toMatchObject({ severity: 'error', suggestedFix: expect.stringMatching(/aws:SecureTransport/) });
    expect(v.ruleMetadata['pci-dss-4.0']).toBe('4.2.1');
    expect(v.violatingConstructs[0].cloudFormationResource.logicalId).toBe('Raw');
  });

  test('names a stack in a Stage as cdk.out does, and records resource lines, like the CLI', () => {
    // GIVEN a stack inside a Stage
    process.env.CDK_VALIDATION = 'false';
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'sbc-'));
    try {
      const app = new App({ outdir, context: RECOMMENDED_CONTEXT });
      const stack = new Stack(new Stage(app, 'Prod'), 'Workload', { env: TEST_ENV });
      new s3.Bucket(stack, 'Good', { enforceSSL: true });
      const checks = new SecurityBaselineChecks(app, { frameworks: ['pci-dss-4.0'] });
      Validations.of(app).addPlugins(checks);
      // WHEN (the plain bucket fails other rules, so synth throws after validating)
      expect(() => app.synth()).toThrow(/S3.TlsMinimumVersion/);
      // THEN
      const result = checks.lastLedger!.results.find((r) => r.ruleId === 'S3.SslOnly')!;
      expect(result).toMatchObject({ status: 'pass', stack: 'Prod-Workload', line: expect.any(Number) });
      expect(result.line).toBeGreaterThan(1);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('records passing evidence in its ledger, not only failures', () => {
    const { ledger } = synth((stack) => new s3.Bucket(stack, 'Good', { enforceSSL: true }));
    expect(ledger.results.find((r) => r.ruleId === 'S3.SslOnly')).toMatchObject({ status: 'pass', stack: 'Workload' });
  });

  test('sees an escape hatch that breaks a setting (addPropertyOverride)', () => {
    const { ledger } = synth((stack) => {
      const bucket = new s3.Bucket(stack, 'Good', { enforceSSL: true });
      const policy = bucket.policy!.node.defaultChild as s3.CfnBucketPolicy;
      policy.addPropertyOverride('PolicyDocument.Statement.0.Effect', 'Allow');
    });
    expect(ledger.results.find((r) => r.ruleId === 'S3.SslOnly')?.status).toBe('fail');
  });

  test('an acknowledgment with reason and owner passes the synth and is carried in the template', () => {
    const { error, ledger } = synth((stack) => {
      const raw = insecureBucket(stack);
      for (const ruleId of new Set(['S3.SslOnly'])) {
        acknowledge(raw, { ruleId, reason: 'Legacy bucket migrated from another account; replaced in Q3', owner: 'platform-team', expires: '2999-01-01' });
      }
      raw.addMetadata('marker', true);
    }, (app) => new SecurityBaselineChecks(app, { frameworks: ['pci-dss-4.0'] }));
    const result = ledger.results.find((r) => r.ruleId === 'S3.SslOnly' && r.logicalId === 'Raw');
    expect(result).toMatchObject({ status: 'acknowledged', acknowledgment: { owner: 'platform-team', expires: '2999-01-01' } });
    expect(ledger.acknowledgments).toEqual([expect.objectContaining({ ruleId: 'S3.SslOnly', state: 'applied', logicalId: 'Raw' })]);
    // Other open findings on the raw bucket may still fail the synth; S3.SslOnly is not among them.
    expect(String(error ?? '')).not.toMatch(/S3\.SslOnly/);
  });

  test('an expired acknowledgment is an error again', () => {
    const { ledger } = synth((stack) => {
      acknowledge(insecureBucket(stack), { ruleId: 'S3.SslOnly', reason: 'Legacy bucket migrated from another account', owner: 'platform-team', expires: '2020-01-01' });
    });
    const result = ledger.results.find((r) => r.ruleId === 'S3.SslOnly')!;
    expect(result).toMatchObject({ status: 'fail', severity: 'error', message: expect.stringMatching(/expired on 2020-01-01/) });
    expect(ledger.acknowledgments[0].state).toBe('expired');
  });

  test('a stale acknowledgment (no matching finding) is listed', () => {
    const { ledger } = synth((stack) => {
      acknowledge(new s3.Bucket(stack, 'Good', { enforceSSL: true }), { ruleId: 'S3.SslOnly', reason: 'Was needed before the bucket got its TLS policy', owner: 'platform-team' });
    });
    expect(ledger.acknowledgments.map((a) => a.state)).toEqual(['stale']);
  });

  test("CDK's native acknowledge keeps working", () => {
    const { report } = synth((stack) => {
      const raw = insecureBucket(stack);
      Validations.of(raw).acknowledge({ id: 'SecurityBaseline.PCI::S3.SslOnly', reason: 'Native acknowledgment of the TLS finding for this test' });
    }, (app) => new PciDss40Checks(app));
    expect(report.violations.map((v: any) => v.ruleName)).not.toContain('S3.SslOnly');
    expect(report.suppressedViolations.map((v: any) => v.ruleName)).toContain('S3.SslOnly');
  });

  test('writes nothing into cdk.out while it validates', () => {
    const { files } = synth((stack) => new s3.Bucket(stack, 'Good', { enforceSSL: true }));
    expect(files.filter((f) => !/^(Workload\.template\.json|Workload\.assets\.json|manifest\.json|cdk\.out|tree\.json|validation-report\.json|policy-validation-report\.json|Workload\.metadata\.json)$/.test(f))).toEqual([]);
  });

  test('fails when frameworks names an unknown framework', () => {
    expect(() => new SecurityBaselineChecks(new App(), { frameworks: ['pci-3.2'] })).toThrow(/frameworks must name known frameworks, got "pci-3.2"; use one of cis-aws-3.0/);
  });
});

describe('acknowledge', () => {
  test('fails when the reason is shorter than 20 characters', () => {
    const { stack } = { stack: new Stack(new App()) };
    expect(() => acknowledge(stack, { ruleId: 'S3.SslOnly', reason: 'legacy', owner: 'me' })).toThrow(/reason must be at least 20 characters/);
  });

  test('fails when the owner is missing', () => {
    expect(() => acknowledge(new Stack(new App()), { ruleId: 'S3.SslOnly', reason: 'A reason long enough to pass', owner: ' ' })).toThrow(/owner is missing/);
  });

  test('fails when the rule is unknown', () => {
    expect(() => acknowledge(new Stack(new App()), { ruleId: 'S3.Nope', reason: 'A reason long enough to pass', owner: 'me' })).toThrow(BaselineValidationError);
  });

  test('fails when the expiry is not a date', () => {
    expect(() => acknowledge(new Stack(new App()), { ruleId: 'S3.SslOnly', reason: 'A reason long enough to pass', owner: 'me', expires: 'next year' })).toThrow(/expires must be an ISO date/);
  });
});
