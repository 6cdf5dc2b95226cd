// `npm run bench` (part 3): evidence collection of 2,000 customer-managed keys and 10,000 recovery
// points from the loopback fake account (test/util/fake-aws.ts, run in its own process), with the
// real SDK clients, pages of 100 items and at most 12 requests in flight. Target: at most 10 s.
// The figure is wall time of collectEvidence alone (the fake's start-up excluded), plus its CPU time.
import { spawn } from 'child_process';
import * as path from 'path';
import { collectEvidence } from '../../lib/lambda/evidence';

async function main(): Promise<void> {
  const keys = Number(process.env.BENCH_KEYS ?? 2_000);
  const points = Number(process.env.BENCH_RECOVERY_POINTS ?? 10_000);
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 12);
  const now = new Date();
  const server = spawn(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', path.join(__dirname, 'fake-aws-server.ts'), String(keys), String(points), String(now.getTime())], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  server.stdout.on('data', (d) => (out += d));
  const endpoint = await new Promise<string>((resolve, reject) => {
    server.on('exit', (code) => reject(new Error(`fake server exited ${code}`)));
    const poll = setInterval(() => {
      const m = /ENDPOINT (\S+)/.exec(out);
      if (m) {
        clearInterval(poll);
        resolve(m[1]);
      }
    }, 20);
  });
  Object.assign(process.env, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: 'AKIDLOOPBACK', AWS_SECRET_ACCESS_KEY: 'loopback-secret' });
  delete process.env.AWS_PROFILE;
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const doc = await collectEvidence({ regions: ['eu-west-1'], since: new Date(now.getTime() - 86_400_000), now, concurrency });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  server.stdin.end();
  const stats = await new Promise<{ requests: number; peakInFlight: number }>((resolve) => {
    const poll = setInterval(() => {
      const m = /STATS (\{.*\})/.exec(out);
      if (m) {
        clearInterval(poll);
        resolve(JSON.parse(m[1]));
      }
    }, 20);
  });
  console.log(`Evidence collection: ${keys} keys, ${points} recovery points, loopback fake account, real SDK clients:`);
  console.log('| Requests | Peak in flight (server) | Observations | Not collected | Wall (s) | Collector CPU (s) |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  console.log(`| ${stats.requests} | ${stats.peakInFlight} (limit ${concurrency}) | ${doc.counts.total} | ${doc.counts['not-collected']} | ${seconds.toFixed(2)} | ${((used.user + used.system) / 1e6).toFixed(2)} |`);
  console.log(`\nevidence collect: ${seconds <= 10 ? 'MET' : 'MISSED'} <= 10 s; ${stats.peakInFlight <= concurrency ? 'MET' : 'MISSED'} <= ${concurrency} in flight; ${doc.counts['not-collected'] === 0 ? 'everything collected' : 'some observations NOT collected'}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
