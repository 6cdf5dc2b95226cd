// Deliver a CloudFormation custom-resource response: the PUT to the pre-signed `ResponseURL`.
//
// Shared by the Lambda handlers in `constructs/**/handlers/`. esbuild bundles this file into each
// handler asset (scripts/bundle-handlers.mjs), so it imports only node built-ins: no aws-cdk-lib, no
// AWS SDK, nothing else from the repo.
//
// Why each behaviour:
// - Network errors, timeouts and 5xx are retried with growing delays: S3 behind the pre-signed URL
//   occasionally answers 500/503, and a lost response leaves the stack waiting until the custom
//   resource's service timeout.
// - 4xx is never retried: the URL is expired or its signature does not match, and the same request
//   can only fail the same way.
// - The URL is never logged and never put in an error message: its query string is a signature that
//   lets anyone who reads the log answer for this resource.
// - Plain http is refused unless the host is loopback (127.0.0.1, localhost, ::1), where the tests run
//   their server; CloudFormation always sends an https URL.
// - Each attempt has a hard time limit (10 s by default), so a silent peer cannot hold the function
//   until Lambda kills it.
import * as http from 'node:http';
import * as https from 'node:https';

/**
 * The CloudFormation custom-resource request, as the function receives it.
 *
 * `RequestType` and the other literal types mirror CloudFormation's wire format.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html
 */
export interface CfnCustomResourceEvent<TProperties = Record<string, unknown>> {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  /** Pre-signed S3 URL for the response. Secret: never log it. */
  readonly ResponseURL: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
  readonly ResourceType?: string;
  /** Absent on Create. */
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: TProperties;
  /** Present on Update only. */
  readonly OldResourceProperties?: TProperties;
}

/**
 * What CloudFormation receives. It is sent exactly as given (JSON), so the caller decides on
 * optional fields such as `Reason`, `NoEcho` and `Data`.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html
 */
export interface CfnCustomResourceResponse {
  readonly Status: 'SUCCESS' | 'FAILED';
  /** Required by CloudFormation when `Status` is FAILED. */
  readonly Reason?: string;
  readonly PhysicalResourceId: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
  /** Mask `Data` in `Fn::GetAtt` output shown by CloudFormation. @default false */
  readonly NoEcho?: boolean;
  readonly Data?: Record<string, unknown>;
}

/** How `sendCfnResponse` delivers the response. */
export interface SendCfnResponseOptions {
  /**
   * Delay before each retry, in ms; its length is the number of retries (attempts = length + 1).
   *
   * @default DEFAULT_RETRY_DELAYS_MS (1, 2 and 4 s: four attempts)
   */
  readonly retryDelaysMs?: readonly number[];
  /**
   * Time limit of one attempt, in ms, from the request until the whole answer is read.
   *
   * @default 10000
   */
  readonly timeoutMs?: number;
  /**
   * Log sink for retries and the final failure (never given the URL).
   *
   * @default - one JSON line on console.log, which Lambda sends to the function's log group
   */
  readonly log?: (message: string, fields?: Record<string, unknown>) => void;
}

/** Default delays before the retries: 1, 2 and 4 s, so four attempts and 7 s of waiting in all. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 4000];
/** Default time limit of one attempt. */
export const DEFAULT_TIMEOUT_MS = 10000;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** An HTTP answer that retrying cannot change (4xx, 3xx): stop at once. */
class FinalResponseError extends Error {}

/**
 * PUT `response` to CloudFormation's pre-signed `url`.
 *
 * Resolves once the URL answers 2xx. Retries network errors, timeouts and 5xx after each of
 * `retryDelaysMs`; rejects at once on any other status, on a plain-http URL to a host that is not
 * loopback, and on a URL that does not parse. Error messages and log lines never contain the URL.
 */
export async function sendCfnResponse(url: string, response: CfnCustomResourceResponse, options: SendCfnResponseOptions = {}): Promise<void> {
  const log = options.log ?? defaultLog;
  const retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const target = parseResponseUrl(url);
  const body = JSON.stringify(response);

  for (let attempt = 0; ; attempt++) {
    try {
      const status = await put(target, body, timeoutMs);
      if (status >= 200 && status < 300) return;
      if (status < 500) throw new FinalResponseError(`CloudFormation rejected the response with HTTP ${status}; not retried`);
      throw new Error(`CloudFormation response failed with HTTP ${status}`);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      if (e instanceof FinalResponseError || attempt >= retryDelaysMs.length) {
        log('could not deliver the CloudFormation response', { attempts: attempt + 1, error, requestId: response.RequestId });
        throw e;
      }
      log('retrying the CloudFormation response', { attempt: attempt + 1, error, delayMs: retryDelaysMs[attempt] });
      await new Promise((resolve) => setTimeout(resolve, retryDelaysMs[attempt]));
    }
  }
}

/** Parse the URL and check its scheme. The messages name the scheme and host, never the signed query. */
function parseResponseUrl(url: string): URL {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    // Node's error keeps the input; do not pass it on.
    throw new Error('ResponseURL is not a valid URL');
  }
  const loopbackHttp = target.protocol === 'http:' && LOOPBACK_HOSTS.has(target.hostname);
  if (target.protocol !== 'https:' && !loopbackHttp) {
    throw new Error(
      `ResponseURL must be https (plain http only to a loopback host), got ${target.protocol}//${target.hostname}`,
    );
  }
  return target;
}

function put(target: URL, body: string, timeoutMs: number): Promise<number> {
  const transport = target.protocol === 'http:' ? http : https;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      target,
      // An empty content-type: the URL is signed without one, and S3 rejects a signature mismatch.
      { method: 'PUT', headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => {
          clearTimeout(timer);
          resolve(res.statusCode ?? 0);
        });
        res.on('error', fail);
      },
    );
    const timer = setTimeout(() => req.destroy(new Error(`no answer from the CloudFormation response URL within ${timeoutMs} ms`)), timeoutMs);
    function fail(e: Error): void {
      clearTimeout(timer);
      reject(e);
    }
    req.on('error', fail);
    req.end(body);
  });
}

function defaultLog(message: string, fields: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ message, ...fields }));
}
