/**
 * Generates the framework catalogs in `policies/frameworks/` and the reference fixture the catalog test
 * reads (`test/fixtures/frameworks/reference.json`).
 *
 * Inputs: the reference tables in `../shared/catalogs/*.tsv` (control ids and the `iac` hint) and our
 * own titles and kind corrections in `scripts/framework-sources/<framework-id>.txt`, one
 * `id|title|kind|comment` line per control (blank kind = the tsv's `iac`). The generated catalogs are
 * self-contained data: nothing at runtime reads the tables.
 *
 * Run: `npx ts-node --transpile-only scripts/generate-frameworks.ts [catalogsDir]`
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const CATALOGS = process.argv[2] ?? path.join(ROOT, '..', '..', 'shared', 'catalogs');
const KINDS = ['template', 'runtime', 'process'];

interface RefRow { readonly id: string; readonly title: string; readonly iac: string; readonly category: string }
interface SourceLine { readonly title: string; readonly kind: string; readonly comment: string }
interface OutControl { readonly id: string; readonly title: string; readonly family: string; readonly kind: string; readonly comment: string }

interface Spec {
  readonly id: string;
  readonly file: string;
  readonly constName: string;
  readonly name: string;
  readonly version: string;
  readonly tsv: string;
  readonly scope?: string;
  readonly header: string;
  /** Keep only these tsv rows. */
  readonly filter?: (cells: Record<string, string>) => boolean;
  /** Ids the catalog adds to the tsv (which is partial), in catalog order from the source file. */
  readonly additionsAllowed?: boolean;
  /** Title when the source file has none. Undefined = the source must give one. */
  readonly defaultTitle?: (row: RefRow) => string;
  readonly family: (id: string, row: RefRow | undefined) => string;
  readonly extra?: string;
}

function fail(message: string): never {
  process.stderr.write(`generate-frameworks: ${message}\n`);
  process.exit(1);
}

function readTsv(file: string, filter?: (cells: Record<string, string>) => boolean): RefRow[] {
  const lines = fs.readFileSync(path.join(CATALOGS, file), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const header = lines[0].split('\t');
  return lines.slice(1).map((line) => {
    const values = line.split('\t');
    const cells: Record<string, string> = {};
    header.forEach((h, i) => { cells[h] = values[i] ?? ''; });
    return cells;
  }).filter((cells) => (filter ? filter(cells) : true)).map((cells) => ({
    id: cells.control_id,
    title: cells.title.replace(/^"(.*)"$/, '$1').replace(/""/g, '"'),
    iac: cells.iac,
    category: cells.category ?? '',
  }));
}

function readSource(id: string): { order: string[]; lines: Map<string, SourceLine> } {
  const text = fs.readFileSync(path.join(__dirname, 'framework-sources', `${id}.txt`), 'utf8');
  const order: string[] = [];
  const lines = new Map<string, SourceLine>();
  for (const raw of text.split('\n')) {
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const [cid, title = '', kind = '', comment = ''] = raw.split('|');
    if (lines.has(cid)) fail(`${id}: ${cid} is listed twice`);
    if (kind !== '' && !KINDS.includes(kind)) fail(`${id}: ${cid} has kind '${kind}'`);
    order.push(cid);
    lines.set(cid, { title: title.trim(), kind, comment: comment.trim() });
  }
  return { order, lines };
}

const NIST_FAMILIES: Record<string, string> = {
  AC: 'Access Control',
  AT: 'Awareness and Training',
  AU: 'Audit and Accountability',
  CA: 'Assessment, Authorization, and Monitoring',
  CM: 'Configuration Management',
  CP: 'Contingency Planning',
  IA: 'Identification and Authentication',
  IR: 'Incident Response',
  MA: 'Maintenance',
  MP: 'Media Protection',
  PE: 'Physical and Environmental Protection',
  PL: 'Planning',
  PM: 'Program Management',
  PS: 'Personnel Security',
  PT: 'PII Processing and Transparency',
  RA: 'Risk Assessment',
  SA: 'System and Services Acquisition',
  SC: 'System and Communications Protection',
  SI: 'System and Information Integrity',
  SR: 'Supply Chain Risk Management',
};

const CSF_CATEGORIES: Record<string, string> = {
  'GV.OC': 'Organizational Context',
  'GV.RM': 'Risk Management Strategy',
  'GV.RR': 'Roles, Responsibilities, and Authorities',
  'GV.PO': 'Policy',
  'GV.OV': 'Oversight',
  'GV.SC': 'Cybersecurity Supply Chain Risk Management',
  'ID.AM': 'Asset Management',
  'ID.RA': 'Risk Assessment',
  'ID.IM': 'Improvement',
  'PR.AA': 'Identity Management, Authentication, and Access Control',
  'PR.AT': 'Awareness and Training',
  'PR.DS': 'Data Security',
  'PR.PS': 'Platform Security',
  'PR.IR': 'Technology Infrastructure Resilience',
  'DE.CM': 'Continuous Monitoring',
  'DE.AE': 'Adverse Event Analysis',
  'RS.MA': 'Incident Management',
  'RS.AN': 'Incident Analysis',
  'RS.CO': 'Incident Response Reporting and Communication',
  'RS.MI': 'Incident Mitigation',
  'RC.RP': 'Incident Recovery Plan Execution',
  'RC.CO': 'Incident Recovery Communication',
};

const PCI_REQUIREMENTS: Record<string, string> = {
  1: 'Network security controls',
  2: 'Secure configurations',
  3: 'Protect stored account data',
  4: 'Protect cardholder data in transit',
  5: 'Protect against malicious software',
  6: 'Secure systems and software',
  7: 'Restrict access by business need',
  8: 'Identify users and authenticate access',
  9: 'Restrict physical access',
  10: 'Log and monitor all access',
  11: 'Test security regularly',
  12: 'Policies and programs',
  A1: 'Multi-tenant service providers',
  A3: 'Designated entities supplemental validation',
};

const CIS_SECTIONS: Record<string, string> = {
  1: 'Identity and Access Management',
  2: 'Storage',
  3: 'Logging',
  4: 'Monitoring',
  5: 'Networking',
};

const ISO_THEMES: Record<string, string> = {
  5: 'Organizational controls',
  6: 'People controls',
  7: 'Physical controls',
  8: 'Technological controls',
};

const HIPAA_SECTIONS: Record<string, string> = {
  '164.308': 'Administrative safeguards',
  '164.310': 'Physical safeguards',
  '164.312': 'Technical safeguards',
  '164.316': 'Policies and documentation',
};

function fsbpFamily(row: RefRow | undefined): string {
  // The category's first segment; two rows in the reference spell it differently and are normalized.
  const first = (row?.category ?? '').split(' > ')[0].split(' - ')[0].trim();
  if (first === 'Data protection') return 'Protect';
  if (!['Identify', 'Protect', 'Detect', 'Recover', 'Respond'].includes(first)) fail(`fsbp: ${row?.id} has category '${row?.category}'`);
  return first;
}

const SPECS: Spec[] = [
  {
    id: 'cis-aws-3.0', file: 'cis-aws-3-0', constName: 'CIS_AWS_3_0', name: 'CIS Amazon Web Services Foundations Benchmark',
    version: '3.0.0', tsv: 'cis_aws_3.0.tsv',
    header: 'CIS AWS Foundations Benchmark v3.0.0: every recommendation, family = benchmark section.',
    family: (id) => CIS_SECTIONS[id.split('.')[0]] ?? fail(`cis: no section for ${id}`),
  },
  {
    id: 'pci-dss-4.0', file: 'pci-dss-4-0', constName: 'PCI_DSS_4_0', name: 'Payment Card Industry Data Security Standard',
    version: '4.0', tsv: 'pci_dss_4.0.tsv',
    scope: 'The 107 PCI DSS 4.0 requirements that AWS-side evidence can support (as mapped by AWS and Prowler); physical, people and most policy requirements are not listed.',
    header: 'PCI DSS v4.0: the requirements that AWS-side evidence can support, family = principal requirement.',
    family: (id) => {
      const top = id.split('.')[0];
      return `${top} ${PCI_REQUIREMENTS[top] ?? fail(`pci: no requirement for ${id}`)}`;
    },
  },
  {
    id: 'hipaa', file: 'hipaa', constName: 'HIPAA', name: 'HIPAA Security Rule', version: '45 CFR Part 164 Subpart C',
    tsv: 'hipaa_security_rule.tsv', additionsAllowed: true,
    scope: 'The Security Rule standards and implementation specifications (45 CFR 164.308, 164.310, 164.312 and 164.316); the Privacy and Breach Notification Rules are not covered.',
    header: 'HIPAA Security Rule: standards and implementation specifications of 164.308, .310, .312 and .316.',
    family: (id) => HIPAA_SECTIONS[id.slice(0, 7)] ?? fail(`hipaa: no section for ${id}`),
  },
  {
    id: 'iso-27001-2022', file: 'iso-27001-2022', constName: 'ISO_27001_2022', name: 'ISO/IEC 27001 Annex A', version: '2022',
    tsv: 'iso27001_2022.tsv', additionsAllowed: true,
    scope: 'The 93 Annex A controls; the management system clauses 4 to 10 are not listed.',
    header: 'ISO/IEC 27001:2022 Annex A: all 93 controls, family = control theme.',
    family: (id) => ISO_THEMES[id.split('.')[1]] ?? fail(`iso: no theme for ${id}`),
  },
  {
    id: 'nist-csf-2.0', file: 'nist-csf-2-0', constName: 'NIST_CSF_2_0', name: 'NIST Cybersecurity Framework', version: '2.0',
    tsv: 'nist_csf_2.0.tsv',
    header: 'NIST CSF 2.0: the 106 subcategories, family = function and category.',
    family: (id) => {
      const category = id.split('-')[0];
      return `${category} ${CSF_CATEGORIES[category] ?? fail(`csf: no category for ${id}`)}`;
    },
  },
  {
    id: 'nist-800-53-r5', file: 'nist-800-53-r5', constName: 'NIST_800_53_R5', name: 'NIST SP 800-53', version: 'Revision 5',
    tsv: 'nist_800_53_r5.tsv',
    scope: 'The controls, enhancements and parts that AWS-side evidence can support (as mapped by AWS\'s NIST 800-53 conformance pack); the rest of the catalog is not listed.',
    header: 'NIST SP 800-53 Rev. 5: the controls and parts that AWS-side evidence can support, family = control family.',
    family: (id) => {
      const fam = id.split('-')[0];
      return `${fam} ${NIST_FAMILIES[fam] ?? fail(`800-53: no family for ${id}`)}`;
    },
    extra: [
      '/** The 20 NIST SP 800-53 Rev. 5 control families, by family id. */',
      'export const NIST_800_53_FAMILIES: Readonly<Record<string, string>> = {',
      ...Object.entries(NIST_FAMILIES).map(([k, v]) => `  ${k}: ${quote(v)},`),
      '};',
      '',
    ].join('\n'),
  },
  {
    id: 'gdpr', file: 'gdpr', constName: 'GDPR', name: 'General Data Protection Regulation', version: 'Regulation (EU) 2016/679',
    tsv: 'gdpr.tsv',
    scope: 'Only the articles with a technical side: Art. 5 (principles), 17 (erasure), 20 (portability), 25 (by design and default), 30 (records of processing) and 32 (security of processing).',
    header: 'GDPR: only the technical articles, family = chapter.',
    family: (id) => (['Art. 17', 'Art. 20'].includes(id) ? 'Chapter III Rights of the data subject'
      : id.startsWith('Art. 5') ? 'Chapter II Principles' : 'Chapter IV Controller and processor'),
  },
  {
    id: 'fsbp', file: 'fsbp', constName: 'FSBP', name: 'AWS Foundational Security Best Practices', version: '1.0.0',
    tsv: 'fsbp.tsv', filter: (cells) => cells.fsbp_status === 'current', defaultTitle: (row) => row.title,
    scope: 'The controls in the March 2025 Security Hub export that are still current; controls added after that export are not yet listed.',
    header: 'AWS Foundational Security Best Practices v1.0.0, family = first segment of the Security Hub category.',
    family: (_id, row) => fsbpFamily(row),
  },
];

function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function build(spec: Spec): { controls: OutControl[]; reference: RefRow[] } {
  const reference = readTsv(spec.tsv, spec.filter);
  const refById = new Map(reference.map((r) => [r.id, r]));
  const { order, lines } = readSource(spec.id);
  for (const cid of order) {
    if (!refById.has(cid) && !spec.additionsAllowed) fail(`${spec.id}: ${cid} is not in ${spec.tsv}`);
  }
  if (!spec.defaultTitle) {
    for (const row of reference) if (!lines.has(row.id)) fail(`${spec.id}: no title for ${row.id}`);
  }
  // Catalog order: source order when the source lists every control, else the tsv order.
  const ids = spec.defaultTitle ? reference.map((r) => r.id) : [...order, ...reference.map((r) => r.id).filter((i) => !lines.has(i))];
  const controls = ids.map((cid) => {
    const row = refById.get(cid);
    const src = lines.get(cid);
    const title = src?.title || (row && spec.defaultTitle ? spec.defaultTitle(row) : '');
    const kind = src?.kind || row?.iac || '';
    if (title === '') fail(`${spec.id}: ${cid} has no title`);
    if (title.length > 100) fail(`${spec.id}: ${cid} title is ${title.length} characters`);
    if (!KINDS.includes(kind)) fail(`${spec.id}: ${cid} has no kind (add one to the source file)`);
    return { id: cid, title, family: spec.family(cid, row), kind, comment: src?.comment ?? '' };
  });
  return { controls, reference };
}

function render(spec: Spec, controls: OutControl[]): string {
  const out: string[] = [
    '// Generated by scripts/generate-frameworks.ts from scripts/framework-sources/. Edit the sources, then regenerate.',
    'import { ControlKind, Framework } from \'../../lib/engine/framework\';',
    '',
  ];
  if (spec.extra) out.push(spec.extra);
  out.push(`/** ${spec.header} */`, `export const ${spec.constName}: Framework = {`);
  out.push(`  id: ${quote(spec.id)},`, `  name: ${quote(spec.name)},`, `  version: ${quote(spec.version)},`);
  if (spec.scope) out.push(`  scope: ${quote(spec.scope)},`);
  out.push('  controls: [');
  for (const c of controls) {
    if (c.comment) out.push(`    // ${c.comment}`);
    out.push(`    { id: ${quote(c.id)}, title: ${quote(c.title)}, family: ${quote(c.family)}, kind: ControlKind.${c.kind.toUpperCase()} },`);
  }
  out.push('  ],', '};', '');
  return out.join('\n');
}

const outDir = path.join(ROOT, 'policies', 'frameworks');
fs.mkdirSync(outDir, { recursive: true });
// The fixture holds the reference ids, and the reference title only where it is long (over 100 characters),
// so the test can prove no catalog title copies it.
const fixture: Record<string, Array<{ id: string; longTitle?: string }>> = {};
for (const spec of SPECS) {
  const { controls, reference } = build(spec);
  fs.writeFileSync(path.join(outDir, `${spec.file}.ts`), render(spec, controls));
  fixture[spec.id] = reference.map((r) => (r.title.length > 100 ? { id: r.id, longTitle: r.title } : { id: r.id }));
  process.stdout.write(`${spec.id}: ${controls.length} controls (${reference.length} reference rows)\n`);
}
const fixtureDir = path.join(ROOT, 'test', 'fixtures', 'frameworks');
fs.mkdirSync(fixtureDir, { recursive: true });
fs.writeFileSync(path.join(fixtureDir, 'reference.json'), `${JSON.stringify(fixture, null, 2)}\n`);
