import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { EvidenceDocument, collectEvidence, readEvidenceFile, writeEvidenceFile } from '../../../lib/evidence';
import schema from '../../../lib/evidence/evidence.schema.json';
import { bigAccount, startFakeAws, withFakeEnv } from '../../util/fake-aws';

const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

describe('evidence files', () => {
  let doc: EvidenceDocument;
  let dir: string;
  beforeAll(async () => {
    const fake = await startFakeAws(bigAccount(30, 200), { deny: ['backup:ListCopyJobs'] });
    try {
      doc = await withFakeEnv(fake, () => collectEvidence({ regions: ['eu-west-1'], since: new Date(Date.now() - 86_400_000) }));
    } finally {
      await fake.close();
    }
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('real collector output validates against evidence.schema.json', () => {
    // THEN
    const ok = validate(JSON.parse(JSON.stringify(doc)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(doc.counts['not-collected']).toBe(1);
  });

  test('written, then read back with its digest checked', () => {
    // WHEN
    const file = path.join(dir, 'evidence.json');
    writeEvidenceFile(file, doc);
    // THEN
    expect(readEvidenceFile(file)).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(fs.readdirSync(dir)).toEqual(['evidence.json']);
  });

  test('fails when the content was changed after it was written', () => {
    // GIVEN
    const file = path.join(dir, 'evidence.json');
    writeEvidenceFile(file, doc);
    const tampered = JSON.parse(fs.readFileSync(file, 'utf8'));
    tampered.observations[0].status = 'pass';
    tampered.observations[0].message = 'all good';
    fs.writeFileSync(file, JSON.stringify(tampered));
    // THEN
    expect(() => readEvidenceFile(file)).toThrow(/digest does not match/);
  });

  test('fails when the file is cut short, or of another schema major', () => {
    const file = path.join(dir, 'evidence.json');
    fs.writeFileSync(file, JSON.stringify(doc).slice(0, 500));
    expect(() => readEvidenceFile(file)).toThrow(/cannot read it as JSON/);
    fs.writeFileSync(file, JSON.stringify({ ...doc, schemaVersion: '2.0.0' }));
    expect(() => readEvidenceFile(file)).toThrow(/schemaVersion 2.0.0 is not readable/);
  });

  test('a write that fails halfway leaves the old file and no temporary file', () => {
    // GIVEN
    const file = path.join(dir, 'evidence.json');
    writeEvidenceFile(file, doc);
    const before = fs.readFileSync(file, 'utf8');
    const circular: any = { ...doc };
    circular.self = circular;
    // WHEN
    expect(() => writeEvidenceFile(file, circular)).toThrow(/circular/);
    // THEN
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['evidence.json']);
  });
});
