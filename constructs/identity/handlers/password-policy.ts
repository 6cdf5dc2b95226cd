// Custom resource handler: sets the IAM account password policy (CloudFormation has no resource for it).
//
// CloudFormation invokes this function (asynchronously) and waits for the response that the function
// PUTs to the pre-signed `ResponseURL` itself (lib/lambda/cfn-response.ts), so no
// `custom-resources.Provider` framework is needed.
//
// - Create / Update: UpdateAccountPasswordPolicy with the resource properties (CloudFormation passes
//   them as strings, so they are parsed and checked here again).
// - Delete: DeleteAccountPasswordPolicy only when `RetainOnDelete` is 'false'. The construct retains the
//   hardened policy by default (DeletionPolicy Retain, so CloudFormation never even sends Delete); this
//   check is defense in depth.
//
// Imports only the AWS SDK v3, node built-ins and lib/lambda (bundled in by scripts/bundle-handlers.mjs).
import { DeleteAccountPasswordPolicyCommand, IAMClient, UpdateAccountPasswordPolicyCommand } from '@aws-sdk/client-iam';
import { CfnCustomResourceEvent, sendCfnResponse } from '../../../lib/lambda/cfn-response';

/** The physical id of the one password policy an account has. */
export const PHYSICAL_RESOURCE_ID = 'AccountPasswordPolicy';
/**
 * The physical id reported when Create fails. CloudFormation then rolls back with a Delete for this
 * id, which must not delete a password policy that was there before the stack.
 */
export const FAILED_CREATE_PHYSICAL_RESOURCE_ID = 'AccountPasswordPolicyNotSet';

/** What the handler needs from the outside world; tests inject a client pointed at a loopback server. */
export interface PasswordPolicyDeps {
  readonly iam: IAMClient;
  /** Delays between attempts to deliver the CloudFormation response, in ms. @default DEFAULT_RETRY_DELAYS_MS */
  readonly responseRetryDelaysMs?: readonly number[];
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

/**
 * Handle one custom resource event and report the outcome to CloudFormation. Errors of the request
 * itself become a FAILED response; it throws only when the response cannot be delivered.
 */
export async function handle(event: CfnCustomResourceEvent, deps: PasswordPolicyDeps): Promise<void> {
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
  await sendCfnResponse(
    event.ResponseURL,
    {
      Status: status,
      Reason: reason ?? `See the function's log group (request ${event.RequestId})`,
      PhysicalResourceId: physicalId,
      StackId: event.StackId,
      RequestId: event.RequestId,
      LogicalResourceId: event.LogicalResourceId,
      NoEcho: false,
      Data: {},
    },
    { retryDelaysMs: deps.responseRetryDelaysMs, log },
  );
}

let client: IAMClient | undefined;

/** Lambda entry point. */
export async function handler(event: CfnCustomResourceEvent): Promise<void> {
  client ??= new IAMClient({ maxAttempts: 5 });
  await handle(event, { iam: client });
}
