// The bench's fake account in its own process (so the collector and the server do not share one
// event loop): prints `ENDPOINT <url>` once listening, serves until stdin closes, then prints the
// request count and the peak number of requests in flight as JSON.
import { bigAccount, startFakeAws } from '../../test/util/fake-aws';

async function main(): Promise<void> {
  const [keys, points, now] = process.argv.slice(2).map(Number);
  const fake = await startFakeAws(bigAccount(keys, points, new Date(now)), { pageSize: 100 });
  process.stdout.write(`ENDPOINT ${fake.endpoint}\n`);
  process.stdin.resume();
  process.stdin.on('end', async () => {
    const requests = [...fake.calls.values()].reduce((a, b) => a + b, 0);
    process.stdout.write(`STATS ${JSON.stringify({ requests, peakInFlight: fake.peakInFlight() })}\n`);
    await fake.close();
    process.exit(0);
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
