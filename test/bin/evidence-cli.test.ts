import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../bin/cli';
import { digestOf, evidencePolicyDocument, readEvidenceFile } from '../../lib/evidence';
import { FakeAccountState, FakeAws, startFakeAws, withFakeEnv } from '../util/fake-aws';

const REPO = path.join(__dirname, '..', '..');
const NOW = Date.now();
const state: FakeAccountState = {
  account: '111122223333', region: 'eu-west-1',
  keys: [{ KeyId: 'app', RotationEnabled: false, Aliases: ['alias/app'] }],
  vaults: [{ name: 'v', EncryptionKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/app', Locked: true, MinRetentionDays: 7 }],
  plans: [],
  restoreTestingPlans: [{ name: 'weekly', ScheduleExpression: 'cron(0 1 ? * SUN *)' }],
  restoreJobs: [{ id: 'r', state: 'COMPLETED', created: new Date(NOW - 86_400_000), restoreTestingPlanArn: 'arn:aws:backup:eu-west-1:111122223333:restore-testing-plan:weekly' }],
};
// A key whose template settings all pass (retained, 30-day window, rotation), so the live evidence decides.
const template = { Resources: { AppKey: { Type: 'AWS::KMS::Key', DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Properties: { EnableKeyRotation: true, PendingWindowInDays: 30, KeyPolicy: { Statement: [] } } } } };

interface Run { code: number; stdout: string; stderr: string }

async function run(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

let dir: string;
let fake: FakeAws;
beforeAll(async () => {
  fake = await startFakeAws(state);
});
afterAll(() => fake.close());
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-cli-'));
  fs.writeFileSync(path.join(dir, 'app.template.json'), JSON.stringify(template));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('security-baseline evidence (in process)', () => {
  test('evidence policy prints the read-only policy', async () => {
    const r = await run(['evidence', 'policy']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(evidencePolicyDocument());
  });

  test('evidence collect writes a checked file; check --evidence turns controls satisfied or not-satisfied, with both sources', async () => {
    // WHEN
    const file = path.join(dir, 'evidence.json');
    const collect = await withFakeEnv(fake, () => run(['evidence', 'collect', '--region', 'eu-west-1', '--output', file, '--since', '2d']));
    // THEN
    expect(collect).toMatchObject({ code: 0, stdout: '' });
    expect(collect.stderr).toMatch(/observations in eu-west-1 \(account 111122223333\): \d+ pass, \d+ fail, \d+ info, 0 not collected; wrote /);
    expect(readEvidenceFile(file).account).toBe('111122223333');

    // WHEN
    const check = await run(['check', path.join(dir, 'app.template.json'), '--evidence', file, '--format', 'json', '--fail-on', 'never']);
    // THEN
    expect(check.code).toBe(0);
    const report = JSON.parse(check.stdout);
    const control = (fw: string, id: string) => report.controls.find((c: any) => c.framework === fw && c.id === id);
    expect(control('cis-aws-3.0', '3.6')).toMatchObject({ status: 'not-satisfied' });
    // The collector's own rotation check, beside the same KMS rules judging the live key (one rule, two sources).
    expect(control('cis-aws-3.0', '3.6').observations).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'kms.KeyRotation', status: 'fail', operation: 'kms:GetKeyRotationStatus', region: 'eu-west-1' })]));
    expect(control('fsbp', 'KMS.3')).toMatchObject({ kind: 'runtime', status: 'satisfied' });
    expect(control('nist-800-53-r5', 'CP-10')).toMatchObject({ status: 'satisfied' });
  });

  test('evidence older than --max-evidence-age is stale, never current', async () => {
    // GIVEN evidence collected 3 days ago (rewritten, digest recomputed)
    const file = path.join(dir, 'evidence.json');
    await withFakeEnv(fake, () => run(['evidence', 'collect', '--region', 'eu-west-1', '--output', file]));
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    const old = new Date(NOW - 3 * 86_400_000).toISOString();
    for (const o of doc.observations) o.collected = old;
    doc.digest.value = digestOf(doc);
    fs.writeFileSync(file, JSON.stringify(doc));
    // WHEN
    const r = await run(['check', path.join(dir, 'app.template.json'), '--evidence', file, '--format', 'json', '--max-evidence-age', '48h']);
    // THEN
    const kms3 = JSON.parse(r.stdout).controls.find((c: any) => c.framework === 'fsbp' && c.id === 'KMS.3');
    expect(kms3.status).toBe('runtime-pending');
    expect(kms3.observations[0]).toMatchObject({ status: 'stale', message: expect.stringMatching(/^stale: collected 72h ago, older than the maximum age 2d/) });
  });

  test('fails when the evidence file was changed (exit 2, one line)', async () => {
    const file = path.join(dir, 'evidence.json');
    await withFakeEnv(fake, () => run(['evidence', 'collect', '--region', 'eu-west-1', '--output', file]));
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"fail"', '"pass"'));
    const r = await run(['check', path.join(dir, 'app.template.json'), '--evidence', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: evidence file .*: the SHA-256 digest does not match the content/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('fails when no Region is given, or --since is not a duration', async () => {
    const saved = { r: process.env.AWS_REGION, d: process.env.AWS_DEFAULT_REGION };
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    try {
      const r = await run(['evidence', 'collect']);
      expect(r).toMatchObject({ code: 2, stderr: expect.stringMatching(/no Region: pass --region/) });
    } finally {
      if (saved.r !== undefined) process.env.AWS_REGION = saved.r;
      if (saved.d !== undefined) process.env.AWS_DEFAULT_REGION = saved.d;
    }
    const bad = await run(['evidence', 'collect', '--region', 'eu-west-1', '--since', 'yesterday']);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringMatching(/--since must be a number followed by s, m, h, d or w.*got 'yesterday'/) });
  });
});

describe('security-baseline evidence (a real process, service-specific endpoint variables)', () => {
  test('collect, then check with it', async () => {
    const spawnCli = (args: string[]) => new Promise<Run>((resolve, reject) => {
      const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(REPO, 'bin', 'cli.ts'), ...args], {
        cwd: REPO,
        env: {
          PATH: process.env.PATH, HOME: os.tmpdir(), TS_NODE_PROJECT: path.join(REPO, 'tsconfig.json'),
          AWS_ACCESS_KEY_ID: 'AKIDLOOPBACK', AWS_SECRET_ACCESS_KEY: 'loopback-secret',
          AWS_ENDPOINT_URL_KMS: fake.endpoint, AWS_ENDPOINT_URL_BACKUP: fake.endpoint, AWS_ENDPOINT_URL_STS: fake.endpoint,
        },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
    const file = path.join(dir, 'out', 'evidence.json');
    const collect = await spawnCli(['evidence', 'collect', '--region', 'eu-west-1', '--output', file]);
    expect(collect.stderr).toMatch(/0 not collected; wrote/);
    expect(collect.code).toBe(0);
    const check = await spawnCli(['check', path.join(dir, 'app.template.json'), '--evidence', file, '--format', 'md', '--fail-on', 'never']);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/### Live evidence \(\d+\)/);
    expect(check.stdout).toMatch(/\| fail \| `kms.KeyRotation` \| arn:aws:kms:eu-west-1:111122223333:key\/app \| automatic rotation is off \| kms:GetKeyRotationStatus, request req-\d+, collected /);
  }, 240_000);
});
