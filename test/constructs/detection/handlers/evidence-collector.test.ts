import { createHash } from 'crypto';
import { handler } from '../../../../constructs/detection/handlers/evidence-collector';
import { checkEvidence } from '../../../../lib/evidence';
import { FakeAws, bigAccount, startFakeAws, withFakeEnv } from '../../../util/fake-aws';

async function runHandler(fake: FakeAws, env: Record<string, string> = {}) {
  const saved = { ...process.env };
  Object.assign(process.env, { EVIDENCE_BUCKET: 'evidence-bucket', EVIDENCE_PREFIX: 'evidence/', EVIDENCE_SINCE: '24h', ...env });
  try {
    return await withFakeEnv(fake, () => handler());
  } finally {
    for (const k of ['EVIDENCE_BUCKET', 'EVIDENCE_PREFIX', 'EVIDENCE_SINCE', 'EVIDENCE_REGIONS', ...Object.keys(env)]) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
}

describe('evidence-collector handler (real SDK clients, loopback account and S3)', () => {
  test('collects and writes one checked evidence object with Content-MD5 and a SigV4 signature', async () => {
    // GIVEN
    const fake = await startFakeAws(bigAccount(5, 20));
    try {
      // WHEN
      const result = await runHandler(fake);
      // THEN
      expect(result).toMatchObject({ bucket: 'evidence-bucket', notCollected: 0 });
      expect(result.key).toMatch(/^evidence\/123456789012\/\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.json$/);
      const object = fake.objects.get(`/evidence-bucket/${result.key}`)!;
      expect(object).toBeDefined();
      expect(object.headers['content-md5']).toBe(createHash('md5').update(object.body).digest('base64'));
      expect(object.headers['x-amz-content-sha256']).toBe(createHash('sha256').update(object.body).digest('hex'));
      expect(String(object.headers.authorization)).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDLOOPBACK\/\d{8}\/eu-west-1\/s3\/aws4_request, SignedHeaders=content-length;content-md5;content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/);
      expect(checkEvidence(JSON.parse(object.body)).digest.value).toBe(result.digest);
    } finally {
      await fake.close();
    }
  });

  test('a run with observations not collected writes them, then fails (so the alarm fires)', async () => {
    const fake = await startFakeAws(bigAccount(2, 4), { deny: ['kms:GetKeyPolicy'] });
    try {
      await expect(runHandler(fake)).rejects.toThrow(/evidence written to s3:\/\/evidence-bucket\/evidence\/.*, but 2 observation\(s\) could not be collected: kms:GetKeyPolicy: access denied/);
      expect(fake.objects.size).toBe(1);
    } finally {
      await fake.close();
    }
  });

  test('fails when the bucket is not set', async () => {
    const fake = await startFakeAws(bigAccount(1, 1));
    try {
      await expect(runHandler(fake, { EVIDENCE_BUCKET: '' })).rejects.toThrow(/EVIDENCE_BUCKET is not set/);
      expect(fake.calls.size).toBe(0);
    } finally {
      await fake.close();
    }
  });
});
