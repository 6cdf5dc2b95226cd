// A fake AWS account on a loopback server, for the evidence collectors' tests and bench. One server
// speaks three wire protocols, as the real SDK clients send them:
// - KMS, awsJson1.1: POST / with `X-Amz-Target: TrentService.<Operation>` and a JSON body.
// - AWS Backup, restJson1: GET /backup-vaults, /backup/plans/{id}, /restore-jobs?createdAfter=..., ...
// - STS, awsQuery: POST / with a form body `Action=GetCallerIdentity`, answered in XML.
// Every list is paged (`pageSize` items at most, whatever the client asks for), and faults can be
// injected: throttling every Nth request, a 5xx every Nth request, AccessDenied on chosen operations,
// and a delay longer than the client's timeout on chosen requests. The server counts requests in flight.
import { Loopback, startLoopback } from './loopback';

export interface FakeKey {
  readonly KeyId: string;
  readonly KeyManager?: 'CUSTOMER' | 'AWS';
  readonly KeyState?: string;
  readonly KeySpec?: string;
  readonly Origin?: string;
  readonly MultiRegion?: boolean;
  readonly RotationEnabled?: boolean;
  readonly RotationPeriodInDays?: number;
  readonly Policy?: string;
  readonly Aliases?: readonly string[];
  readonly DeletionDate?: Date;
}
export interface FakeRecoveryPoint {
  readonly ResourceArn: string;
  readonly CreationDate: Date;
  readonly Status?: string;
  readonly BackupPlanId?: string;
  readonly BackupRuleId?: string;
}
export interface FakeVault {
  readonly name: string;
  readonly EncryptionKeyArn?: string;
  readonly Locked?: boolean;
  readonly MinRetentionDays?: number;
  readonly MaxRetentionDays?: number;
  readonly Policy?: string;
  readonly recoveryPoints?: readonly FakeRecoveryPoint[];
}
export interface FakePlan {
  readonly id: string;
  readonly name: string;
  readonly rules: readonly { RuleId: string; RuleName: string; ScheduleExpression?: string; TargetBackupVaultName: string; StartWindowMinutes?: number }[];
  readonly selections: readonly string[];
}
export interface FakeJob {
  readonly id: string;
  readonly state: string;
  readonly created: Date;
  readonly ResourceArn?: string;
  readonly restoreTestingPlanArn?: string;
  readonly ValidationStatus?: string;
}
export interface FakeRestoreTestingPlan {
  readonly name: string;
  readonly ScheduleExpression: string;
  readonly StartWindowHours?: number;
}
export interface FakeAccountState {
  readonly account: string;
  readonly region: string;
  readonly keys: readonly FakeKey[];
  readonly vaults: readonly FakeVault[];
  readonly plans: readonly FakePlan[];
  readonly backupJobs?: readonly FakeJob[];
  readonly copyJobs?: readonly FakeJob[];
  readonly restoreJobs?: readonly FakeJob[];
  readonly restoreTestingPlans?: readonly FakeRestoreTestingPlan[];
}
export interface FakeFaults {
  /** Answer every Nth request (1-based, counting every request) with a throttling error. */
  readonly throttleEvery?: number;
  /** Answer every Nth request with a 500 (counted separately from throttling). */
  readonly serverErrorEvery?: number;
  /** Operations (`kms:GetKeyPolicy`, `backup:ListRestoreTestingPlans`) that always answer AccessDenied. */
  readonly deny?: readonly string[];
  /** Hold back the answer to matching requests by `delayMs` (longer than the client's timeout). */
  readonly delay?: { readonly operation: string; readonly subject?: string; readonly delayMs: number };
  /** Items per page at most. @default 50 */
  readonly pageSize?: number;
  /** Server-side latency of every answer, so requests overlap and `peakInFlight` measures them. @default 1 */
  readonly latencyMs?: number;
}

export interface FakeAws extends Loopback {
  /** Operations served (IAM action names), with how many times. */
  readonly calls: Map<string, number>;
  /** Objects PUT to the fake S3 (path-style `/<bucket>/<key>`), with the request headers. */
  readonly objects: Map<string, { body: string; headers: Record<string, unknown> }>;
  /** The most requests the server held at once. */
  readonly peakInFlight: () => number;
  /** Environment for the SDK: endpoint and static credentials. */
  readonly env: Record<string, string>;
}

const epoch = (d: Date | undefined) => (d ? d.getTime() / 1000 : undefined);

/** Start the fake account. */
export async function startFakeAws(state: FakeAccountState, faults: FakeFaults = {}): Promise<FakeAws> {
  const pageSize = faults.pageSize ?? 50;
  const calls = new Map<string, number>();
  const objects = new Map<string, { body: string; headers: Record<string, unknown> }>();
  let inFlight = 0;
  let peak = 0;
  let served = 0;
  const keyArn = (id: string) => `arn:aws:kms:${state.region}:${state.account}:key/${id}`;
  const vaultArn = (name: string) => `arn:aws:backup:${state.region}:${state.account}:backup-vault:${name}`;
  const planArn = (id: string) => `arn:aws:backup:${state.region}:${state.account}:backup-plan:${id}`;
  const rtpArn = (name: string) => `arn:aws:backup:${state.region}:${state.account}:restore-testing-plan:${name}`;

  const page = <T>(items: readonly T[], token: string | undefined, limit: number | undefined) => {
    const start = token ? Number(token.replace(/^p/, '')) : 0;
    const size = Math.min(limit ?? pageSize, pageSize);
    const slice = items.slice(start, start + size);
    const next = start + size < items.length ? `p${start + size}` : undefined;
    return { slice, next };
  };

  const loop = await startLoopback(async (req) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    try {
      await new Promise((r) => setTimeout(r, faults.latencyMs ?? 1).unref());
      const url = new URL(req.url, 'http://fake');
      const target = String(req.headers['x-amz-target'] ?? '');
      const form = new URLSearchParams(req.body);
      const service = target.startsWith('TrentService.') ? 'kms' : req.method === 'POST' && form.get('Action') ? 'sts' : req.method === 'PUT' ? 's3' : 'backup';
      const op = service === 'kms' ? target.slice('TrentService.'.length) : service === 'sts' ? form.get('Action')! : service === 's3' ? 'PutObject' : backupOperation(req.method, url.pathname);
      const action = `${service}:${op}`;
      calls.set(action, (calls.get(action) ?? 0) + 1);
      served++;
      const requestId = `req-${served}`;
      const json = (status: number, body: unknown, type?: string) => ({
        status,
        headers: {
          'content-type': service === 'kms' ? 'application/x-amz-json-1.1' : 'application/json',
          'x-amzn-requestid': requestId,
          ...(type ? { 'x-amzn-errortype': type } : {}),
        },
        body: JSON.stringify(type ? { __type: type, message: body } : body),
      });
      const error = (status: number, type: string, message: string) => (service === 'sts'
        ? { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body: `<ErrorResponse><Error><Type>Sender</Type><Code>${type.replace(/Exception$/, '')}</Code><Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>` }
        : json(status, message, type));
      if (faults.throttleEvery && served % faults.throttleEvery === 0) return error(400, 'ThrottlingException', 'Rate exceeded');
      if (faults.serverErrorEvery && served % faults.serverErrorEvery === 0) return error(500, 'InternalFailure', 'We encountered an internal error');
      if (faults.deny?.includes(action)) return error(403, 'AccessDeniedException', `User is not authorized to perform: ${action}`);
      if (service === 's3') {
        objects.set(decodeURIComponent(url.pathname), { body: req.body, headers: { ...req.headers } });
        return { status: 200, headers: { 'x-amz-request-id': requestId, 'etag': '"e"' } };
      }
      const body = req.body && service !== 'sts' ? JSON.parse(req.body) : {};
      if (faults.delay && faults.delay.operation === action && (faults.delay.subject === undefined || req.body.includes(faults.delay.subject) || req.url.includes(faults.delay.subject))) {
        return { ...json(200, {}), delayMs: faults.delay.delayMs };
      }
      if (service === 'sts') {
        return {
          status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
          body: `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:sts::${state.account}:assumed-role/evidence/ci</Arn><UserId>AROAEXAMPLE:ci</UserId><Account>${state.account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
        };
      }
      if (service === 'kms') {
        const key = state.keys.find((k) => k.KeyId === body.KeyId || keyArn(k.KeyId) === body.KeyId);
        switch (op) {
          case 'ListKeys': {
            const { slice, next } = page(state.keys, body.Marker, body.Limit);
            return json(200, { Keys: slice.map((k) => ({ KeyId: k.KeyId, KeyArn: keyArn(k.KeyId) })), Truncated: next !== undefined, ...(next ? { NextMarker: next } : {}) });
          }
          case 'ListAliases': {
            const all = state.keys.flatMap((k) => (k.Aliases ?? []).map((a) => ({ AliasName: a, AliasArn: `arn:aws:kms:${state.region}:${state.account}:${a}`, TargetKeyId: k.KeyId })));
            const { slice, next } = page(all, body.Marker, body.Limit);
            return json(200, { Aliases: slice, Truncated: next !== undefined, ...(next ? { NextMarker: next } : {}) });
          }
          case 'DescribeKey':
            if (!key) return error(400, 'NotFoundException', 'no such key');
            return json(200, {
              KeyMetadata: {
                KeyId: key.KeyId, Arn: keyArn(key.KeyId), AWSAccountId: state.account, KeyManager: key.KeyManager ?? 'CUSTOMER', KeyState: key.KeyState ?? 'Enabled',
                Enabled: (key.KeyState ?? 'Enabled') === 'Enabled', KeySpec: key.KeySpec ?? 'SYMMETRIC_DEFAULT', KeyUsage: 'ENCRYPT_DECRYPT', Origin: key.Origin ?? 'AWS_KMS',
                MultiRegion: key.MultiRegion ?? false, CreationDate: 1_700_000_000, ...(key.DeletionDate ? { DeletionDate: epoch(key.DeletionDate) } : {}),
                ...(key.MultiRegion ? { MultiRegionConfiguration: { MultiRegionKeyType: 'PRIMARY' } } : {}),
              },
            });
          case 'GetKeyRotationStatus':
            if (!key) return error(400, 'NotFoundException', 'no such key');
            return json(200, { KeyId: keyArn(key.KeyId), KeyRotationEnabled: key.RotationEnabled ?? false, ...(key.RotationEnabled ? { RotationPeriodInDays: key.RotationPeriodInDays ?? 365 } : {}) });
          case 'GetKeyPolicy':
            if (!key) return error(400, 'NotFoundException', 'no such key');
            return json(200, { Policy: key.Policy ?? defaultKeyPolicy(state.account), PolicyName: 'default' });
          default:
            return error(400, 'UnknownOperationException', op);
        }
      }
      // Backup (restJson1)
      const q = url.searchParams;
      const token = q.get('nextToken') ?? q.get('NextToken') ?? undefined;
      const max = Number(q.get('maxResults') ?? q.get('MaxResults') ?? '') || undefined;
      const after = q.get('createdAfter') ? new Date(q.get('createdAfter')!) : undefined;
      const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      const jobs = (list: readonly FakeJob[] | undefined, id: string, stateField: string, key: string) => {
        const chosen = (list ?? []).filter((j) => (!after || j.created >= after) && (!q.get('restoreTestingPlanArn') || j.restoreTestingPlanArn === q.get('restoreTestingPlanArn')));
        const { slice, next } = page(chosen, token, max);
        return json(200, {
          [key]: slice.map((j) => ({ [id]: j.id, [stateField]: j.state, CreationDate: epoch(j.created), ResourceArn: j.ResourceArn, ...(j.ValidationStatus ? { ValidationStatus: j.ValidationStatus } : {}) })),
          ...(next ? { NextToken: next } : {}),
        });
      };
      switch (op) {
        case 'ListBackupVaults': {
          const { slice, next } = page(state.vaults, token, max);
          return json(200, {
            BackupVaultList: slice.map((v) => ({
              BackupVaultName: v.name, BackupVaultArn: vaultArn(v.name), EncryptionKeyArn: v.EncryptionKeyArn, Locked: v.Locked ?? false,
              MinRetentionDays: v.MinRetentionDays, MaxRetentionDays: v.MaxRetentionDays, NumberOfRecoveryPoints: v.recoveryPoints?.length ?? 0, VaultType: 'BACKUP_VAULT',
            })),
            ...(next ? { NextToken: next } : {}),
          });
        }
        case 'GetBackupVaultAccessPolicy': {
          const v = state.vaults.find((x) => x.name === parts[1]);
          if (!v?.Policy) return error(404, 'ResourceNotFoundException', 'no access policy');
          return json(200, { BackupVaultName: v.name, BackupVaultArn: vaultArn(v.name), Policy: v.Policy });
        }
        case 'ListRecoveryPointsByBackupVault': {
          const v = state.vaults.find((x) => x.name === parts[1]);
          if (!v) return error(404, 'ResourceNotFoundException', 'no such vault');
          const { slice, next } = page(v.recoveryPoints ?? [], token, max);
          return json(200, {
            RecoveryPoints: slice.map((p, i) => ({
              RecoveryPointArn: `${p.ResourceArn}:rp-${token ?? 'p0'}-${i}`, ResourceArn: p.ResourceArn, BackupVaultName: v.name, CreationDate: epoch(p.CreationDate), Status: p.Status ?? 'COMPLETED',
              ...(p.BackupPlanId ? { CreatedBy: { BackupPlanId: p.BackupPlanId, BackupRuleId: p.BackupRuleId } } : {}),
            })),
            ...(next ? { NextToken: next } : {}),
          });
        }
        case 'ListBackupPlans': {
          const { slice, next } = page(state.plans, token, max);
          return json(200, { BackupPlansList: slice.map((p) => ({ BackupPlanId: p.id, BackupPlanArn: planArn(p.id), BackupPlanName: p.name })), ...(next ? { NextToken: next } : {}) });
        }
        case 'GetBackupPlan': {
          const p = state.plans.find((x) => x.id === parts[2]);
          if (!p) return error(404, 'ResourceNotFoundException', 'no such plan');
          return json(200, { BackupPlanId: p.id, BackupPlanArn: planArn(p.id), BackupPlan: { BackupPlanName: p.name, Rules: p.rules } });
        }
        case 'ListBackupSelections': {
          const p = state.plans.find((x) => x.id === parts[2]);
          if (!p) return error(404, 'ResourceNotFoundException', 'no such plan');
          const { slice, next } = page(p.selections, token, max);
          return json(200, { BackupSelectionsList: slice.map((s) => ({ SelectionId: `sel-${s}`, SelectionName: s, BackupPlanId: p.id, IamRoleArn: `arn:aws:iam::${state.account}:role/backup` })), ...(next ? { NextToken: next } : {}) });
        }
        case 'ListBackupJobs':
          return jobs(state.backupJobs, 'BackupJobId', 'State', 'BackupJobs');
        case 'ListCopyJobs':
          return jobs(state.copyJobs, 'CopyJobId', 'State', 'CopyJobs');
        case 'ListRestoreJobs':
          return jobs(state.restoreJobs, 'RestoreJobId', 'Status', 'RestoreJobs');
        case 'ListRestoreTestingPlans': {
          const { slice, next } = page(state.restoreTestingPlans ?? [], token, max);
          return json(200, {
            RestoreTestingPlans: slice.map((p) => ({ RestoreTestingPlanName: p.name, RestoreTestingPlanArn: rtpArn(p.name), ScheduleExpression: p.ScheduleExpression, StartWindowHours: p.StartWindowHours, CreationTime: 1_700_000_000 })),
            ...(next ? { NextToken: next } : {}),
          });
        }
        default:
          return error(404, 'UnknownOperationException', `${req.method} ${url.pathname}`);
      }
    } finally {
      inFlight--;
    }
  });
  return Object.assign(loop, {
    calls,
    objects,
    peakInFlight: () => peak,
    env: { AWS_ENDPOINT_URL: loop.endpoint, AWS_ACCESS_KEY_ID: 'AKIDLOOPBACK', AWS_SECRET_ACCESS_KEY: 'loopback-secret', AWS_REGION: state.region },
  });
}

/** The Backup operation a restJson1 request names. */
function backupOperation(method: string, path: string): string {
  const routes: [RegExp, string][] = [
    [/^\/backup-vaults\/?$/, 'ListBackupVaults'],
    [/^\/backup-vaults\/[^/]+\/access-policy\/?$/, 'GetBackupVaultAccessPolicy'],
    [/^\/backup-vaults\/[^/]+\/recovery-points\/?$/, 'ListRecoveryPointsByBackupVault'],
    [/^\/backup\/plans\/?$/, 'ListBackupPlans'],
    [/^\/backup\/plans\/[^/]+\/selections\/?$/, 'ListBackupSelections'],
    [/^\/backup\/plans\/[^/]+\/?$/, 'GetBackupPlan'],
    [/^\/backup-jobs\/?$/, 'ListBackupJobs'],
    [/^\/copy-jobs\/?$/, 'ListCopyJobs'],
    [/^\/restore-jobs\/?$/, 'ListRestoreJobs'],
    [/^\/restore-testing\/plans\/?$/, 'ListRestoreTestingPlans'],
  ];
  if (method !== 'GET') return `Unknown${method}`;
  return routes.find(([re]) => re.test(path))?.[1] ?? `Unknown:${path}`;
}

/** The default key policy KMS gives a key: the account root may administer it. */
export function defaultKeyPolicy(account: string): string {
  return JSON.stringify({ Version: '2012-10-17', Id: 'key-default-1', Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'kms:*', Resource: '*' }] });
}

/** Run `fn` with the fake's environment set (endpoint, static credentials), restoring it after. */
export async function withFakeEnv<T>(fake: FakeAws, fn: () => Promise<T>): Promise<T> {
  const saved: Record<string, string | undefined> = {};
  const keys = [...Object.keys(fake.env), 'AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL_KMS', 'AWS_ENDPOINT_URL_BACKUP', 'AWS_ENDPOINT_URL_STS'];
  for (const k of keys) saved[k] = process.env[k];
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_ENDPOINT_URL_KMS;
  delete process.env.AWS_ENDPOINT_URL_BACKUP;
  delete process.env.AWS_ENDPOINT_URL_STS;
  Object.assign(process.env, fake.env);
  try {
    return await fn();
  } finally {
    for (const k of keys) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
}

/** A large, well-behaved account: `keys` customer keys and `points` recovery points (bench and scale tests). */
export function bigAccount(keys: number, points: number, now = new Date()): FakeAccountState {
  const vaults = 10;
  const perVault = Math.ceil(points / vaults);
  return {
    account: '123456789012',
    region: 'eu-west-1',
    keys: Array.from({ length: keys }, (_, i) => ({ KeyId: `k-${String(i).padStart(5, '0')}`, RotationEnabled: i % 10 !== 0, Aliases: [`alias/app-${i}`] })),
    vaults: Array.from({ length: vaults }, (_, v) => ({
      name: `vault-${v}`, EncryptionKeyArn: `arn:aws:kms:eu-west-1:123456789012:key/k-0000${v}`, Locked: true, MinRetentionDays: 7, MaxRetentionDays: 365,
      Policy: JSON.stringify({ Statement: [{ Sid: 'DenyDelete', Effect: 'Deny', Principal: '*', Action: 'backup:DeleteRecoveryPoint', Resource: '*' }] }),
      recoveryPoints: Array.from({ length: Math.min(perVault, points - v * perVault) }, (_, i) => ({
        ResourceArn: `arn:aws:dynamodb:eu-west-1:123456789012:table/t-${v}-${i % 200}`, CreationDate: new Date(now.getTime() - (i % 20) * 3_600_000), BackupPlanId: 'plan-1', BackupRuleId: 'rule-daily',
      })),
    })),
    plans: [{ id: 'plan-1', name: 'daily', rules: [{ RuleId: 'rule-daily', RuleName: 'daily', ScheduleExpression: 'cron(0 5 ? * * *)', TargetBackupVaultName: 'vault-0', StartWindowMinutes: 60 }], selections: ['tagged'] }],
    restoreTestingPlans: [{ name: 'weekly', ScheduleExpression: 'cron(0 1 ? * SUN *)' }],
    restoreJobs: [{ id: 'rj-1', state: 'COMPLETED', created: new Date(now.getTime() - 86_400_000), restoreTestingPlanArn: 'arn:aws:backup:eu-west-1:123456789012:restore-testing-plan:weekly', ValidationStatus: 'SUCCESSFUL' }],
  };
}
