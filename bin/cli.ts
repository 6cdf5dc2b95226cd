#!/usr/bin/env node
/**
 * `security-baseline`: the compliance checks over a cdk.out folder or plain CloudFormation templates.
 *
 * Exit codes (every command):
 *
 * | code | meaning                                                                                        |
 * |------|------------------------------------------------------------------------------------------------|
 * | 0    | done, and no unacknowledged failure at or above `--fail-on`                                    |
 * | 1    | done (the report is written in full), but an unacknowledged failure is at or above `--fail-on` |
 * | 2    | bad input or usage: one line on stderr naming the file (and line); no report is written        |
 *
 * `report` gates exactly like `check` (`--fail-on error` by default: fail closed); pass
 * `--fail-on never` to only produce the files. `diff` gates on the failures the head adds.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CheckScope, Framework, InputError, Ledger, TemplateInput, UNEXPANDED_LOOP_METADATA_KEY, evaluate, loadTemplates } from '../lib/engine';
// Evidence modules one by one: only `evidence collect` loads the collectors, and with them the AWS SDK
// (about 150 ms of start-up that `check` does not need).
import { writeEvidenceFile } from '../lib/evidence/file';
import { DEFAULT_MAX_EVIDENCE_AGE_MS } from '../lib/evidence/observations';
import { formatDuration, parseDuration } from '../lib/lambda/evidence/duration';
import { evidencePolicyDocument } from '../lib/lambda/evidence/policy';
import { Observation, REPORT_FORMATS, Report, ReportFormat, buildReport, diffReports, exitCodeFor, render, renderDiff } from '../lib/report';
import { FRAMEWORKS, frameworkById } from '../policies/frameworks';
import { RULES } from '../policies/rules';
import { observationsFromFiles } from './evidence';

/** Where the CLI writes. `isTTY`: stderr is a terminal, so progress is shown. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly isTTY?: boolean;
}

/** The `--fail-on` levels. */
type FailOn = 'error' | 'warning' | 'never';

/** A usage or input problem found by the CLI itself (exit 2, one line). */
class UsageError extends Error {}

/** The files `report` writes, one per format. */
export const REPORT_FILES: Readonly<Record<Exclude<ReportFormat, 'table'>, string>> = {
  json: 'report.json',
  md: 'report.md',
  html: 'report.html',
  sarif: 'report.sarif',
  csv: 'report.csv',
  junit: 'report.junit.xml',
  oscal: 'report.oscal.json',
};

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];
const SCOPES: readonly string[] = [CheckScope.ACCOUNT, CheckScope.WORKLOAD];
const DIFF_FORMATS = ['table', 'md', 'json'] as const;

const PATHS_HELP =
  'each path is a cdk.out folder (every stack, Stages and nested stacks), a template file ' +
  '(.json, .yaml, .yml, .template; YAML short forms and Fn::ForEach are understood) or a folder of templates (searched recursively)';

const EXIT_HELP = `
Exit codes:
  0  no unacknowledged failure at or above --fail-on
  1  an unacknowledged failure at or above --fail-on (the report is still written in full)
  2  bad input or usage (unreadable path, invalid JSON/YAML, not a template, unknown framework,
     format or option): one line on stderr, no report written`;

/**
 * Run the CLI with `argv` (the arguments after the program name) and return the exit code.
 * Never throws: every error becomes exit code 2 with one line on stderr.
 */
export async function main(argv: readonly string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, isTTY: process.stderr.isTTY }): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and --version exit 0; anything else commander rejects (including no command at all, which
      // prints the help to stderr) is a usage error, already printed.
      return e.exitCode === 0 ? 0 : 2;
    }
    io.stderr.write(`error: ${oneLine(errorMessage(e))}\n`);
    return 2;
  }
}

function errorMessage(e: unknown): string {
  if (e instanceof InputError || e instanceof UsageError) return e.message;
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err.message === 'string') return `unexpected error: ${err.message.split('\n')[0]}`;
  return `unexpected error: ${String(e)}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('security-baseline')
    .description('Check a CDK app (cdk.out) or plain CloudFormation templates against the cdk-security-baseline rules, ' +
      'and report compliance per framework control.')
    .version(toolVersion(), '-V, --version', 'print the version and exit')
    .helpOption('-h, --help', 'show help for the command')
    .helpCommand('help [command]', 'show help for a command')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // One line per error: commander's "(Did you mean ...?)" goes on the same line.
      outputError: (s, write) => write(`${oneLine(s)}\n`),
    })
    .addHelpText('after', EXIT_HELP);

  program
    .command('check')
    .description('Evaluate the rules over templates and write one report (stdout, or --output). Exits 1 on an ' +
      'unacknowledged failure at or above --fail-on.')
    .argument('<path...>', PATHS_HELP)
    .addOption(frameworkOption())
    .addOption(new Option('--format <format>', 'report format').choices(REPORT_FORMATS as string[]).default('table'))
    .option('-o, --output <file>', 'write the report to this file (atomically: a temp file, then a rename) instead of stdout')
    .addOption(failOnOption())
    .addOption(scopeOption())
    .addOption(baselineOption())
    .addOption(evidenceOption())
    .addOption(maxEvidenceAgeOption())
    .addHelpText('after', `
Examples:
  $ security-baseline check cdk.out
  $ security-baseline check cdk.out --evidence evidence.json --format md
  $ security-baseline check templates/ --framework cis-aws-3.0,pci-dss-4.0 --format sarif --output report.sarif
  $ security-baseline check cdk.out --scope workload
  $ security-baseline check app.yaml --baseline baseline/cdk.out
${EXIT_HELP}`)
    .action(async (paths: string[], opts: CheckOptions) => {
      const { report } = runChecks(paths, opts, io);
      const text = render(report, opts.format as ReportFormat);
      if (opts.output) {
        writeAtomic(opts.output, text);
        progress(io, `wrote ${opts.output}`);
      } else {
        io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      }
      setExit(exitCodeFor(report, opts.failOn));
    });

  program
    .command('report')
    .description(`Evaluate the rules over templates and write the report in every format at once into --out: ${Object.values(REPORT_FILES).join(', ')}.`)
    .argument('<path...>', PATHS_HELP)
    .requiredOption('--out <dir>', 'folder to write the reports into (created when missing; each file is written atomically)')
    .addOption(frameworkOption())
    .addOption(failOnOption('the files are written in full either way; pass never to only produce them'))
    .addOption(scopeOption())
    .addOption(baselineOption())
    .addOption(evidenceOption())
    .addOption(maxEvidenceAgeOption())
    .addHelpText('after', `
Examples:
  $ security-baseline report cdk.out --out compliance/
  $ security-baseline report cdk.out --out compliance/ --evidence evidence.json
  $ security-baseline report cdk.out --out compliance/ --framework hipaa --fail-on never
${EXIT_HELP}`)
    .action(async (paths: string[], opts: ReportCommandOptions) => {
      const { report } = runChecks(paths, opts, io);
      // Render every format before writing any, so a failure leaves no partial set behind.
      const files = Object.entries(REPORT_FILES).map(([format, name]) => ({ file: path.join(opts.out, name), text: render(report, format as ReportFormat) }));
      for (const f of files) writeAtomic(f.file, f.text);
      io.stdout.write(`wrote ${files.map((f) => f.file).join(', ')}\n`);
      setExit(exitCodeFor(report, opts.failOn));
    });

  program
    .command('controls')
    .description('List the framework catalogs: every control, its kind (template, runtime, process) and the rules mapped to it.')
    .addOption(frameworkOption('frameworks to list (comma-separated ids)'))
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'json']).default('md'))
    .addHelpText('after', `
Examples:
  $ security-baseline controls
  $ security-baseline controls --framework cis-aws-3.0 --format json`)
    .action(async (opts: { framework?: string[]; format: 'md' | 'json' }) => {
      const frameworks = (opts.framework ?? FRAMEWORKS.map((f) => f.id)).map((id) => frameworkById(id)!);
      io.stdout.write(opts.format === 'json' ? `${JSON.stringify(controlsJson(frameworks), null, 2)}\n` : controlsMarkdown(frameworks));
    });

  program
    .command('diff')
    .description('The compliance difference between two syntheses (for example main, then a pull request): new and fixed ' +
      'failures, exceptions added, expired or stale, and controls whose status changed. Exits 1 when the head adds an ' +
      'unacknowledged failure at or above --fail-on.')
    .argument('<base>', 'the base: a cdk.out folder, a template file or a folder of templates')
    .argument('<head>', 'the head, in the same form')
    .addOption(new Option('--format <format>', 'output format').choices(DIFF_FORMATS as unknown as string[]).default('table'))
    .option('-o, --output <file>', 'write the diff to this file (atomically) instead of stdout')
    .addOption(frameworkOption())
    .addOption(failOnOption('the severity of a new failure that fails the diff'))
    .addOption(scopeOption())
    .addOption(baselineOption())
    .addHelpText('after', `
Examples:
  $ security-baseline diff main.out cdk.out --format md --output diff.md
${EXIT_HELP}`)
    .action(async (base: string, head: string, opts: DiffOptions) => {
      const now = new Date();
      const before = runChecks([base], opts, io, now).report;
      const after = runChecks([head], opts, io, now).report;
      const diff = diffReports(before, after);
      const text = renderDiff(diff, opts.format);
      if (opts.output) writeAtomic(opts.output, text);
      else io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      const rank = { info: 0, warning: 1, error: 2 } as const;
      const gate = opts.failOn === 'never' ? Infinity : rank[opts.failOn];
      setExit(diff.newFailures.some((f) => rank[f.severity as keyof typeof rank] >= gate) ? 1 : 0);
    });

  const evidence = program
    .command('evidence')
    .description('Live evidence from the account (KMS keys, AWS Backup vaults, plans, recovery points, jobs and restore tests).');
  evidence
    .command('collect')
    .description('Collect live evidence on the standard AWS credential chain and write it (atomically, with a schemaVersion and a ' +
      'SHA-256 digest). The SDK\'s endpoint settings (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_KMS, AWS_ENDPOINT_URL_BACKUP) are honoured. ' +
      'What could not be read (access denied, throttled past the retries, timed out) is "not collected", with the reason; never a pass.')
    .addOption(new Option('--region <region>', 'a Region to collect in (repeat for more)').argParser((v: string, prev?: string[]) => [...(prev ?? []), v]))
    .option('-o, --output <file>', 'write the evidence to this file (atomically) instead of stdout')
    .addOption(new Option('--since <duration>', 'job history window: backup, copy and restore jobs created within it (s, m, h, d, w)').default('24h').argParser((v: string) => {
      durationArg(v, '--since');
      return v;
    }))
    .addOption(new Option('--concurrency <n>', 'requests in flight at most').default(12).argParser((v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError(`must be a whole number from 1 to 64, got '${v}'`);
      return n;
    }))
    .addHelpText('after', `
Examples:
  $ security-baseline evidence collect --region eu-west-1 --region us-east-1 --output evidence.json
  $ security-baseline evidence collect --since 7d --output evidence.json

Exit codes:
  0  the evidence was written (observations that could not be collected are in it, with their reason)
  2  bad input or usage, or no Region given: one line on stderr, nothing written`)
    .action(async (opts: { region?: string[]; output?: string; since: string; concurrency: number }) => {
      const regions = opts.region ?? [process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION].filter((r): r is string => !!r);
      if (regions.length === 0) throw new UsageError('evidence collect: no Region: pass --region <region> (repeatable) or set AWS_REGION');
      const since = new Date(Date.now() - durationArg(opts.since, '--since'));
      progress(io, `collecting evidence in ${regions.join(', ')}`);
      const { collectEvidence } = await import('../lib/lambda/evidence/collect');
      const doc = await collectEvidence({ regions, since, concurrency: opts.concurrency, tool: { name: 'cdk-security-baseline', version: toolVersion() } });
      if (opts.output) {
        try {
          writeEvidenceFile(opts.output, doc);
        } catch (e) {
          throw new UsageError(`${opts.output}: cannot write the evidence (${(e as Error).message})`);
        }
      } else {
        io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
      }
      const c = doc.counts;
      io.stderr.write(`evidence: ${c.total} observations in ${regions.join(', ')} (account ${doc.account ?? 'unknown'}): ${c.pass} pass, ${c.fail} fail, ` +
        `${c.info} info, ${c['not-collected']} not collected${opts.output ? `; wrote ${opts.output}` : ''}\n`);
    });
  evidence
    .command('policy')
    .description('Print the least-privilege, read-only IAM policy the collectors need (exactly the calls they make).')
    .action(async () => {
      io.stdout.write(`${JSON.stringify(evidencePolicyDocument(), null, 2)}\n`);
    });

  return program;
}

interface EvaluationOptions {
  readonly framework?: string[];
  readonly failOn: FailOn;
  readonly scope: string;
  readonly baseline?: string[];
  readonly evidence?: string[];
  readonly maxEvidenceAge?: string;
}

function evidenceOption(): Option {
  return new Option('--evidence <file...>', 'live evidence files (from `evidence collect`) to merge: runtime controls they cover become satisfied or not-satisfied');
}

function maxEvidenceAgeOption(): Option {
  return new Option('--max-evidence-age <duration>', 'evidence collected longer ago than this is reported as stale, never as current (s, m, h, d, w)')
    .default(formatDuration(DEFAULT_MAX_EVIDENCE_AGE_MS))
    .argParser((v: string) => {
      durationArg(v, '--max-evidence-age');
      return v;
    });
}

function durationArg(value: string, option: string): number {
  try {
    return parseDuration(value, option);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
}

interface CheckOptions extends EvaluationOptions {
  readonly format: string;
  readonly output?: string;
}

interface ReportCommandOptions extends EvaluationOptions {
  readonly out: string;
}

interface DiffOptions extends EvaluationOptions {
  readonly format: 'md' | 'json' | 'table';
  readonly output?: string;
}

function frameworkOption(description = 'only the rules mapped to these frameworks, and only these frameworks in the report (comma-separated ids)'): Option {
  return new Option('--framework <ids>', `${description}: ${FRAMEWORKS.map((f) => f.id).join(', ')} (default: every framework)`)
    .argParser(parseFrameworks);
}

function failOnOption(extra?: string): Option {
  return new Option('--fail-on <severity>', `exit 1 on an unacknowledged failure of this severity or above${extra ? ` (${extra})` : ''}`)
    .choices(FAIL_ON as string[])
    .default('error');
}

function scopeOption(): Option {
  return new Option('--scope <scope>', 'account: the templates are the account baseline, so account rules apply (fail closed); ' +
    'workload: account rules are skipped, and the report says so (unless --baseline is given)')
    .choices(SCOPES as string[])
    .default(CheckScope.ACCOUNT);
}

function baselineOption(): Option {
  return new Option('--baseline <path...>', 'the account\'s baseline templates (a cdk.out or templates), judged with the workload ' +
    'for account rules only; put it after the positional paths');
}

/** `--framework a,b`: every id must be a catalog's (the error names the valid ids). */
function parseFrameworks(value: string, previous?: string[]): string[] {
  const ids = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = ids.filter((id) => !frameworkById(id));
  if (ids.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(`unknown framework ${unknown.join(', ') || '(none given)'}; valid ids: ${FRAMEWORKS.map((f) => f.id).join(', ')}.`);
  }
  return [...new Set([...(previous ?? []), ...ids])];
}

/** Load, evaluate and build the report. Throws `InputError` on bad input, before anything is written. */
function runChecks(paths: readonly string[], opts: EvaluationOptions, io: CliIo, now = new Date()): { ledger: Ledger; report: Report } {
  const show = (m: string) => progress(io, `${m}…`);
  const inputs = loadTemplates(paths, { progress: show });
  const baseline = opts.baseline ? loadTemplates(opts.baseline, { progress: (m) => show(`${m} (baseline)`) }) : undefined;
  warnUnexpandedLoops(io, [...inputs, ...(baseline ?? [])]);
  const frameworkIds = opts.framework ?? FRAMEWORKS.map((f) => f.id);
  show(`evaluating ${RULES.length} rules`);
  const ledger = evaluate(inputs, RULES, { scope: opts.scope as CheckScope, frameworks: frameworkIds, baseline, now });
  let observations: Observation[] | undefined;
  if (opts.evidence && opts.evidence.length > 0) {
    show(`reading ${opts.evidence.length} evidence file(s)`);
    try {
      observations = observationsFromFiles(opts.evidence, RULES, parseDuration(opts.maxEvidenceAge ?? '24h', '--max-evidence-age'), now).observations;
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  // Template paths stay as the caller gave them (relative paths stay relative, as SARIF wants them).
  const report = buildReport(ledger, FRAMEWORKS, { tool: { name: 'cdk-security-baseline', version: toolVersion() }, observations });
  return { ledger, report };
}

/** Progress goes to stderr, and only when it is a terminal (CI logs stay quiet). */
function progress(io: CliIo, message: string): void {
  if (io.isTTY) io.stderr.write(`security-baseline: ${message}\n`);
}

/** A loop the loader could not expand is judged once with its value unresolved: say so, once per loop. */
function warnUnexpandedLoops(io: CliIo, inputs: readonly TemplateInput[]): void {
  for (const input of inputs) {
    const resources = (input.template as { Resources?: Record<string, any> }).Resources ?? {};
    const seen = new Set<string>();
    for (const [id, r] of Object.entries(resources)) {
      const marker = r?.Metadata?.[UNEXPANDED_LOOP_METADATA_KEY];
      if (!marker || seen.has(marker.loop)) continue;
      seen.add(marker.loop);
      const line = input.lines?.[id];
      io.stderr.write(`warning: ${input.path}${line ? `:${line}` : ''}: Fn::ForEach::${marker.loop} was not expanded (${marker.reason}); ` +
        'its resources are judged once, with the loop value unresolved\n');
    }
  }
}

/** Write a file atomically: a temp file beside it, then a rename, so readers never see half a report. */
function writeAtomic(file: string, text: string): void {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : code === 'ENOTDIR' ? 'a parent is not a folder' : (e as Error).message;
    throw new UsageError(`${file}: cannot write the output (${why})`);
  }
}

interface ControlListing {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly scope?: string;
  readonly controls: readonly { readonly id: string; readonly title: string; readonly family: string; readonly kind: string; readonly rules: readonly string[] }[];
}

function controlsJson(frameworks: readonly Framework[]): ControlListing[] {
  return frameworks.map((f) => ({
    id: f.id,
    name: f.name,
    version: f.version,
    ...(f.scope ? { scope: f.scope } : {}),
    controls: f.controls.map((c) => ({
      id: c.id,
      title: c.title,
      family: c.family,
      kind: c.kind,
      rules: RULES.filter((r) => r.controls[f.id]?.includes(c.id)).map((r) => r.id),
    })),
  }));
}

function controlsMarkdown(frameworks: readonly Framework[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const out: string[] = [];
  for (const f of controlsJson(frameworks)) {
    const mapped = f.controls.filter((c) => c.rules.length > 0).length;
    out.push(`## ${f.name} ${f.version} (\`${f.id}\`)`, '');
    if (f.scope) out.push(`Scope: ${f.scope}`, '');
    out.push(`${f.controls.length} controls, ${mapped} with rules.`, '');
    out.push('| Control | Title | Family | Kind | Rules |', '| --- | --- | --- | --- | --- |');
    for (const c of f.controls) {
      out.push(`| ${cell(c.id)} | ${cell(c.title)} | ${cell(c.family)} | ${c.kind} | ${c.rules.length ? c.rules.map((r) => `\`${r}\``).join(', ') : (c.kind === 'template' ? '—' : c.kind)} |`);
    }
    out.push('');
  }
  return `${out.join('\n')}`;
}

let version: string | undefined;

/** The package's version, from the nearest package.json up from this file (source or dist/). */
function toolVersion(): string {
  if (version) return version;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      try {
        const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
        if (pkg.name === 'cdk-security-baseline') return (version = String(pkg.version));
      } catch {
        // keep looking
      }
    }
    if (path.dirname(dir) === dir) return (version = '0.0.0');
  }
}

if (require.main === module) {
  // A closed pipe (`| head`) is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
