// `npm run bench` (part 3): evidence collection of 2,000 customer-managed keys and 10,000 recovery
// points from the loopback fake account (test/util/fake-aws.ts), with the real SDK clients, pages of
// 100 items, and at most 12 requests in flight. Target: at most 10 s.
import { collectEvidence } from '../../lib/lambda/evidence';
import { bigAccount, startFakeAws, withFakeEnv } from '../../test/util/fake-aws';

async function main(): Promise<void> {
  const keys = Number(process.env.BENCH_KEYS ?? 2_000);
  const points = Number(process.env.BENCH_RECOVERY_POINTS ?? 10_000);
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 12);
  const now = new Date();
  const fake = await startFakeAws(bigAccount(keys, points, now), { pageSize: 100 });
  try {
    const started = process.hrtime.bigint();
    const doc = await withFakeEnv(fake, () => collectEvidence({ regions: ['eu-west-1'], since: new Date(now.getTime() - 86_400_000), now, concurrency }));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const requests = [...fake.calls.values()].reduce((a, b) => a + b, 0);
    console.log(`Evidence collection: ${keys} keys, ${points} recovery points, loopback server, real SDK clients:`);
    console.log('| Requests | Peak in flight | Observations | Not collected | Wall (s) |');
    console.log('| --- | --- | --- | --- | --- |');
    console.log(`| ${requests} | ${fake.peakInFlight()} (limit ${concurrency}) | ${doc.counts.total} | ${doc.counts['not-collected']} | ${seconds.toFixed(2)} |`);
    console.log(`\nevidence collect: ${seconds <= 10 ? 'MET' : 'MISSED'} <= 10 s`);
  } finally {
    await fake.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
