// Catalog and rule-metadata integrity: every mapped control exists, every equivalent id is real.
import * as fs from 'fs';
import * as path from 'path';
import { FRAMEWORKS, frameworkById } from '../../policies/frameworks';
import { RULES } from '../../policies/rules';

const nagDir = path.dirname(require.resolve('cdk-nag/lib/packs/hipaa-security.js'));
const guardDir = path.join(path.dirname(require.resolve('@cdklabs/cdk-validator-cfnguard/package.json')), 'rules', 'control-tower', 'cfn-guard');

/** Rule ids cdk-nag's four packs can report, read from the packs' own source. */
function cdkNagRuleIds(): Set<string> {
  const ids = new Set<string>();
  const aws = fs.readFileSync(path.join(nagDir, 'aws-solutions.js'), 'utf8');
  for (const m of aws.matchAll(/ruleSuffixOverride:\s*['"]([A-Za-z0-9]+)['"]/g)) ids.add(`AwsSolutions-${m[1]}`);
  for (const [file, prefix] of [['hipaa-security.js', 'HIPAA.Security'], ['nist-800-53-r5.js', 'NIST.800.53.R5'], ['pci-dss-321.js', 'PCI.DSS.321']]) {
    const src = fs.readFileSync(path.join(nagDir, file), 'utf8');
    for (const m of src.matchAll(/rule:\s*[A-Za-z0-9_]+\.([A-Za-z0-9]+)/g)) ids.add(`${prefix}-${m[1]}`);
  }
  return ids;
}

/** Control Tower proactive control ids shipped with @cdklabs/cdk-validator-cfnguard (ct-s3-pr-1.guard -> CT.S3.PR.1). */
function cfnGuardRuleIds(): Set<string> {
  const ids = new Set<string>();
  for (const service of fs.readdirSync(guardDir)) {
    for (const file of fs.readdirSync(path.join(guardDir, service))) {
      const m = /^ct-([a-z0-9]+)-pr-(\d+)\.guard$/.exec(file);
      if (m) ids.add(`CT.${m[1].toUpperCase()}.PR.${m[2]}`);
    }
  }
  return ids;
}

describe('rule metadata', () => {
  test('there are rules, with unique, stable-form ids', () => {
    expect(RULES.length).toBeGreaterThan(0);
    const ids = RULES.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids.filter((id) => !/^[A-Z][A-Za-z0-9]*\.[A-Z][A-Za-z0-9]*$/.test(id))).toEqual([]);
  });

  test.each(RULES.map((r) => [r.id, r]))('%s has a severity, title, fix and at least one control mapping', (_id, rule) => {
    expect(['error', 'warning', 'info']).toContain(rule.severity);
    expect(rule.title.length).toBeGreaterThan(10);
    expect(rule.fix.length).toBeGreaterThan(10);
    expect(Object.values(rule.controls).flat().length).toBeGreaterThan(0);
    if (rule.kind === 'resource') expect(rule.resourceTypes.length).toBeGreaterThan(0);
  });

  test('every control id a rule maps to exists in its framework catalog', () => {
    const missing: string[] = [];
    for (const rule of RULES) {
      for (const [framework, ids] of Object.entries(rule.controls)) {
        const catalog = frameworkById(framework);
        if (!catalog) {
          missing.push(`${rule.id}: unknown framework ${framework}`);
          continue;
        }
        for (const id of ids) if (!catalog.controls.some((c) => c.id === id)) missing.push(`${rule.id}: ${framework} ${id}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('every cdk-nag and cfn-guard equivalent names a real rule', () => {
    const nag = cdkNagRuleIds();
    const guard = cfnGuardRuleIds();
    expect(nag.size).toBeGreaterThan(200);
    expect(guard.size).toBeGreaterThan(100);
    const unknown: string[] = [];
    for (const rule of RULES) {
      for (const id of rule.equivalents?.['cdk-nag'] ?? []) if (!nag.has(id)) unknown.push(`${rule.id}: cdk-nag ${id}`);
      for (const id of rule.equivalents?.['cfn-guard'] ?? []) if (!guard.has(id)) unknown.push(`${rule.id}: cfn-guard ${id}`);
    }
    expect(unknown).toEqual([]);
  });

  test('every framework has at least one rule mapped to it', () => {
    const mapped = new Set(RULES.flatMap((r) => Object.keys(r.controls)));
    expect(FRAMEWORKS.map((f) => f.id).filter((id) => !mapped.has(id))).toEqual([]);
  });
});
