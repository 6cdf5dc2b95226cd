// The EvidenceCollector Lambda: on each scheduled run, collect the same live evidence as
// `security-baseline evidence collect` (lib/lambda/evidence) and write it to the evidence bucket
// (Object Lock, so a written run cannot be changed or deleted until its retention ends).
//
// Environment: EVIDENCE_BUCKET, EVIDENCE_PREFIX, EVIDENCE_REGIONS (comma-separated; default the
// function's Region), EVIDENCE_SINCE (job-history window, for example 24h), EVIDENCE_CONCURRENCY.
//
// A run fails (throws, so the function's Errors metric and its alarm fire) when the evidence cannot be
// written, and also after writing when some observations could not be collected: access denied or
// throttled past the retries means the evidence has a gap someone must look at.
import { collectEvidence, parseDuration } from '../../../lib/lambda/evidence';
import { putObject } from '../../../lib/lambda/s3-put';

/** What one run returns (and logs). */
export interface EvidenceRunResult {
  readonly bucket: string;
  readonly key: string;
  readonly digest: string;
  readonly observations: number;
  readonly notCollected: number;
}

export async function handler(): Promise<EvidenceRunResult> {
  const bucket = required('EVIDENCE_BUCKET');
  const region = required('AWS_REGION');
  const regions = (process.env.EVIDENCE_REGIONS || region).split(',').map((r) => r.trim()).filter(Boolean);
  const since = new Date(Date.now() - parseDuration(process.env.EVIDENCE_SINCE || '24h', 'EVIDENCE_SINCE'));
  const concurrency = Number(process.env.EVIDENCE_CONCURRENCY || 12);
  const doc = await collectEvidence({ regions, since, concurrency, tool: { name: 'cdk-security-baseline EvidenceCollector', version: process.env.EVIDENCE_TOOL_VERSION || '0.0.0' } });
  const prefix = (process.env.EVIDENCE_PREFIX ?? 'evidence/').replace(/^\/+/, '');
  const key = `${prefix}${doc.account ?? 'unknown-account'}/${doc.startedAt.slice(0, 10)}/${doc.startedAt.replace(/[:.]/g, '-')}.json`;
  await putObject({
    bucket, key, region, body: `${JSON.stringify(doc, null, 2)}\n`, contentType: 'application/json',
    credentials: { accessKeyId: required('AWS_ACCESS_KEY_ID'), secretAccessKey: required('AWS_SECRET_ACCESS_KEY'), sessionToken: process.env.AWS_SESSION_TOKEN },
  });
  const result = { bucket, key, digest: doc.digest.value, observations: doc.counts.total, notCollected: doc.counts['not-collected'] };
  console.log(JSON.stringify({ message: 'evidence written', ...result }));
  if (result.notCollected > 0) {
    const reasons = [...new Set(doc.observations.filter((o) => o.status === 'not-collected').map((o) => `${o.operation}: ${o.reason}`))].slice(0, 5);
    throw new Error(`evidence written to s3://${bucket}/${key}, but ${result.notCollected} observation(s) could not be collected: ${reasons.join('; ')}`);
  }
  return result;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
