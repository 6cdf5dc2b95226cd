// Custom resource handler: sets the IAM account password policy (CloudFormation has no resource for it).
//
// CloudFormation invokes this function synchronously and waits for the response that the function PUTs
// to the pre-signed `ResponseURL` itself, so no `custom-resources.Provider` framework is needed.
//
// - Create / Update: UpdateAccountPasswordPolicy with the resource properties (CloudFormation passes
//   them as strings, so they are parsed and checked here again).
// - Delete: DeleteAccountPasswordPolicy only when `RetainOnDelete` is 'false'. The construct retains the
//   hardened policy by default (DeletionPolicy Retain, so CloudFormation never even sends Delete); this
//   check is defense in depth.
//
// Imports only the AWS SDK v3 and node built-ins.
import * as http from 'node:http';
import * as https from 'node:https';
import { DeleteAccountPasswordPolicyCommand, IAMClient, UpdateAccountPasswordPolicyCommand } from '@aws-sdk/client-iam';

/** The physical id of the one password policy an account has. */
export const PHYSICAL_RESOURCE_ID = 'AccountPasswordPolicy';
/**
 * The physical id reported when Create fails. CloudFormation then rolls back with a Delete for this
 * id, which must not delete a password policy that was there before the stack.
 */
export const FAILED_CREATE_PHYSICAL_RESOURCE_ID = 'AccountPasswordPolicyNotSet';

/** The part of a CloudFormation custom resource event this handler reads. */
export interface PasswordPolicyEvent {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly ResponseURL: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: Record<string, unknown>;
}

/** What the handler needs from the outside world; tests inject a client pointed at a loopback server. */
export interface PasswordPolicyDeps {
  readonly iam: IAMClient;
  /** Delays between attempts to deliver the CloudFormation response, in ms. */
  readonly responseRetryDelaysMs?: number[];
  /** Log sink (defaults to console.log, which Lambda sends to the function's log group). */
  readonly log?: (message: string, fields?: Record<string, unknown>) => void;
}

/** The parameters sent to UpdateAccountPasswordPolicy. */
export interface PasswordPolicySettings {
  readonly MinimumPasswordLength: number;
  readonly RequireSymbols: boolean;
  readonly RequireNumbers: boolean;
  readonly RequireUppercaseCharacters: boolean;
  readonly RequireLowercaseCharacters: boolean;
  readonly AllowUsersToChangePassword: boolean;
  readonly MaxPasswordAge: number;
  readonly PasswordReusePrevention: number;
  readonly HardExpiry: boolean;
}

function defaultLog(message: string, fields: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ message, ...fields }));
}

function parseIntIn(props: Record<string, unknown>, key: string, min: number, max: number): number {
  const raw = props[key];
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${key} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function parseBool(props: Record<string, unknown>, key: string): boolean {
  const raw = props[key];
  if (raw === true || raw === 'true') return true;
  if (raw === false || raw === 'false') return false;
  throw new Error(`${key} must be true or false, got ${JSON.stringify(raw)}`);
}

/** Parse and check the resource properties. Throws with a message naming the bad property. */
export function parseSettings(props: Record<string, unknown>): PasswordPolicySettings {
  return {
    MinimumPasswordLength: parseIntIn(props, 'MinimumPasswordLength', 14, 128),
    RequireSymbols: parseBool(props, 'RequireSymbols'),
    RequireNumbers: parseBool(props, 'RequireNumbers'),
    RequireUppercaseCharacters: parseBool(props, 'RequireUppercaseCharacters'),
    RequireLowercaseCharacters: parseBool(props, 'RequireLowercaseCharacters'),
    AllowUsersToChangePassword: parseBool(props, 'AllowUsersToChangePassword'),
    MaxPasswordAge: parseIntIn(props, 'MaxPasswordAge', 1, 1095),
    PasswordReusePrevention: parseIntIn(props, 'PasswordReusePrevention', 1, 24),
    HardExpiry: parseBool(props, 'HardExpiry'),
  };
}

function isNoSuchEntity(e: unknown): boolean {
  const name = (e as { name?: string })?.name;
  return name === 'NoSuchEntityException' || name === 'NoSuchEntity';
}

/** Handle one custom resource event and report the outcome to CloudFormation. Never throws. */
export async function handle(event: PasswordPolicyEvent, deps: PasswordPolicyDeps): Promise<void> {
  const log = deps.log ?? defaultLog;
  let physicalId = event.PhysicalResourceId ?? PHYSICAL_RESOURCE_ID;
  let status: 'SUCCESS' | 'FAILED' = 'SUCCESS';
  let reason: string | undefined;
  try {
    if (event.RequestType === 'Delete') {
      if (String(event.ResourceProperties.RetainOnDelete) === 'false' && physicalId === PHYSICAL_RESOURCE_ID) {
        try {
          await deps.iam.send(new DeleteAccountPasswordPolicyCommand({}));
          log('deleted the account password policy');
        } catch (e) {
          if (!isNoSuchEntity(e)) throw e;
          log('no account password policy to delete');
        }
      } else {
        log('kept the account password policy on delete', { physicalId });
      }
    } else {
      const settings = parseSettings(event.ResourceProperties);
      await deps.iam.send(new UpdateAccountPasswordPolicyCommand(settings));
      log('set the account password policy', { ...settings });
    }
  } catch (e) {
    status = 'FAILED';
    const err = e as Error;
    reason = `${err.name ?? 'Error'}: ${err.message ?? String(e)}`.slice(0, 1000);
    log('request failed', { requestType: event.RequestType, reason });
    if (event.RequestType === 'Create') physicalId = FAILED_CREATE_PHYSICAL_RESOURCE_ID;
  }
  await sendResponse(event, { status, reason, physicalId }, deps.responseRetryDelaysMs ?? [1000, 2000, 4000], log);
}

interface Outcome {
  readonly status: 'SUCCESS' | 'FAILED';
  readonly reason?: string;
  readonly physicalId: string;
}

/**
 * PUT the response to CloudFormation's pre-signed S3 URL. HTTPS only, except plain HTTP to loopback
 * (used by tests). Retries network errors and 5xx answers.
 */
export async function sendResponse(event: PasswordPolicyEvent, outcome: Outcome, retryDelaysMs: number[], log = defaultLog): Promise<void> {
  const body = JSON.stringify({
    Status: outcome.status,
    Reason: outcome.reason ?? `See the function's log group (request ${event.RequestId})`,
    PhysicalResourceId: outcome.physicalId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
    NoEcho: false,
    Data: {},
  });
  const url = new URL(event.ResponseURL);
  const loopback = url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
  if (url.protocol !== 'https:' && !loopback) {
    throw new Error(`ResponseURL must be https, got ${url.protocol}`);
  }
  for (let attempt = 0; ; attempt++) {
    try {
      const status = await put(url, body, loopback ? http : https);
      if (status >= 200 && status < 300) return;
      if (status < 500) throw Object.assign(new Error(`CloudFormation response rejected with HTTP ${status}`), { final: true });
      throw new Error(`CloudFormation response failed with HTTP ${status}`);
    } catch (e) {
      if ((e as { final?: boolean }).final || attempt >= retryDelaysMs.length) {
        log('could not deliver the CloudFormation response', { error: String(e) });
        throw e;
      }
      await new Promise((r) => setTimeout(r, retryDelaysMs[attempt]));
    }
  }
}

function put(url: URL, body: string, transport: typeof http | typeof https): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = transport.request(
      url,
      { method: 'PUT', headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) }, timeout: 10000 },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out sending the CloudFormation response')));
    req.on('error', reject);
    req.end(body);
  });
}

let client: IAMClient | undefined;

/** Lambda entry point. */
export async function handler(event: PasswordPolicyEvent): Promise<void> {
  client ??= new IAMClient({ maxAttempts: 5 });
  await handle(event, { iam: client });
}
