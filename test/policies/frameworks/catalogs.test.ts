import * as fs from 'fs';
import * as path from 'path';
import { ControlKind, Framework } from '../../../lib/engine/framework';
import { FRAMEWORKS, frameworkById, NIST_800_53_FAMILIES, NIST_800_53_R5 } from '../../../policies/frameworks';
// Reference ids from ../shared/catalogs/*.tsv, and their titles where those are longer than 100 characters
// (written by scripts/generate-frameworks.ts).
import reference from '../../fixtures/frameworks/reference.json';

const REFERENCE: Record<string, ReadonlyArray<{ readonly id: string; readonly longTitle?: string }>> = reference;

/** Expected control counts: the published size where the catalog is the whole framework. */
const EXPECTED_COUNTS: Record<string, number> = {
  'cis-aws-3.0': REFERENCE['cis-aws-3.0'].length,
  'pci-dss-4.0': 107,
  'hipaa': 59,
  'iso-27001-2022': 93,
  'nist-csf-2.0': 106,
  'nist-800-53-r5': REFERENCE['nist-800-53-r5'].length,
  'gdpr': 9,
  'fsbp': REFERENCE.fsbp.length,
};

const KINDS: string[] = Object.values(ControlKind);

function controlOf(framework: Framework, id: string) {
  return framework.controls.find((c) => c.id === id);
}

describe('framework catalogs', () => {
  test('exactly the agreed framework ids, each once', () => {
    expect(FRAMEWORKS.map((f) => f.id)).toEqual([
      'cis-aws-3.0', 'pci-dss-4.0', 'hipaa', 'iso-27001-2022', 'nist-csf-2.0', 'nist-800-53-r5', 'gdpr', 'fsbp',
    ]);
  });

  describe.each(FRAMEWORKS.map((f) => [f.id, f] as const))('%s', (id, framework) => {
    test('has a name, a version and controls', () => {
      expect(framework.name).not.toBe('');
      expect(framework.version).not.toBe('');
      expect(framework.controls.length).toBeGreaterThan(0);
    });

    test('control count matches the reference', () => {
      expect(framework.controls).toHaveLength(EXPECTED_COUNTS[id]);
    });

    test('control ids are unique', () => {
      const ids = framework.controls.map((c) => c.id);
      expect(ids.filter((c, i) => ids.indexOf(c) !== i)).toEqual([]);
    });

    test('every reference control is listed', () => {
      const ids = new Set(framework.controls.map((c) => c.id));
      expect(REFERENCE[id].map((r) => r.id).filter((r) => !ids.has(r))).toEqual([]);
    });

    test('every kind is valid and every family is set', () => {
      expect(framework.controls.filter((c) => !KINDS.includes(c.kind))).toEqual([]);
      expect(framework.controls.filter((c) => c.family.trim() === '')).toEqual([]);
    });

    test('titles are non-empty, at most 100 characters and never the long reference title', () => {
      expect(framework.controls.filter((c) => c.title.trim() === '' || c.title.length > 100)).toEqual([]);
      const copied = REFERENCE[id].filter((r) => r.longTitle !== undefined && controlOf(framework, r.id)?.title === r.longTitle);
      expect(copied).toEqual([]);
    });
  });

  test('the reference fixture has long titles to compare against', () => {
    // Guards the test above: were the fixture to lose its long titles, the copy check would pass vacuously.
    expect(REFERENCE['nist-csf-2.0'].filter((r) => r.longTitle !== undefined).length).toBeGreaterThan(10);
  });

  test('frameworkById finds each catalog and returns undefined for an unknown id', () => {
    for (const framework of FRAMEWORKS) expect(frameworkById(framework.id)).toBe(framework);
    expect(frameworkById('cis-aws-9.9')).toBeUndefined();
    expect(frameworkById('')).toBeUndefined();
  });

  test('families follow each framework\'s own structure', () => {
    expect(controlOf(frameworkById('cis-aws-3.0')!, '3.5')?.family).toBe('Logging');
    expect(controlOf(frameworkById('pci-dss-4.0')!, '3.5.1')?.family).toBe('3 Protect stored account data');
    expect(controlOf(frameworkById('hipaa')!, '164.310(b)')?.family).toBe('Physical safeguards');
    expect(controlOf(frameworkById('hipaa')!, '164.316(a)')?.family).toBe('Policies and documentation');
    expect(controlOf(frameworkById('iso-27001-2022')!, 'A.8.28')?.family).toBe('Technological controls');
    expect(controlOf(frameworkById('nist-csf-2.0')!, 'PR.DS-01')?.family).toBe('PR.DS Data Security');
    expect(controlOf(frameworkById('fsbp')!, 'CloudTrail.1')?.family).toBe('Identify');
  });

  test('NIST 800-53 families: all 20, and every control names its family', () => {
    expect(Object.keys(NIST_800_53_FAMILIES)).toHaveLength(20);
    const unnamed = NIST_800_53_R5.controls.filter((c) => {
      const fam = c.id.split('-')[0];
      return c.family !== `${fam} ${NIST_800_53_FAMILIES[fam]}`;
    });
    expect(unnamed).toEqual([]);
    expect(controlOf(NIST_800_53_R5, 'AU-9(a)')?.family).toBe('AU Audit and Accountability');
  });

  test('kinds corrected from the reference where the baseline declares the evidence', () => {
    const cis = frameworkById('cis-aws-3.0')!;
    for (const id of ['1.8', '1.9', '1.17', '1.20', '3.1', '4.1', '5.4']) expect(controlOf(cis, id)?.kind).toBe(ControlKind.TEMPLATE);
    for (const id of ['1.4', '1.5', '1.6', '1.7']) expect(controlOf(cis, id)?.kind).toBe(ControlKind.RUNTIME);
    expect(controlOf(frameworkById('fsbp')!, 'IAM.7')?.kind).toBe(ControlKind.TEMPLATE);
    expect(controlOf(frameworkById('pci-dss-4.0')!, '8.3.6')?.kind).toBe(ControlKind.TEMPLATE);
  });

  test('GDPR says it covers only the technical articles', () => {
    expect(frameworkById('gdpr')!.scope).toMatch(/technical/);
  });

  test('catalogs are self-contained data: no catalog reads files or the reference tables', () => {
    const dir = path.join(__dirname, '..', '..', '..', 'policies', 'frameworks');
    const offenders = fs.readdirSync(dir).filter((file) => /from '(fs|path|node:fs)'|\.tsv|require\(/.test(fs.readFileSync(path.join(dir, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
