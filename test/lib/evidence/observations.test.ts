import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { CheckScope, Severity, Unresolved, asBoolean, defineRule, evaluate, fail, pass, unresolved } from '../../../lib/engine';
import { EvidenceDocument, collectEvidence, evidenceObservations } from '../../../lib/evidence';
import { buildReport, render } from '../../../lib/report';
import reportSchema from '../../../lib/report/report.schema.json';
import { FRAMEWORKS } from '../../../policies/frameworks';
import { startFakeAws, withFakeEnv } from '../../util/fake-aws';

// Two rules as policies/rules/kms would define them: the same functions judge templates and live keys.
const rotation = defineRule({
  id: 'Test.KmsRotation', severity: Severity.ERROR, resourceTypes: ['AWS::KMS::Key'], title: 'KMS keys rotate', fix: 'EnableKeyRotation: true',
  controls: { 'cis-aws-3.0': ['3.6'] },
  check: (key) => {
    const on = asBoolean(key.properties.EnableKeyRotation);
    if (on instanceof Unresolved) return unresolved('EnableKeyRotation', on, 'EnableKeyRotation');
    return on === true ? pass('rotation is on') : fail('rotation is off', 'EnableKeyRotation');
  },
});
const noPublic = defineRule({
  id: 'Test.KmsNoPublic', severity: Severity.ERROR, resourceTypes: ['AWS::KMS::Key'], title: 'Key policies allow nobody outside the account', fix: 'Name principals',
  controls: { 'fsbp': ['KMS.5'] },
  check: (key) => (JSON.stringify(key.properties.KeyPolicy ?? null).includes('"AWS":"*"') ? fail('the key policy allows everyone', 'KeyPolicy') : pass('no statement allows everyone')),
});

const ACCOUNT = '111122223333';
const publicPolicy = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*' }] });

async function collect(deny: string[] = []): Promise<EvidenceDocument> {
  const fake = await startFakeAws({
    account: ACCOUNT, region: 'eu-west-1', vaults: [], plans: [],
    keys: [{ KeyId: 'app', RotationEnabled: false }, { KeyId: 'open', RotationEnabled: true, Policy: publicPolicy }],
  }, { deny });
  try {
    return await withFakeEnv(fake, () => collectEvidence({ regions: ['eu-west-1'], since: new Date(Date.now() - 86_400_000) }));
  } finally {
    await fake.close();
  }
}

/** The template declares the key with rotation on: the live key has it off. */
const template = {
  Resources: { AppKey: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true, KeyPolicy: { Statement: [] } } } },
};

describe('evidenceObservations', () => {
  let doc: EvidenceDocument;
  beforeAll(async () => {
    doc = await collect();
  });

  test('judges live key policies with the template rules, through the engine', () => {
    // WHEN
    const obs = evidenceObservations([doc], { keyRules: [rotation, noPublic] });
    // THEN
    const live = (source: string, key: string) => obs.find((o) => o.source === source && o.subject?.endsWith(`key/${key}`));
    expect(live('Test.KmsNoPublic (live)', 'open')).toMatchObject({ status: 'fail', message: 'the key policy allows everyone', operation: 'kms:GetKeyPolicy', account: ACCOUNT });
    expect(live('Test.KmsNoPublic (live)', 'app')).toMatchObject({ status: 'pass' });
    expect(live('Test.KmsRotation (live)', 'app')).toMatchObject({ status: 'fail', controlRefs: [{ framework: 'cis-aws-3.0', id: '3.6' }] });
    expect(live('Test.KmsRotation (live)', 'open')?.status).toBe('pass');
  });

  test('a rule whose input could not be read is not collected, never a pass or a fail', async () => {
    // GIVEN rotation status denied
    const denied = await collect(['kms:GetKeyRotationStatus']);
    // WHEN
    const obs = evidenceObservations([denied], { keyRules: [rotation] });
    // THEN
    const judged = obs.filter((o) => o.source === 'Test.KmsRotation (live)');
    expect(judged).toHaveLength(2);
    for (const o of judged) expect(o.status).toBe('not-collected');
  });

  test('evidence older than the maximum age is stale, with what it read', () => {
    // WHEN judged 30 hours later
    const later = new Date(Date.parse(doc.finishedAt) + 30 * 3_600_000);
    const obs = evidenceObservations([doc], { now: later, maxAgeMs: 24 * 3_600_000 });
    // THEN
    expect(obs.length).toBeGreaterThan(0);
    for (const o of obs) {
      expect(o.status).toBe('stale');
      expect(o.message).toMatch(/^stale: collected 30h ago, older than the maximum age 24h; it read (pass|fail): /);
    }
  });

  test('merged into the report: template and live disagree, and both are shown in every format', () => {
    // GIVEN
    const ledger = evaluate([{ path: 'app.template.json', template }], [rotation], { scope: CheckScope.WORKLOAD });
    // WHEN
    const report = buildReport(ledger, FRAMEWORKS.filter((f) => f.id === 'cis-aws-3.0'), { observations: evidenceObservations([doc], { keyRules: [rotation] }) });
    // THEN
    const control = report.controls.find((c) => c.id === '3.6')!;
    expect(control.status).toBe('not-satisfied');
    expect(control.statusReason).toMatch(/the template passes \(1 passing resource\) but the live account does not/);
    expect(control.evidence.map((id) => report.results.find((r) => r.id === id))).toEqual([expect.objectContaining({ status: 'pass', logicalId: 'AppKey' })]);
    expect(control.observations.map((o) => `${o.source} ${o.status}`)).toEqual(expect.arrayContaining(['kms.KeyRotation fail', 'Test.KmsRotation (live) fail']));
    const failing = control.observations.find((o) => o.source === 'kms.KeyRotation' && o.status === 'fail')!;
    for (const format of ['json', 'md', 'html', 'csv', 'junit', 'table', 'sarif'] as const) {
      const text = render(report, format);
      expect(text).toContain(failing.collected);
    }
    const oscal = JSON.parse(render(report, 'oscal'));
    const tests = oscal['assessment-results'].results[0].observations.filter((o: any) => o.methods.includes('TEST'));
    expect(tests.length).toBeGreaterThan(0);
    expect(tests.map((o: any) => o.collected)).toContain(failing.collected);
  });

  test('the JSON report with live and stale observations validates against report.schema.json', () => {
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(reportSchema);
    const later = new Date(Date.parse(doc.finishedAt) + 30 * 3_600_000);
    const observations = [...evidenceObservations([doc], { keyRules: [rotation] }), ...evidenceObservations([doc], { now: later })];
    const report = JSON.parse(render(buildReport(evaluate([{ path: 'app.template.json', template }], [rotation]), FRAMEWORKS, { observations }), 'json'));
    validate(report);
    expect(validate.errors ?? []).toEqual([]);
    expect(report.controls.flatMap((c: any) => c.observations).some((o: any) => o.status === 'stale')).toBe(true);
  });

  test('stale evidence never satisfies a control', () => {
    const later = new Date(Date.parse(doc.finishedAt) + 48 * 3_600_000);
    const ledger = evaluate([], [rotation], { frameworks: ['fsbp'] });
    const report = buildReport(ledger, FRAMEWORKS, { observations: evidenceObservations([doc], { now: later }) });
    const kms3 = report.controls.find((c) => c.id === 'KMS.3')!;
    expect(kms3.observations.length).toBeGreaterThan(0);
    expect(kms3.status).toBe('runtime-pending');
    expect(kms3.statusReason).toMatch(/live evidence is stale/);
  });
});
