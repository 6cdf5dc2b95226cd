import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { buildReport, render } from '../../../lib/report';
import { OSCAL_VERSION } from '../../../lib/report/formats/oscal';
import { FRAMEWORKS } from '../../../policies/frameworks';
import { FIXTURE_FRAMEWORKS, FIXTURE_LEDGER } from '../../fixtures/ledger';
import { realLedger } from '../../fixtures/real-ledger';
import oscalSchema from '../../fixtures/schemas/oscal_assessment-results_schema-1.0.6.json';

// NIST's schema is draft-07 with `\p{L}` token patterns: ajv's default unicodeRegExp compiles them.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(oscalSchema);
const errorsOf = (doc: unknown) => (validate(doc) ? [] : validate.errors!.slice(0, 20).map((e) => `${e.instancePath} ${e.message}`));

const report = buildReport(FIXTURE_LEDGER, FIXTURE_FRAMEWORKS, { tool: { name: 'cdk-security-baseline', version: '0.1.0' } });
const doc = JSON.parse(render(report, 'oscal'));
const ar = doc['assessment-results'];
const result = ar.results[0];

describe('OSCAL assessment-results', () => {
  test('validates against the OSCAL 1.0.6 assessment-results schema: fixture and real output over every framework', () => {
    expect(errorsOf(doc)).toEqual([]);
    expect(errorsOf(JSON.parse(render(buildReport(realLedger(), FRAMEWORKS), 'oscal')))).toEqual([]);
  });

  test('the schema check can fail: a bad uuid and an unknown target state are rejected', () => {
    const broken = JSON.parse(render(report, 'oscal'));
    broken['assessment-results'].uuid = 'not-a-uuid';
    broken['assessment-results'].results[0].findings[0].target.status.state = 'excepted';
    expect(errorsOf(broken).join('\n')).toMatch(/uuid[\s\S]*state|state[\s\S]*uuid/);
  });

  test('has metadata, import-ap and every control as a reviewed control', () => {
    expect(ar.metadata).toMatchObject({ 'last-modified': report.generatedAt, 'version': '0.1.0', 'oscal-version': OSCAL_VERSION });
    expect(ar['import-ap'].href).toBe(`#${ar['back-matter'].resources[0].uuid}`);
    const ids = result['reviewed-controls']['control-selections'][0]['include-controls'].map((c: any) => c['control-id']);
    expect(ids).toHaveLength(report.controls.length);
    expect(ids).toEqual(expect.arrayContaining(['cis-aws-3.0_2.1.1', 'sc-8', 'sc-12', 'ac-1']));
  });

  test('one finding per control: satisfied / not-satisfied, others not-satisfied with reason other and why', () => {
    expect(result.findings).toHaveLength(report.controls.length);
    const byControl = (fw: string, id: string) => result.findings.find((f: any) => f.props.some((p: any) => p.name === 'framework' && p.value === fw) &&
      f.props.some((p: any) => p.name === 'control-id' && p.value === id));
    expect(byControl('cis-aws-3.0', '3.5').target.status).toEqual({ state: 'satisfied', reason: 'pass' });
    expect(byControl('cis-aws-3.0', '2.1.1').target.status).toEqual({ state: 'not-satisfied', reason: 'fail' });
    expect(byControl('nist-800-53-r5', 'CP-9').target.status).toMatchObject({ state: 'not-satisfied', reason: 'other', remarks: expect.stringMatching(/^excepted/) });
    expect(byControl('nist-800-53-r5', 'AC-1').target.status.remarks).toMatch(/^manual: process control/);
    expect(byControl('cis-aws-3.0', '2.1.1')['related-observations']).toHaveLength(3);
  });

  test('observations examine each result, with the resource as an inventory-item subject and the template as evidence', () => {
    expect(result.observations).toHaveLength(report.results.length);
    const raw = result.observations.find((o: any) => o.title === 'S3.SslOnly on AWS::S3::Bucket AppStack/RawBucket');
    expect(raw).toMatchObject({
      methods: ['EXAMINE'],
      collected: report.generatedAt,
      'relevant-evidence': [{ href: 'cdk.out/AppStack.template.json', description: 'template cdk.out/AppStack.template.json, line 40' }],
    });
    const item = result['local-definitions']['inventory-items'].find((i: any) => i.uuid === raw.subjects[0]['subject-uuid']);
    expect(item.props).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'construct-path', value: 'AppStack/RawBucket' })]));
  });

  test('live observations are TEST observations linked from their finding', () => {
    const merged = buildReport(FIXTURE_LEDGER, FIXTURE_FRAMEWORKS, {
      observations: [{ controlRefs: [{ framework: 'cis-aws-3.0', id: '1.4' }], status: 'pass', title: 'Root has no access key', message: 'none', source: 'iam.RootAccessKeys', collected: '2026-12-01T12:05:00Z' }],
    });
    const out = JSON.parse(render(merged, 'oscal'));
    expect(errorsOf(out)).toEqual([]);
    const live = out['assessment-results'].results[0].observations.find((o: any) => o.methods[0] === 'TEST');
    expect(live).toMatchObject({ title: 'Root has no access key', collected: '2026-12-01T12:05:00Z' });
    const finding = out['assessment-results'].results[0].findings.find((f: any) => f.target['target-id'] === 'cis-aws-3.0_1.4');
    expect(finding.target.status.state).toBe('satisfied');
    expect(finding['related-observations']).toEqual([{ 'observation-uuid': live.uuid }]);
  });

  test('is deterministic, and a finding keeps its uuid across reports', () => {
    expect(render(buildReport(FIXTURE_LEDGER, FIXTURE_FRAMEWORKS, { tool: { name: 'cdk-security-baseline', version: '0.1.0' } }), 'oscal')).toBe(render(report, 'oscal'));
    const later = JSON.parse(render(buildReport({ ...FIXTURE_LEDGER, evaluatedAt: '2026-12-02T12:00:00.000Z' }, FIXTURE_FRAMEWORKS), 'oscal'));
    expect(later['assessment-results'].uuid).not.toBe(ar.uuid);
    expect(later['assessment-results'].results[0].findings.map((f: any) => f.uuid)).toEqual(result.findings.map((f: any) => f.uuid));
  });
});
