// One API call, as the collectors make it: through the pool, with the SDK's own retries, and turned
// into an observation either way. A call that fails (access denied, throttled past the retries, timed
// out, 5xx past the retries) becomes `not-collected` with the reason; it never passes.
import { CHECK_CONTROLS } from './controls';
import { Pool } from './pool';
import { EvidenceObservation, EvidenceStatus } from './types';

/** What one region's collectors share. */
export interface RegionContext {
  readonly region: string;
  readonly account: string | null;
  readonly partition: string;
  readonly pool: Pool;
  /** Start of the job-history window. */
  readonly since: Date;
  /** The time checks are judged against (ages, windows). */
  readonly now: Date;
  readonly observations: EvidenceObservation[];
}

/** A successful call's value and request id. */
export interface CallResult<T> {
  readonly ok: true;
  readonly value: T;
  readonly requestId: string | null;
}

/** A failed call: why, in one line. */
export interface CallFailure {
  readonly ok: false;
  readonly reason: string;
  readonly requestId: string | null;
  /** The error's name (`AccessDeniedException`, `ResourceNotFoundException`, `TimeoutError`, ...). */
  readonly name: string;
}

/** Send one SDK command through the pool. Never throws: a failure comes back as `CallFailure`. */
export async function call<T extends { $metadata?: { requestId?: string } }>(ctx: RegionContext, send: () => Promise<T>): Promise<CallResult<T> | CallFailure> {
  try {
    const value = await ctx.pool.run(send);
    return { ok: true, value, requestId: value.$metadata?.requestId ?? null };
  } catch (e) {
    return { ok: false, ...describeError(e) };
  }
}

/** Why a call failed, for the `reason` of a not-collected observation. */
export function describeError(e: unknown): { reason: string; requestId: string | null; name: string } {
  const err = e as { name?: string; message?: string; $metadata?: { requestId?: string; attempts?: number; httpStatusCode?: number } };
  const name = err?.name ?? 'Error';
  const attempts = err?.$metadata?.attempts;
  const status = err?.$metadata?.httpStatusCode;
  const kind = /AccessDenied|UnauthorizedOperation|NotAuthorized/i.test(name) || status === 403 ? 'access denied'
    : /Throttl|TooManyRequests|RequestLimitExceeded|SlowDown/i.test(name) || status === 429 ? 'throttled past the retries'
      : /Timeout|ETIMEDOUT|ECONNRESET|socket hang up/i.test(`${name} ${err?.message ?? ''}`) ? 'timed out'
        : status !== undefined && status >= 500 ? 'service error past the retries'
          : 'call failed';
  const tries = attempts !== undefined ? ` after ${attempts} attempt${attempts === 1 ? '' : 's'}` : '';
  return { reason: `${kind}${tries}: ${name}${err?.message ? `: ${err.message}` : ''}`, requestId: err?.$metadata?.requestId ?? null, name };
}

/** Record an observation in the region's list. */
export function observe(
  ctx: RegionContext,
  o: { check: string; status: EvidenceStatus; title: string; message: string; subject: string; observed: Record<string, unknown> | null; operation: string; requestId: string | null; reason?: string },
): void {
  ctx.observations.push({
    check: o.check,
    status: o.status,
    title: o.title,
    message: o.message,
    subject: o.subject,
    observed: o.observed,
    operation: o.operation,
    requestId: o.requestId,
    account: ctx.account,
    region: ctx.region,
    collected: new Date().toISOString(),
    controls: CHECK_CONTROLS[o.check] ?? {},
    ...(o.reason !== undefined ? { reason: o.reason } : {}),
  });
}

/** Record that `check` could not be read for `subject`. */
export function notCollected(ctx: RegionContext, check: string, title: string, subject: string, operation: string, failure: CallFailure): void {
  observe(ctx, {
    check, status: 'not-collected', title, subject, operation, observed: null, requestId: failure.requestId,
    message: `not collected: ${failure.reason}`, reason: failure.reason,
  });
}

/** The ARN-style scope of an account-wide list in this region (`arn:aws:kms:eu-west-1:123456789012:*`). */
export function regionScope(ctx: RegionContext, service: string): string {
  return `arn:${ctx.partition}:${service}:${ctx.region}:${ctx.account ?? 'unknown'}:*`;
}

/**
 * Read every page of a paginated list: `page(token)` sends one request and returns its items and
 * next token. Each page goes through the pool. The whole list fails if any page fails (a half-read
 * list is not evidence that the rest does not exist).
 */
export async function listAll<T, R extends { $metadata?: { requestId?: string } }>(
  ctx: RegionContext,
  page: (token: string | undefined) => Promise<R>,
  itemsOf: (r: R) => readonly T[] | undefined,
  nextOf: (r: R) => string | undefined,
): Promise<{ ok: true; items: { item: T; requestId: string | null }[]; requestIds: string[] } | CallFailure> {
  const items: { item: T; requestId: string | null }[] = [];
  const requestIds: string[] = [];
  let token: string | undefined;
  const seen = new Set<string>();
  do {
    const r = await call(ctx, () => page(token));
    if (!r.ok) return r;
    if (r.requestId) requestIds.push(r.requestId);
    for (const item of itemsOf(r.value) ?? []) items.push({ item, requestId: r.requestId });
    token = nextOf(r.value);
    if (token !== undefined) {
      if (seen.has(token)) return { ok: false, reason: `call failed: the service returned the page token '${token}' twice`, requestId: r.requestId, name: 'PaginationLoop' };
      seen.add(token);
    }
  } while (token);
  return { ok: true, items, requestIds };
}
