// Custom resource handler: enable Amazon Inspector (v2) scanning for this account.
//
// CloudFormation has no resource that turns Inspector on, so `ThreatDetection` deploys this handler
// behind a Lambda-backed custom resource. It answers CloudFormation itself (a PUT to the pre-signed
// ResponseURL), always: success, failure, or shortly before the Lambda times out, so a stack never
// waits an hour for a lost answer.
//
// - Create / Update: Enable the requested resource types (on Update, Disable the types that were
//   removed), then poll BatchGetAccountStatus until they are ENABLED (or the poll budget runs out:
//   Inspector keeps enabling in the background, and the answer says ENABLING).
// - Delete: leave Inspector on. Like the baseline's retained buckets and keys, security scanning
//   outlives the stack; turn it off in the Inspector console if that is really intended.
//
// Imports only the AWS SDK v3, node built-ins and lib/lambda (all bundled in by scripts/bundle-handlers.mjs).
// The SDK is a devDependency on purpose: esbuild bundles it into the handler asset at build time.
import {
  BatchGetAccountStatusCommand,
  DisableCommand,
  EnableCommand,
  Inspector2Client,
  ResourceScanType,
  ResourceState,
  State,
} from '@aws-sdk/client-inspector2';
import { CfnCustomResourceEvent, CfnCustomResourceResponse, sendCfnResponse } from '../../../lib/lambda/cfn-response';

/** Delivery of the answer to CloudFormation: 3 attempts of at most 5 s, 1 s and 2 s apart. */
const RESPONSE_DELIVERY = { retryDelaysMs: [1000, 2000], timeoutMs: 5000 };

/** Properties the construct passes. */
export interface InspectorProperties {
  readonly ServiceToken?: string;
  /** Account to enable (the stack's account). */
  readonly AccountId: string;
  /** Inspector resource types: EC2, ECR, LAMBDA, LAMBDA_CODE, CODE_REPOSITORY. */
  readonly ResourceTypes: string[];
}

/** The part of the Lambda context this handler uses. */
export interface LambdaContext {
  getRemainingTimeInMillis(): number;
}

/** Dependencies, injectable so tests run the real SDK client against a loopback server. */
export interface HandlerOptions {
  readonly client: Inspector2Client;
  /** Wait between status polls. @default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Status polls after Enable. @default 24 */
  readonly pollAttempts?: number;
  /** Milliseconds between status polls. @default 5000 */
  readonly pollIntervalMs?: number;
  /** Answer FAILED this long before the Lambda would time out. @default 20000 */
  readonly safetyMarginMs?: number;
}

const STATE_KEY: Record<string, keyof ResourceState> = {
  EC2: 'ec2',
  ECR: 'ecr',
  LAMBDA: 'lambda',
  LAMBDA_CODE: 'lambdaCode',
  CODE_REPOSITORY: 'codeRepository',
};
const KNOWN_TYPES = Object.keys(STATE_KEY);

/** Build a handler around an SDK client. The deployed `handler` uses a default client. */
export function createHandler(options: HandlerOptions): (event: CfnCustomResourceEvent<InspectorProperties>, context: LambdaContext) => Promise<CfnCustomResourceResponse> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pollAttempts = options.pollAttempts ?? 24;
  const pollIntervalMs = options.pollIntervalMs ?? 5000;
  // The margin must cover the worst case of delivering the answer (RESPONSE_DELIVERY: 3 attempts of
  // at most 5 s plus 3 s of waits = 18 s), or the Lambda could time out before CloudFormation hears.
  const safetyMarginMs = options.safetyMarginMs ?? 20000;

  return async (event, context) => {
    const accountId = event.ResourceProperties?.AccountId ?? '';
    const physicalId = event.PhysicalResourceId ?? `inspector2-${accountId}`;
    const base = {
      PhysicalResourceId: physicalId,
      StackId: event.StackId,
      RequestId: event.RequestId,
      LogicalResourceId: event.LogicalResourceId,
    };
    log('request', { requestType: event.RequestType, logicalResourceId: event.LogicalResourceId, properties: event.ResourceProperties });

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<CfnCustomResourceResponse>((resolve) => {
      const budget = Math.max(0, context.getRemainingTimeInMillis() - safetyMarginMs);
      timer = setTimeout(
        () => resolve({ ...base, Status: 'FAILED', Reason: `Inspector did not answer within ${Math.round(budget / 1000)} s; see the handler's log` }),
        budget,
      );
    });
    const work = (async (): Promise<CfnCustomResourceResponse> => {
      try {
        const data = await apply(event, options.client, { sleep, pollAttempts, pollIntervalMs });
        return { ...base, PhysicalResourceId: `inspector2-${accountId}`, Status: 'SUCCESS', Data: data };
      } catch (e) {
        const err = e as { name?: string; message?: string };
        log('failed', { error: err.name, message: err.message });
        return { ...base, Status: 'FAILED', Reason: `${err.name ?? 'Error'}: ${err.message ?? String(e)}`.slice(0, 1000) };
      }
    })();
    const response = await Promise.race([work, timedOut]);
    if (timer) clearTimeout(timer);
    await sendCfnResponse(event.ResponseURL, response, { ...RESPONSE_DELIVERY, log });
    log('answered', { status: response.Status, reason: response.Reason });
    return response;
  };
}

interface PollOptions {
  readonly sleep: (ms: number) => Promise<void>;
  readonly pollAttempts: number;
  readonly pollIntervalMs: number;
}

async function apply(event: CfnCustomResourceEvent<InspectorProperties>, client: Inspector2Client, poll: PollOptions): Promise<Record<string, string>> {
  if (event.RequestType === 'Delete') {
    // Scanning outlives the stack (see the header comment).
    return { Status: 'RETAINED' };
  }
  const props = event.ResourceProperties;
  if (!/^\d{12}$/.test(props.AccountId ?? '')) {
    throw new Error(`AccountId must be a 12-digit account id, got ${JSON.stringify(props.AccountId)}`);
  }
  const types = props.ResourceTypes ?? [];
  const unknown = types.filter((t) => !KNOWN_TYPES.includes(t));
  if (types.length === 0 || unknown.length > 0) {
    throw new Error(`ResourceTypes must be a non-empty list of ${KNOWN_TYPES.join(', ')}, got ${JSON.stringify(types)}`);
  }
  const accountIds = [props.AccountId];

  if (event.RequestType === 'Update') {
    const removed = (event.OldResourceProperties?.ResourceTypes ?? []).filter((t) => KNOWN_TYPES.includes(t) && !types.includes(t));
    if (removed.length > 0) {
      const disabled = await client.send(new DisableCommand({ accountIds, resourceTypes: removed as ResourceScanType[] }));
      throwIfAccountFailed('Disable', disabled.failedAccounts);
      log('disabled', { resourceTypes: removed });
    }
  }

  const enabled = await client.send(
    new EnableCommand({ accountIds, resourceTypes: types as ResourceScanType[], clientToken: event.RequestId.slice(0, 64) }),
  );
  throwIfAccountFailed('Enable', enabled.failedAccounts);
  log('enable requested', { resourceTypes: types, status: enabled.accounts?.[0]?.status });

  let states: Record<string, State | undefined> = {};
  for (let attempt = 0; attempt < poll.pollAttempts; attempt++) {
    const status = await client.send(new BatchGetAccountStatusCommand({ accountIds }));
    throwIfAccountFailed('BatchGetAccountStatus', status.failedAccounts);
    const account = status.accounts?.find((a) => a.accountId === props.AccountId) ?? status.accounts?.[0];
    states = Object.fromEntries(types.map((t) => [t, account?.resourceState?.[STATE_KEY[t]]]));
    const failed = Object.entries(states).filter(([, s]) => s?.errorCode || s?.status === 'SUSPENDED');
    if (failed.length > 0) {
      throw new Error(
        'Inspector could not enable ' +
          failed.map(([t, s]) => `${t} (${s?.status}: ${s?.errorCode ?? 'no error code'} ${s?.errorMessage ?? ''})`.trim()).join(', '),
      );
    }
    if (Object.values(states).every((s) => s?.status === 'ENABLED')) {
      return { Status: 'ENABLED', ResourceTypes: types.join(',') };
    }
    if (attempt < poll.pollAttempts - 1) await poll.sleep(poll.pollIntervalMs);
  }
  // Enabling continues in the background; the finding pipeline does not depend on it being done.
  log('still enabling', { states });
  return { Status: 'ENABLING', ResourceTypes: types.join(',') };
}

function throwIfAccountFailed(operation: string, failed: Array<{ accountId?: string; errorCode?: string; errorMessage?: string }> | undefined): void {
  if (failed && failed.length > 0) {
    throw new Error(
      `${operation} failed for ` + failed.map((f) => `account ${f.accountId}: ${f.errorCode ?? 'unknown'} ${f.errorMessage ?? ''}`.trim()).join('; '),
    );
  }
}

function log(message: string, fields: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ message, ...fields }));
}

let defaultHandler: ReturnType<typeof createHandler> | undefined;

/** Lambda entry point. */
export async function handler(event: CfnCustomResourceEvent<InspectorProperties>, context: LambdaContext): Promise<CfnCustomResourceResponse> {
  // Standard retry mode with a few more attempts than the default: Enable is throttled at a low rate.
  defaultHandler ??= createHandler({ client: new Inspector2Client({ maxAttempts: 6 }) });
  return defaultHandler(event, context);
}
