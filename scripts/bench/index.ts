// `npm run bench`: every speed and memory figure the issues ask for, measured side by side in one run.
//
// 1. Synth of a 50-stack, 10,000-resource app four ways (no packs; cdk-nag AwsSolutions; cdk-nag's four
//    packs; SecurityBaselineChecks with every framework), each in a fresh process: overhead over
//    no-packs, the ratio of ours to AwsSolutions (target <= 1.0), and peak memory.
// 2. `security-baseline check` over that cdk.out (target <= 3 s wall and 500 MB, node start-up
//    included) beside cdk-validator-cfnguard's cfn-guard binary running the Control Tower rules on the
//    same templates (target: at least 40x faster).
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const TS_NODE = [require.resolve('ts-node/dist/bin.js'), '--transpile-only'];
const MODES = ['none', 'aws-solutions', 'cdk-nag-4', 'security-baseline'] as const;
const RUNS = Number(process.env.BENCH_RUNS ?? 2);

interface SynthFigure { mode: string; seconds: number; peakRssMb: number; resources: number }

function synth(mode: string, outdir: string): SynthFigure {
  // The plugins' violation listings go to stderr: discarded, they are not figures.
  const out = execFileSync(process.execPath, [...TS_NODE, path.join(__dirname, 'synth-once.ts'), mode, outdir], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out.trim().split('\n').pop()!);
}

/**
 * Wall time and peak RSS of a child process. The peak is the kernel's high-water mark (VmHWM in
 * /proc/<pid>/status), polled every 10 ms while the child runs.
 */
async function timed(cmd: string, args: string[]): Promise<{ seconds: number; peakRssMb: number; status: number | null }> {
  const start = process.hrtime.bigint();
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  let peakKb = 0;
  const poll = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      // the process has just exited
    }
  }, 10);
  const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  clearInterval(poll);
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, peakRssMb: peakKb / 1024, status };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  console.log(`cdk-security-baseline benchmark (${os.cpus().length} cores, node ${process.version}), ${RUNS} run(s) per mode\n`);

  // 1. Synth four ways.
  const figures: Record<string, SynthFigure[]> = {};
  for (let run = 0; run < RUNS; run++) {
    for (const mode of MODES) {
      const outdir = path.join(work, `${mode}-${run}`);
      (figures[mode] ??= []).push(synth(mode, outdir));
      if (!(mode === 'none' && run === 0)) fs.rmSync(outdir, { recursive: true, force: true });
    }
  }
  const base = median(figures.none.map((f) => f.seconds));
  const overhead = (mode: string) => median(figures[mode].map((f) => f.seconds)) - base;
  console.log(`Synth of ${figures.none[0].resources} resources in 50 stacks (median of ${RUNS}):`);
  console.log('| Mode | Synth (s) | Overhead over no packs (s) | Peak RSS (MB) |');
  console.log('| --- | --- | --- | --- |');
  for (const mode of MODES) {
    const s = median(figures[mode].map((f) => f.seconds));
    const rss = Math.max(...figures[mode].map((f) => f.peakRssMb));
    console.log(`| ${mode} | ${s.toFixed(2)} | ${mode === 'none' ? '—' : overhead(mode).toFixed(2)} | ${rss.toFixed(0)} |`);
  }
  // The packs' own cost on the same assembly in one process (alternating rounds): the ratio the target is judged on.
  const inProcess = JSON.parse(
    execFileSync(process.execPath, [...TS_NODE, path.join(__dirname, 'plugin-overhead.ts'), path.join(work, 'plugins')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] })
      .trim().split('\n').pop()!,
  );
  console.log(`\nPlugin validate() on the same ${inProcess.resources}-resource assembly, one process, ${inProcess.rounds} alternating rounds (median s):`);
  console.log('| Pack | validate() (s) |');
  console.log('| --- | --- |');
  for (const [mode, seconds] of Object.entries<number>(inProcess.medians)) console.log(`| ${mode} | ${seconds.toFixed(2)} |`);
  const ratio = inProcess.medians['security-baseline'] / inProcess.medians['aws-solutions'];
  console.log(`\nRatio (SecurityBaselineChecks, every framework) / (cdk-nag AwsSolutions), in process: ${ratio.toFixed(3)}  target <= 1.0: ${ratio <= 1 ? 'MET' : 'MISSED'}`);
  console.log(`Ratio (SecurityBaselineChecks) / (cdk-nag four packs), in process: ${(inProcess.medians['security-baseline'] / inProcess.medians['cdk-nag-4']).toFixed(3)}`);
  console.log(`Ratio of the separate synths' overheads (noisier): ${(overhead('security-baseline') / overhead('aws-solutions')).toFixed(3)}\n`);

  // 2. The CLI over cdk.out beside cfn-guard.
  const cdkOut = path.join(work, 'none-0');
  const templates = fs.readdirSync(cdkOut).filter((f) => f.endsWith('.template.json')).map((f) => path.join(cdkOut, f));
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  const cli = path.join(ROOT, 'dist', 'bin', 'cli.js');
  const checks = [];
  for (let i = 0; i < Math.max(RUNS, 3); i++) checks.push(await timed(process.execPath, [cli, 'check', cdkOut, '--format', 'json', '--output', path.join(work, 'report.json'), '--fail-on', 'never']));
  const check = { seconds: median(checks.map((c) => c.seconds)), peakRssMb: Math.max(...checks.map((c) => c.peakRssMb)), status: checks[0].status };
  const guardPkg = path.dirname(require.resolve('@cdklabs/cdk-validator-cfnguard/package.json'));
  const guardBin = path.join(guardPkg, 'bin', 'ubuntu', os.arch() === 'arm64' ? 'aarch64' : 'x86_64', 'cfn-guard');
  const guardRules = path.join(guardPkg, 'rules', 'control-tower', 'cfn-guard');
  const guard = await timed(guardBin, ['validate', '--rules', guardRules, ...templates.flatMap((t) => ['--data', t]), '--output-format', 'json', '--show-summary', 'none', '--structured']);
  console.log(`security-baseline check over ${templates.length} templates (${figures.none[0].resources} resources), node start-up included:`);
  console.log('| Tool | Wall (s) | Peak RSS (MB) |');
  console.log('| --- | --- | --- |');
  console.log(`| security-baseline check (median of ${checks.length}) | ${check.seconds.toFixed(2)} | ${check.peakRssMb.toFixed(0)} |`);
  console.log(`| cfn-guard, Control Tower rules | ${guard.seconds.toFixed(2)} | ${guard.peakRssMb.toFixed(0)} |`);
  const speedup = guard.seconds / check.seconds;
  console.log(`\ncheck: ${check.seconds <= 3 ? 'MET' : 'MISSED'} <= 3 s; ${check.peakRssMb <= 500 ? 'MET' : 'MISSED'} <= 500 MB; ${speedup.toFixed(1)}x faster than cfn-guard (target >= 40x: ${speedup >= 40 ? 'MET' : 'MISSED'})`);
  if (check.status !== 0 && check.status !== 1) throw new Error(`security-baseline check exited ${check.status}`);

  // 3. Evidence collection against the loopback server (added with the evidence collectors).
  const evidenceBench = path.join(__dirname, 'evidence.ts');
  if (fs.existsSync(evidenceBench)) execFileSync(process.execPath, [...TS_NODE, evidenceBench], { cwd: ROOT, stdio: 'inherit' });

  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
