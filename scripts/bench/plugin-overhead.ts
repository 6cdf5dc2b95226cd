// The packs' own cost, side by side in one process: synthesize the benchmark app once, then call each
// plugin's validate() on the same assembly, alternating, ROUNDS times, and print the medians. This is
// the overhead a pack adds to `cdk synth`, free of the noise of separate synths on a shared machine.
import * as fs from 'fs';
import * as path from 'path';
import { IPolicyValidationContext, IPolicyValidationPlugin, Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import { SecurityBaselineChecks } from '../../policies/packs';
import { bigApp } from './big-app';

const [outdir] = process.argv.slice(2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
process.env.CDK_VALIDATION = 'false';
const app = bigApp(outdir);
const assembly = app.synth();
const stacks = app.node.children.filter((c): c is Stack => Stack.isStack(c));
const context: IPolicyValidationContext = {
  templatePaths: stacks.map((s) => path.join(assembly.directory, s.templateFile)),
  stackTemplates: stacks.map((s) => ({ stackConstructPath: s.node.path, templatePath: path.join(assembly.directory, s.templateFile), accountId: s.account, region: s.region })),
  appConstruct: app,
};
const resources = stacks.reduce((n, s) => n + Object.keys(JSON.parse(fs.readFileSync(path.join(assembly.directory, s.templateFile), 'utf8')).Resources ?? {}).length, 0);

const packs: Record<string, () => IPolicyValidationPlugin[]> = {
  'aws-solutions': () => [new AwsSolutionsChecks(app)],
  'cdk-nag-4': () => [new AwsSolutionsChecks(app), new HIPAASecurityChecks(app), new NIST80053R5Checks(app), new PCIDSS321Checks(app)],
  'security-baseline': () => [new SecurityBaselineChecks(app)],
};
const times: Record<string, number[]> = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const [mode, make] of Object.entries(packs)) {
    const plugins = make();
    const start = process.hrtime.bigint();
    for (const p of plugins) p.validate(context);
    (times[mode] ??= []).push(Number(process.hrtime.bigint() - start) / 1e9);
  }
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
console.log(JSON.stringify({ resources, stacks: stacks.length, rounds: ROUNDS, medians: Object.fromEntries(Object.entries(times).map(([m, v]) => [m, median(v)])), times }));
