import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPORT_FILES, main } from '../../bin/cli';
import { REPORT_FORMATS } from '../../lib/report';
import { FRAMEWORKS } from '../../policies/frameworks';
import { RULES } from '../../policies/rules';

const REPO = path.join(__dirname, '..', '..');
const CORPUS = path.join(REPO, 'test', 'fixtures', 'corpus');
const VERSION = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version;

// Templates whose verdict does not depend on which rules exist: a resource type no rule judges (in
// workload scope, where account rules are skipped), and a bucket without a TLS-only policy (S3.SslOnly).
const CLEAN = '{"Resources": {"Wait": {"Type": "AWS::CloudFormation::WaitConditionHandle"}}}';
const FAILING = 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `main()` in-process, with captured output. */
async function run(args: string[], options: { isTTY?: boolean } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    isTTY: options.isTTY ?? false,
  });
  return { code, stdout, stderr };
}

/** The stderr of a bad-input run: exactly one line starting with `error: `. */
function oneErrorLine(r: Run): string {
  expect(r.stderr.endsWith('\n')).toBe(true);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  return lines[0];
}

describe('check', () => {
  test('exits 0 on a clean template and prints the table report', async () => {
    // GIVEN
    const file = write('clean.json', CLEAN);
    // WHEN
    const r = await run(['check', file, '--scope', 'workload']);
    // THEN
    expect(r).toEqual({ code: 0, stdout: expect.stringContaining(`cdk-security-baseline ${VERSION} · workload scope · 1 templates`), stderr: '' });
  });

  test('exits 1 on an unacknowledged error, and still writes the whole report', async () => {
    const file = write('bucket.yaml', FAILING);
    const r = await run(['check', file, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.results).toEqual(expect.arrayContaining([
      expect.objectContaining({ ruleId: 'S3.SslOnly', status: 'fail', logicalId: 'Bucket', line: 2 }),
    ]));
    expect(report.frameworks.map((f: any) => f.id)).toEqual(FRAMEWORKS.map((f) => f.id));
  });

  test.each([
    ['error', 1],
    ['warning', 1],
    ['never', 0],
  ])('--fail-on %s gates an error finding with exit %d', async (failOn, code) => {
    const file = write('bucket.yaml', FAILING);
    expect((await run(['check', file, '--fail-on', failOn])).code).toBe(code);
  });

  test.each(REPORT_FORMATS.map((f) => [f]))('--format %s renders the report', async (format) => {
    const file = write('bucket.yaml', FAILING);
    const r = await run(['check', file, '--format', format, '--fail-on', 'never']);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(50);
    if (format === 'json' || format === 'sarif' || format === 'oscal') expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  test('--framework keeps only the chosen frameworks and their rules', async () => {
    const file = write('bucket.yaml', FAILING);
    const r = await run(['check', file, '--framework', 'cis-aws-3.0, hipaa', '--format', 'json']);
    const report = JSON.parse(r.stdout);
    expect(report.frameworks.map((f: any) => f.id)).toEqual(['cis-aws-3.0', 'hipaa']);
    const expected = RULES.filter((rule) => rule.controls['cis-aws-3.0'] || rule.controls.hipaa).map((rule) => rule.id);
    expect(report.rules.map((rule: any) => rule.id)).toEqual(expected);
  });

  test('fails with exit 2 on an unknown framework, listing the valid ids', async () => {
    const file = write('bucket.yaml', FAILING);
    const r = await run(['check', file, '--framework', 'cis-aws-3.0,sox']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(oneErrorLine(r)).toBe(`error: option '--framework <ids>' argument 'cis-aws-3.0,sox' is invalid. unknown framework sox; valid ids: ${FRAMEWORKS.map((f) => f.id).join(', ')}.`);
  });

  test('fails with exit 2 on an unknown format, option or missing path', async () => {
    const file = write('bucket.yaml', FAILING);
    const format = await run(['check', file, '--format', 'pdf']);
    expect([format.code, oneErrorLine(format)]).toEqual([2, `error: option '--format <format>' argument 'pdf' is invalid. Allowed choices are ${REPORT_FORMATS.join(', ')}.`]);
    const option = await run(['check', file, '--frmat', 'json']);
    expect([option.code, oneErrorLine(option)]).toEqual([2, "error: unknown option '--frmat' (Did you mean --format?)"]);
    const missing = await run(['check']);
    expect([missing.code, oneErrorLine(missing)]).toEqual([2, "error: missing required argument 'path'"]);
    const command = await run(['chek', file]);
    expect([command.code, oneErrorLine(command)]).toEqual([2, "error: unknown command 'chek' (Did you mean check?)"]);
  });

  test.each([
    ['a path that does not exist', () => path.join(dir, 'nope.json'), (f: string) => `error: ${f}: no such file or directory`],
    ['invalid JSON', () => write('bad.json', '{\n  "Resources": {\n    "A": {"Type": "AWS::SNS::Topic"}\n    "B": {}\n}'), (f: string) => `error: ${f}:4:5: invalid JSON: expected ',' or '}', got "\\""`],
    ['invalid YAML', () => write('bad.yaml', 'Resources:\n  A:\n    Type: x\n   Properties: {}\n'), (f: string) => `error: ${f}:4:1: invalid YAML: All mapping items must start at the same column`],
    ['a document that is not a template', () => write('package.json', '{"name": "app"}'), (f: string) => `error: ${f}: not a CloudFormation template: it has none of Resources, AWSTemplateFormatVersion and Transform`],
    ['a folder without templates', () => { write('docs/readme.md', '# x'); return path.join(dir, 'docs'); }, (f: string) => `error: ${f}: no CloudFormation templates found in the folder (looked for .json, .yaml, .yml, .template files)`],
  ])('fails with exit 2 on %s: one line naming the file, no report written', async (_what, make, message) => {
    // GIVEN a previous report at --output
    const bad = make();
    const output = write('out/report.json', 'previous report');
    // WHEN
    const r = await run(['check', bad, '--format', 'json', '--output', output]);
    // THEN
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(oneErrorLine(r)).toBe(message(bad));
    expect(fs.readFileSync(output, 'utf8')).toBe('previous report');
    expect(fs.readdirSync(path.dirname(output))).toEqual(['report.json']);
  });

  test('fails with exit 2 when a baseline path is bad', async () => {
    const file = write('bucket.yaml', FAILING);
    const r = await run(['check', file, '--baseline', path.join(dir, 'missing')]);
    expect([r.code, oneErrorLine(r)]).toEqual([2, `error: ${path.join(dir, 'missing')}: no such file or directory`]);
  });

  test('--output writes the report atomically: the file, and no temp file beside it', async () => {
    const file = write('bucket.yaml', FAILING);
    const output = path.join(dir, 'reports', 'nested', 'check.sarif');
    const r = await run(['check', file, '--format', 'sarif', '--output', output]);
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', '']);
    expect(JSON.parse(fs.readFileSync(output, 'utf8')).version).toBe('2.1.0');
    expect(fs.readdirSync(path.dirname(output))).toEqual(['check.sarif']);
  });

  test('fails with exit 2 when --output cannot be written', async () => {
    const file = write('bucket.yaml', FAILING);
    const output = path.join(dir, 'a-folder');
    fs.mkdirSync(output);
    const r = await run(['check', file, '--output', output]);
    expect([r.code, oneErrorLine(r)]).toEqual([2, `error: ${output}: cannot write the output (it is a folder)`]);
    expect(fs.readdirSync(dir).sort()).toEqual(['a-folder', 'bucket.yaml']);
  });

  test('--scope workload skips account rules and says so in the report', async () => {
    const file = write('clean.json', CLEAN);
    const report = JSON.parse((await run(['check', file, '--scope', 'workload', '--format', 'json'])).stdout);
    expect(report.scope).toBe('workload');
    const accountRules = RULES.filter((rule) => rule.kind === 'account').map((rule) => rule.id);
    expect(report.skipped.map((s: any) => s.ruleId)).toEqual(accountRules);
    expect(report.results.filter((x: any) => accountRules.includes(x.ruleId))).toEqual([]);
  });

  test('--baseline templates are evaluated with the workload, marked as baseline', async () => {
    const workload = write('app.yaml', FAILING);
    const baseline = write('base/baseline.json', CLEAN);
    const r = await run(['check', workload, '--scope', 'workload', '--format', 'json', '--baseline', baseline]);
    const report = JSON.parse(r.stdout);
    expect(report.templates.map((t: any) => [path.basename(t.path), t.baseline])).toEqual([['app.yaml', false], ['baseline.json', true]]);
    expect(report.skipped).toEqual([]);
    // resource rules do not judge the baseline
    expect(report.results.filter((x: any) => x.template.endsWith('baseline.json') && x.logicalId !== null)).toEqual([]);
  });

  test('shows progress on stderr only when stderr is a terminal', async () => {
    const file = write('bucket.yaml', FAILING);
    const quiet = await run(['check', file], { isTTY: false });
    expect(quiet.stderr).toBe('');
    const tty = await run(['check', file, '--baseline', file], { isTTY: true });
    expect(tty.stderr).toBe([
      'security-baseline: loading 1 template…',
      'security-baseline: loading 1 template (baseline)…',
      `security-baseline: evaluating ${RULES.length} rules…`,
      '',
    ].join('\n'));
  });

  test('warns on stderr about a Fn::ForEach loop it could not expand', async () => {
    const file = path.join(CORPUS, 'foreach-unknown.json');
    const r = await run(['check', file, '--format', 'json', '--fail-on', 'never']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`warning: ${file}:8: Fn::ForEach::Queues was not expanded (parameter QueueNames has no default); its resources are judged once, with the loop value unresolved\n`);
  });

  test('an unexpected error is exit 2 with one line, never a stack trace', async () => {
    const file = write('clean.json', CLEAN);
    let stderr = '';
    const code = await main(['check', file], {
      stdout: { write: () => { throw new Error('EPIPE: broken pipe\n    at write (net.js:1:1)'); } },
      stderr: { write: (s: string) => (stderr += s) },
    });
    expect([code, stderr]).toEqual([2, 'error: unexpected error: EPIPE: broken pipe\n']);
  });
});

describe('report', () => {
  test('writes every format into --out, and gates like check (exit 1 on an error by default)', async () => {
    // GIVEN
    const file = write('bucket.yaml', FAILING);
    const out = path.join(dir, 'compliance');
    // WHEN
    const r = await run(['report', file, '--out', out]);
    // THEN
    expect(r.code).toBe(1);
    expect(fs.readdirSync(out).sort()).toEqual(Object.values(REPORT_FILES).sort());
    expect(Object.values(REPORT_FILES)).toEqual(['report.json', 'report.md', 'report.html', 'report.sarif', 'report.csv', 'report.junit.xml', 'report.oscal.json']);
    for (const name of ['report.json', 'report.sarif', 'report.oscal.json']) expect(() => JSON.parse(fs.readFileSync(path.join(out, name), 'utf8'))).not.toThrow();
    expect(fs.readFileSync(path.join(out, 'report.junit.xml'), 'utf8')).toMatch(/^<\?xml/);
    expect(fs.readFileSync(path.join(out, 'report.html'), 'utf8')).toMatch(/<html/i);
    expect(r.stdout).toBe(`wrote ${Object.values(REPORT_FILES).map((n) => path.join(out, n)).join(', ')}\n`);
  });

  test('--fail-on never only produces the files', async () => {
    const file = write('bucket.yaml', FAILING);
    expect((await run(['report', file, '--out', path.join(dir, 'o'), '--fail-on', 'never'])).code).toBe(0);
  });

  test('fails with exit 2 without --out, and writes nothing on bad input', async () => {
    const file = write('bucket.yaml', FAILING);
    const noOut = await run(['report', file]);
    expect([noOut.code, oneErrorLine(noOut)]).toEqual([2, "error: required option '--out <dir>' not specified"]);
    const bad = write('bad.yaml', 'Resources: [\n');
    const out = path.join(dir, 'never-created');
    const r = await run(['report', bad, '--out', out]);
    expect(r.code).toBe(2);
    expect(oneErrorLine(r)).toMatch(new RegExp(`^error: ${escape(bad)}:2:1: invalid YAML: `));
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('controls', () => {
  test('lists every catalog with the rules mapped to each control (markdown)', async () => {
    const r = await run(['controls']);
    expect(r.code).toBe(0);
    for (const f of FRAMEWORKS) expect(r.stdout).toContain(`## ${f.name} ${f.version} (\`${f.id}\`)`);
    const rule = RULES[0];
    const [framework, [control]] = Object.entries(rule.controls)[0];
    const row = r.stdout.split('\n').find((l) => l.startsWith(`| ${control} |`) && r.stdout.lastIndexOf(`(\`${framework}\`)`, r.stdout.indexOf(l)) >= 0);
    expect(row).toContain(`\`${rule.id}\``);
  });

  test('--framework and --format json list one catalog as data', async () => {
    const r = await run(['controls', '--framework', 'cis-aws-3.0', '--format', 'json']);
    const [cis] = JSON.parse(r.stdout);
    const catalog = FRAMEWORKS.find((f) => f.id === 'cis-aws-3.0')!;
    expect(JSON.parse(r.stdout)).toHaveLength(1);
    expect(cis.controls).toHaveLength(catalog.controls.length);
    for (const c of cis.controls) {
      expect(c.rules).toEqual(RULES.filter((rule) => rule.controls['cis-aws-3.0']?.includes(c.id)).map((rule) => rule.id));
    }
  });

  test('fails with exit 2 on an unknown framework', async () => {
    const r = await run(['controls', '--framework', 'soc2']);
    expect([r.code, oneErrorLine(r)]).toEqual([2, expect.stringContaining('unknown framework soc2; valid ids: cis-aws-3.0')]);
  });
});

describe('diff', () => {
  test('exits 1 when the head adds an unacknowledged error, and shows it', async () => {
    const base = write('base/t.json', CLEAN);
    const head = write('head/t.yaml', FAILING);
    const r = await run(['diff', base, head, '--format', 'json', '--scope', 'workload']);
    expect(r.code).toBe(1);
    const diff = JSON.parse(r.stdout);
    expect(diff.newFailures).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'S3.SslOnly', logicalId: 'Bucket' })]));
    expect(diff.newFailures.every((f: any) => f.logicalId === 'Bucket')).toBe(true);
  });

  test('exits 0 when the head fixes failures, and lists them as fixed', async () => {
    const base = write('base/t.yaml', FAILING);
    const head = write('head/t.json', CLEAN);
    const r = await run(['diff', base, head, '--format', 'md', '--scope', 'workload']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('S3.SslOnly');
  });

  test('--fail-on never and --output', async () => {
    const base = write('base/t.json', CLEAN);
    const head = write('head/t.yaml', FAILING);
    const output = path.join(dir, 'diff.txt');
    const r = await run(['diff', base, head, '--fail-on', 'never', '--output', output]);
    expect([r.code, r.stdout]).toEqual([0, '']);
    expect(fs.readFileSync(output, 'utf8')).toContain('S3.SslOnly');
  });

  test('fails with exit 2 when one side is bad input', async () => {
    const base = write('base/t.json', CLEAN);
    const r = await run(['diff', base, path.join(dir, 'missing')]);
    expect([r.code, oneErrorLine(r)]).toEqual([2, `error: ${path.join(dir, 'missing')}: no such file or directory`]);
  });
});

describe('help and version', () => {
  test('--version prints the package version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  test.each([
    [[], ['check', 'report', 'controls', 'diff', '--version', 'Exit codes:']],
    [['check'], ['<path...>', '--framework <ids>', '--format <format>', '--output <file>', '--fail-on <severity>', '--scope <scope>', '--baseline <path...>', 'Examples:', 'Exit codes:']],
    [['report'], ['<path...>', '--out <dir>', '--framework <ids>', '--fail-on <severity>', '--scope <scope>', '--baseline <path...>', 'report.junit.xml']],
    [['controls'], ['--framework <ids>', '--format <format>', '"md", "json"']],
    [['diff'], ['<base>', '<head>', '--format <format>', '--output <file>', '--fail-on <severity>', '--framework <ids>']],
  ])('%j --help documents every argument and option', async (command, expected) => {
    const r = await run([...command, '--help']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    for (const text of expected) expect(r.stdout).toContain(text);
  });

  test('the help command shows a command\'s help with exit 0', async () => {
    const r = await run(['help', 'diff']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('Usage: security-baseline diff [options] <base> <head>');
  });

  test('no command shows the help on stderr with exit 2', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: security-baseline [options] [command]');
  });
});

describe('corpus of real-world-style templates', () => {
  const files = fs.readdirSync(CORPUS).sort();

  test('holds at least 15 templates, JSON and YAML', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    expect(files.filter((f) => f.endsWith('.json')).length).toBeGreaterThan(3);
    expect(files.filter((f) => f.endsWith('.yaml')).length).toBeGreaterThan(3);
  });

  test.each(files.map((f) => [f]))('%s: checks without crashing (exit 0 or 1, a valid JSON report)', async (name) => {
    const r = await run(['check', path.join(CORPUS, name), '--format', 'json']);
    expect([0, 1]).toContain(r.code);
    const report = JSON.parse(r.stdout);
    expect(report.templates).toHaveLength(1);
    expect(r.stderr.split('\n').filter((l) => l && !l.startsWith('warning: '))).toEqual([]);
  });

  test('exports and imports across two templates resolve together', async () => {
    const r = await run(['check', path.join(CORPUS, 'exports-shared.yaml'), path.join(CORPUS, 'imports-workload.yaml'), '--format', 'json']);
    expect([0, 1]).toContain(r.code);
    expect(JSON.parse(r.stdout).templates.map((t: any) => t.stack)).toEqual(['exports-shared', 'imports-workload']);
  });
});

describe('as a real process (node -r ts-node/register/transpile-only bin/cli.ts)', () => {
  /** Spawn the CLI; resolves with its exit code and output. */
  function spawnCli(args: string[]): Promise<Run> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(REPO, 'bin', 'cli.ts'), ...args], {
        cwd: REPO,
        env: { ...process.env, TS_NODE_PROJECT: path.join(REPO, 'tsconfig.json') },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
  }

  /** Run the cases two at a time (the machine has two cores). */
  async function all(cases: string[][]): Promise<Run[]> {
    const results: Run[] = new Array(cases.length);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < cases.length; i = next++) results[i] = await spawnCli(cases[i]);
    };
    await Promise.all([worker(), worker()]);
    return results;
  }

  test('every exit code and every kind of bad input', async () => {
    // GIVEN
    const clean = write('clean.json', CLEAN);
    const failing = write('bucket.yaml', FAILING);
    const badJson = write('bad.json', '{"Resources": {"A": }}');
    const badYaml = write('bad.yaml', 'Resources:\n  A:\n    Type: x\n   Properties: {}\n');
    const notTemplate = write('list.yaml', '- a\n- b\n');
    const missing = path.join(dir, 'missing.template');
    // WHEN
    const [ok, fail, help, unreadable, json, yaml, nonTemplate, framework, corpus] = await all([
      ['check', clean, '--scope', 'workload'],
      ['check', failing],
      ['--help'],
      ['check', missing],
      ['check', badJson],
      ['check', badYaml],
      ['check', notTemplate],
      ['check', clean, '--framework', 'nope'],
      ['check', CORPUS, '--format', 'json'],
    ]);
    // THEN
    expect([ok.code, ok.stderr]).toEqual([0, '']);
    expect(fail.code).toBe(1);
    expect(fail.stdout).toContain('S3.SslOnly');
    expect([help.code, help.stdout]).toEqual([0, expect.stringContaining('Usage: security-baseline [options] [command]')]);
    expect([unreadable.code, unreadable.stdout, unreadable.stderr]).toEqual([2, '', `error: ${missing}: no such file or directory\n`]);
    expect([json.code, json.stdout, json.stderr]).toEqual([2, '', `error: ${badJson}:1:21: invalid JSON: unexpected "}"\n`]);
    expect([yaml.code, yaml.stdout, yaml.stderr]).toEqual([2, '', `error: ${badYaml}:4:1: invalid YAML: All mapping items must start at the same column\n`]);
    expect([nonTemplate.code, nonTemplate.stderr]).toEqual([2, `error: ${notTemplate}: not a CloudFormation template: the file holds a list, expected a map with Resources, AWSTemplateFormatVersion or Transform\n`]);
    expect([framework.code, framework.stderr]).toEqual([2, expect.stringMatching(/^error: option '--framework <ids>' argument 'nope' is invalid\. unknown framework nope; valid ids: cis-aws-3\.0, [^\n]+\n$/)]);
    expect([0, 1]).toContain(corpus.code);
    expect(JSON.parse(corpus.stdout).templates).toHaveLength(fs.readdirSync(CORPUS).length);
  }, 540_000); // nine processes, each compiling the sources with ts-node, on a shared two-core machine
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
