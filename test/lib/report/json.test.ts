import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { buildReport, render, REPORT_SCHEMA_VERSION } from '../../../lib/report';
import schema from '../../../lib/report/report.schema.json';
import { FRAMEWORKS } from '../../../policies/frameworks';
import { FIXTURE_FRAMEWORKS, FIXTURE_LEDGER, WORKLOAD_LEDGER } from '../../fixtures/ledger';
import { realLedger } from '../../fixtures/real-ledger';

const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);
const errorsOf = (doc: unknown) => (validate(doc) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`));

describe('JSON report', () => {
  test('real output validates against report.schema.json: RULES over a stack with a SecureBucket and raw buckets', () => {
    // GIVEN
    const ledger = realLedger();
    // WHEN
    const json = JSON.parse(render(buildReport(ledger, FRAMEWORKS, { tool: { name: 'cdk-security-baseline', version: '0.1.0' } }), 'json'));
    // THEN
    expect(errorsOf(json)).toEqual([]);
    expect(json.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(json.controls).toHaveLength(FRAMEWORKS.reduce((n, f) => n + f.controls.length, 0));
    const raw = json.results.find((r: any) => r.logicalId === 'RawBucket');
    expect(raw).toMatchObject({ status: 'fail', constructPath: 'TestStack/RawBucket', line: expect.any(Number), location: 'Properties/BucketPolicy' });
    expect(json.results.find((r: any) => r.logicalId === 'LegacyBucket')).toMatchObject({ status: 'acknowledged', acknowledgment: { owner: 'web-team', state: 'applied' } });
    expect(json.results.some((r: any) => r.constructPath === 'TestStack/Data/Bucket/Resource' && r.status === 'pass')).toBe(true);
    const cis211 = json.controls.find((c: any) => c.framework === 'cis-aws-3.0' && c.id === '2.1.1');
    expect(cis211).toMatchObject({ status: 'not-satisfied', rules: ['S3.SslOnly'] });
    const byId = new Map(json.results.map((r: any) => [r.id, r]));
    expect(cis211.evidence.map((id: string) => (byId.get(id) as any).status)).toEqual(['fail', 'acknowledged', 'pass', 'pass']);
    // Every evidence reference of every control names a result of the report.
    expect(json.controls.flatMap((c: any) => c.evidence).filter((id: string) => !byId.has(id))).toEqual([]);
  });

  test('real output without the insecure bucket: the mapped controls are excepted (the acknowledged bucket remains)', () => {
    const json = JSON.parse(render(buildReport(realLedger({ insecure: false }), FRAMEWORKS), 'json'));
    expect(errorsOf(json)).toEqual([]);
    expect(json.controls.find((c: any) => c.framework === 'cis-aws-3.0' && c.id === '2.1.1').status).toBe('excepted');
  });

  test('the fixture reports (account and workload scope) validate', () => {
    expect(errorsOf(JSON.parse(render(buildReport(FIXTURE_LEDGER, FIXTURE_FRAMEWORKS), 'json')))).toEqual([]);
    expect(errorsOf(JSON.parse(render(buildReport(WORKLOAD_LEDGER, FIXTURE_FRAMEWORKS), 'json')))).toEqual([]);
  });

  test('fails validation when a field is missing or an acknowledged result lacks its acknowledgment', () => {
    const json = JSON.parse(render(buildReport(FIXTURE_LEDGER, FIXTURE_FRAMEWORKS), 'json'));
    const noVersion = { ...json };
    delete noVersion.schemaVersion;
    expect(errorsOf(noVersion).join('\n')).toMatch(/schemaVersion/);
    const acked = json.results.findIndex((r: any) => r.status === 'acknowledged');
    json.results[acked].acknowledgment = null;
    expect(errorsOf(json).length).toBeGreaterThan(0);
  });

  test('is the report as indented JSON, deterministic', () => {
    const report = buildReport(FIXTURE_LEDGER, FIXTURE_FRAMEWORKS);
    expect(render(report, 'json')).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(render(buildReport(FIXTURE_LEDGER, FIXTURE_FRAMEWORKS), 'json')).toBe(render(report, 'json'));
  });
});
