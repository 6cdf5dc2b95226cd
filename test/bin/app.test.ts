import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { availabilityZonesContextKey, createApp, EXAMPLE_CONTEXT } from '../../bin/app';

// The reference app synthesizes with the built-in CloudFormation validator ON (the one test that keeps
// it on) and with every external pack registered: zero unacknowledged findings, or synth throws.
describe('reference app (bin/app.ts)', () => {
  let outdir: string;
  let report: any;

  beforeAll(() => {
    delete process.env.CDK_VALIDATION;
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-'));
    // cdk.json's context, as `cdk synth` passes it: feature flags, cached AZs, example values.
    const { context } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8'));
    const app = createApp({ outdir, context });
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

  test('every pack ran on the app', () => {
    expect(report.pluginReports.map((p: any) => p.pluginName)).toEqual(
      expect.arrayContaining(['AwsSolutions', 'HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321', 'cdk-validator-cfnguard']),
    );
  });

  test('writes the whole baseline: trail, detector, hub, VPC, bastion, backups', () => {
    const template = JSON.parse(fs.readFileSync(path.join(outdir, 'SecurityBaseline.template.json'), 'utf8'));
    const types = new Set(Object.values(template.Resources).map((r: any) => r.Type));
    for (const type of ['AWS::CloudTrail::Trail', 'AWS::GuardDuty::Detector', 'AWS::SecurityHub::Hub', 'AWS::EC2::VPC', 'AWS::EC2::Instance', 'AWS::Backup::BackupPlan']) {
      expect(types).toContain(type);
    }
  });
});

describe('reference app: Availability Zones', () => {
  const cdkJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8'));
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

  test('fails with our own message when the account\'s zones are not cached', () => {
    // GIVEN cdk.json's context, but an account whose zones it does not cache
    const context = { ...cdkJson.context, account: '123456789012', region: 'eu-west-1' };
    // WHEN / THEN
    expect(() => createApp({ context })).toThrow(
      /\[App\.UncachedAvailabilityZones\][\s\S]*account 123456789012 in Region eu-west-1[\s\S]*"availability-zones:account=123456789012:region=eu-west-1": \["eu-west-1a", "eu-west-1b", "eu-west-1c"\][\s\S]*describe-availability-zones/,
    );
  });

  test('the example account and every account the README synthesizes have their zones cached in cdk.json', () => {
    expect(cdkJson.context[availabilityZonesContextKey(EXAMPLE_CONTEXT.account, EXAMPLE_CONTEXT.region)]).toHaveLength(3);
    const commands = [...readme.matchAll(/-c account=(\d{12}) -c region=([a-z0-9-]+)/g)];
    expect(commands.length).toBeGreaterThan(0);
    for (const [, account, region] of commands) {
      expect(cdkJson.context[availabilityZonesContextKey(account, region)]).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${region}[a-z]$`))]));
    }
  });
});
