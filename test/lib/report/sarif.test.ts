import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as sarif from 'sarif';
import { buildReport, render } from '../../../lib/report';
import { SARIF_FINGERPRINT_KEY } from '../../../lib/report/formats/sarif';
import { FRAMEWORKS } from '../../../policies/frameworks';
import { FIXTURE_FRAMEWORKS, FIXTURE_LEDGER } from '../../fixtures/ledger';
import { realLedger } from '../../fixtures/real-ledger';

const report = buildReport(FIXTURE_LEDGER, FIXTURE_FRAMEWORKS, { tool: { name: 'cdk-security-baseline', version: '0.1.0' } });
const log: sarif.Log = JSON.parse(render(report, 'sarif'));
const run = log.runs[0];

/** Run Microsoft's SARIF Multitool `validate` and return the errors it reports (its own SARIF output). */
function multitoolErrors(text: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sarif-'));
  try {
    fs.writeFileSync(path.join(dir, 'report.sarif'), text);
    execFileSync('npx', ['sarif-multitool', 'validate', path.join(dir, 'report.sarif'), '-o', path.join(dir, 'validation.sarif')], { stdio: 'pipe' });
    const out: sarif.Log = JSON.parse(fs.readFileSync(path.join(dir, 'validation.sarif'), 'utf8'));
    expect(out.runs[0].invocations?.[0].executionSuccessful).toBe(true);
    return (out.runs[0].results ?? []).filter((r) => r.level === 'error').map((r) => `${r.ruleId} ${JSON.stringify(r.message.arguments)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('SARIF report', () => {
  test('validates with the SARIF Multitool: fixture and real output', () => {
    expect(multitoolErrors(render(report, 'sarif'))).toEqual([]);
    expect(multitoolErrors(render(buildReport(realLedger(), FRAMEWORKS), 'sarif'))).toEqual([]);
  });

  test('with live evidence: still valid, the observations in the run property bag', () => {
    // GIVEN a report with one failing live observation
    const observation = {
      controlRefs: [{ framework: FIXTURE_FRAMEWORKS[0].id, id: FIXTURE_FRAMEWORKS[0].controls[0].id }], status: 'fail' as const,
      title: 'KMS keys rotate', message: 'automatic rotation is off', source: 'kms.KeyRotation', subject: 'arn:aws:kms:eu-west-1:111122223333:key/k',
      collected: '2026-12-01T00:00:00.000Z', operation: 'kms:GetKeyRotationStatus', requestId: 'req-1',
    };
    const text = render(buildReport(FIXTURE_LEDGER, FIXTURE_FRAMEWORKS, { observations: [observation] }), 'sarif');
    // THEN
    expect(multitoolErrors(text)).toEqual([]);
    expect(JSON.parse(text).runs[0].properties.liveEvidence).toEqual([expect.objectContaining({ check: 'kms.KeyRotation', status: 'fail', collected: '2026-12-01T00:00:00.000Z', requestId: 'req-1' })]);
  });

  test('the Multitool check can fail: a region with startLine 0 is an error', () => {
    const broken: sarif.Log = JSON.parse(render(report, 'sarif'));
    broken.runs[0].results![0].locations![0].physicalLocation!.region = { startLine: 0 };
    expect(multitoolErrors(JSON.stringify(broken)).join('\n')).toMatch(/JSON1008/);
  });

  test('tool.driver lists every rule with descriptions, help, level and controls', () => {
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver).toMatchObject({ name: 'cdk-security-baseline', version: '0.1.0', semanticVersion: '0.1.0' });
    expect(run.tool.driver.rules!.map((r) => r.id)).toEqual(report.rules.map((r) => r.id));
    const ssl = run.tool.driver.rules!.find((r) => r.id === 'S3.SslOnly')!;
    expect(ssl).toMatchObject({
      shortDescription: { text: 'S3 buckets deny requests that are not sent over TLS' },
      fullDescription: { text: 'Without a TLS-only bucket policy, clients can read and write objects over plain HTTP.' },
      help: { text: expect.stringMatching(/^Add a bucket policy.*Controls: cis-aws-3.0: 2.1.1; nist-800-53-r5: SC-8\.$/) },
      defaultConfiguration: { level: 'error' },
      properties: { controls: { 'cis-aws-3.0': ['2.1.1'], 'nist-800-53-r5': ['SC-8'] }, tags: ['security', 'compliance', 'cis-aws-3.0', 'nist-800-53-r5'] },
    });
    expect(ssl.help!.markdown).toContain('AwsSolutions-S10');
  });

  test('only failures and acknowledged findings are results; passes are not', () => {
    const expected = report.results.filter((r) => r.status === 'fail' || r.status === 'acknowledged');
    expect(run.results!.map((r) => r.partialFingerprints![SARIF_FINGERPRINT_KEY])).toEqual(expected.map((r) => r.fingerprint));
    expect(run.results!.map((r) => r.level)).toEqual(expected.map((r) => ({ error: 'error', warning: 'warning', info: 'note' })[r.severity]));
  });

  test('a result names the template, the line and the logical resource', () => {
    const raw = run.results!.find((r) => r.locations![0].logicalLocations![0].name === 'RawBucket')!;
    expect(raw.ruleId).toBe('S3.SslOnly');
    expect(raw.ruleIndex).toBe(0);
    expect(raw.locations![0].physicalLocation).toEqual({ artifactLocation: { uri: 'cdk.out/AppStack.template.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 40 } });
    expect(raw.locations![0].logicalLocations).toEqual([{ name: 'RawBucket', fullyQualifiedName: 'AppStack/RawBucket', kind: 'resource' }]);
    expect(raw.properties).toMatchObject({ constructPath: 'AppStack/RawBucket', propertyPath: 'BucketPolicy' });
    const account = run.results!.find((r) => r.ruleId === 'CloudTrail.MultiRegion')!;
    expect(account.locations![0].physicalLocation!.region).toBeUndefined();
    expect(account.locations![0].logicalLocations![0]).toEqual({ name: 'BaselineStack', fullyQualifiedName: 'BaselineStack', kind: 'module' });
  });

  test('acknowledged findings carry an accepted external suppression with the reason', () => {
    const acked = run.results!.filter((r) => r.suppressions);
    expect(acked).toHaveLength(1);
    expect(acked[0].suppressions).toEqual([{
      kind: 'external', status: 'accepted',
      justification: 'Legacy bucket is replaced by the data lake in Q2 (owner: data-platform; expires: 2027-06-30)',
    }]);
  });

  test('fingerprints stay when lines move and messages change', () => {
    const moved = { ...FIXTURE_LEDGER, results: FIXTURE_LEDGER.results.map((r) => ({ ...r, line: (r.line ?? 0) + 3 || undefined, message: `${r.message} (v2)` })) };
    const again: sarif.Log = JSON.parse(render(buildReport(moved, FIXTURE_FRAMEWORKS), 'sarif'));
    expect(again.runs[0].results!.map((r) => r.partialFingerprints)).toEqual(run.results!.map((r) => r.partialFingerprints));
    expect(again.runs[0].results![0].locations![0].physicalLocation!.region).not.toEqual(run.results![0].locations![0].physicalLocation!.region);
  });
});
