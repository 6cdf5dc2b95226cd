// Collect live evidence from an account: KMS and AWS Backup, in each region, on the standard AWS
// credential chain. Endpoints come from the SDK's own settings (AWS_ENDPOINT_URL,
// AWS_ENDPOINT_URL_KMS, AWS_ENDPOINT_URL_BACKUP, AWS_ENDPOINT_URL_STS), so a test points the real
// clients at a loopback server with no code path of our own.
// @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
//
// The account comes from STS GetCallerIdentity (it needs no permission). If STS cannot be read, the
// account is null and an `sts.CallerIdentity` observation says why; the rest of the run goes on.
// Retries are the SDK's standard mode (exponential backoff with jitter on throttling, 5xx and
// timeouts); `maxAttempts` raises its attempt count, and each attempt has a hard time limit.
// @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
import { BackupClient } from '@aws-sdk/client-backup';
import { KMSClient } from '@aws-sdk/client-kms';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { collectBackup } from './backup';
import { RegionContext, call, observe } from './context';
import { digestOf } from './digest';
import { collectKms } from './kms';
import { Pool } from './pool';
import { EVIDENCE_SCHEMA_VERSION, EvidenceDocument, EvidenceObservation, EvidenceStatus } from './types';

/** Options of `collectEvidence`. */
export interface CollectOptions {
  /** Regions to collect in (at least one). */
  readonly regions: readonly string[];
  /** Job history window: jobs created since this time. */
  readonly since: Date;
  /** Requests in flight at most, across every region. @default 12 */
  readonly concurrency?: number;
  /** Attempts per request (the SDK's standard retry mode). @default 6 */
  readonly maxAttempts?: number;
  /** Time limit of one attempt, in milliseconds. @default 10000 */
  readonly timeoutMs?: number;
  /** The time ages and windows are judged against. @default - now */
  readonly now?: Date;
  /** The tool named in the document. @default cdk-security-baseline 0.0.0 */
  readonly tool?: { readonly name: string; readonly version: string };
}

/** Collect KMS and Backup evidence and return the document (digest included). */
export async function collectEvidence(options: CollectOptions): Promise<EvidenceDocument & { readonly peakInFlight: number }> {
  if (options.regions.length === 0) throw new Error('collectEvidence: name at least one region (--region, or AWS_REGION)');
  const startedAt = new Date();
  const now = options.now ?? startedAt;
  const pool = new Pool(options.concurrency ?? 12);
  const config = {
    maxAttempts: options.maxAttempts ?? 6,
    // Resolve each command's middleware stack once, not on every send: the collectors never change the
    // stack, and a run of 6,000 requests spends about a second of CPU re-sorting it otherwise.
    cacheMiddleware: true,
    // throwOnRequestTimeout: without it the handler only logs a warning when requestTimeout passes.
    requestHandler: { requestTimeout: options.timeoutMs ?? 10_000, connectionTimeout: options.timeoutMs ?? 10_000, throwOnRequestTimeout: true },
  };
  const observations: EvidenceObservation[] = [];

  const sts = new STSClient({ region: options.regions[0], ...config });
  const identityCtx: RegionContext = { region: options.regions[0], account: null, partition: 'aws', pool, since: options.since, now, observations };
  const identity = await call(identityCtx, () => sts.send(new GetCallerIdentityCommand({})));
  const account = identity.ok ? identity.value.Account ?? null : null;
  const partition = identity.ok ? /^arn:([^:]+):/.exec(identity.value.Arn ?? '')?.[1] ?? 'aws' : 'aws';
  observe({ ...identityCtx, account }, identity.ok
    ? { check: 'sts.CallerIdentity', status: 'info', title: 'The account evidence was collected from', subject: identity.value.Arn ?? 'caller', operation: 'sts:GetCallerIdentity', requestId: identity.requestId, message: `account ${account}`, observed: { Account: account, Arn: identity.value.Arn ?? null } }
    : { check: 'sts.CallerIdentity', status: 'not-collected', title: 'The account evidence was collected from', subject: 'caller', operation: 'sts:GetCallerIdentity', requestId: identity.requestId, observed: null, message: `not collected: ${identity.reason}`, reason: identity.reason });
  sts.destroy();

  await Promise.all(options.regions.map(async (region) => {
    const ctx: RegionContext = { region, account, partition, pool, since: options.since, now, observations };
    const kms = new KMSClient({ region, ...config });
    const backup = new BackupClient({ region, ...config });
    try {
      // KMS first, then Backup: both run on the same pool, so the order only sets which starts first.
      await Promise.all([collectKms(ctx, kms), collectBackup(ctx, backup)]);
    } finally {
      kms.destroy();
      backup.destroy();
    }
  }));

  observations.sort((a, b) => cmp(a.region, b.region) || cmp(a.check, b.check) || cmp(a.subject, b.subject) || cmp(a.operation, b.operation));
  const counts = Object.fromEntries((['pass', 'fail', 'info', 'not-collected'] as EvidenceStatus[]).map((s) => [s, observations.filter((o) => o.status === s).length])) as Record<EvidenceStatus, number>;
  const body = {
    schemaVersion: EVIDENCE_SCHEMA_VERSION,
    tool: options.tool ?? { name: 'cdk-security-baseline', version: '0.0.0' },
    account,
    regions: [...options.regions],
    since: options.since.toISOString(),
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    counts: { ...counts, total: observations.length },
    observations,
  };
  const doc: EvidenceDocument = { ...body, digest: { algorithm: 'sha256', value: digestOf(body) } };
  // Not part of the document (nor of its digest): how many requests the pool ever held at once.
  return Object.defineProperty(doc, 'peakInFlight', { value: pool.peak, enumerable: false }) as EvidenceDocument & { readonly peakInFlight: number };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
