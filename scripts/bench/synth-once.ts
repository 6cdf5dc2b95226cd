// One benchmark synth in a fresh process: `ts-node synth-once.ts <mode> <outdir>`; prints one JSON line.
// Modes: none | aws-solutions | cdk-nag-4 | security-baseline
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import { SecurityBaselineChecks } from '../../policies/packs';
import { bigApp } from './big-app';

const [mode, outdir] = process.argv.slice(2);
process.env.CDK_VALIDATION = 'false';
const app = bigApp(outdir);
if (mode === 'aws-solutions') Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
if (mode === 'cdk-nag-4') Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new HIPAASecurityChecks(app), new NIST80053R5Checks(app), new PCIDSS321Checks(app));
if (mode === 'security-baseline') Validations.of(app).addPlugins(new SecurityBaselineChecks(app));
const start = process.hrtime.bigint();
let failed = false;
try {
  app.synth();
} catch (e) {
  failed = /ValidationFailed/.test(String(e));
  if (!failed) throw e;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const resources = app.node.findAll().filter((c: any) => c.cfnResourceType !== undefined).length;
console.log(JSON.stringify({ mode, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, resources, validationFailed: failed }));
