// Put one object into S3 with a Signature Version 4 request, using node built-ins only. The
// EvidenceCollector handler writes its evidence with it: the project's dependencies hold no S3 client,
// and a single PutObject does not warrant one.
//
// - Content-MD5 is sent: S3 requires it (or an x-amz-checksum) for a PUT into a bucket whose Object
//   Lock default retention applies to the new object version.
//   @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock-managing.html
// - Signing follows SigV4 for S3 (x-amz-content-sha256 is the payload's SHA-256).
//   @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
//   @see https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
// - The endpoint follows the SDK's settings: AWS_ENDPOINT_URL_S3, then AWS_ENDPOINT_URL (path-style
//   there, as a test server wants), else https://<bucket>.s3.<region>.<domain>.
// - 5xx and network errors are retried with growing delays; 4xx is not.
import { createHash, createHmac } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';

/** Credentials, as Lambda puts them in the environment. */
export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** A request to sign. Header names are lower case. */
export interface SignableRequest {
  readonly method: string;
  readonly host: string;
  /** The path, already URI-encoded as it goes on the wire. */
  readonly path: string;
  /** The query string, already canonical (sorted, encoded), or ''. */
  readonly query: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Hex SHA-256 of the body. */
  readonly payloadHash: string;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** The SigV4 `Authorization` header for `req` (which must carry `host` and `x-amz-date` headers). */
export function signV4(req: SignableRequest, credentials: Credentials, region: string, service: string): string {
  const amzDate = req.headers['x-amz-date'];
  const day = amzDate.slice(0, 8);
  const names = Object.keys(req.headers).map((h) => h.toLowerCase()).sort();
  const canonicalHeaders = names.map((n) => `${n}:${String(req.headers[n]).trim().replace(/\s+/g, ' ')}\n`).join('');
  const signedHeaders = names.join(';');
  const canonical = [req.method, req.path, req.query, canonicalHeaders, signedHeaders, req.payloadHash].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), region), service), 'aws4_request');
  const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
  return `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

/** Options of `putObject`. */
export interface PutObjectOptions {
  readonly bucket: string;
  readonly key: string;
  readonly body: string;
  readonly contentType: string;
  readonly region: string;
  readonly credentials: Credentials;
  /** @default - from AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL, else the regional S3 endpoint */
  readonly endpoint?: string;
  /** Attempts in all. @default 4 */
  readonly attempts?: number;
  /** Time limit of one attempt. @default 15000 */
  readonly timeoutMs?: number;
}

/** PUT the object; resolves with S3's request id, rejects with the status and S3's error code. */
export async function putObject(o: PutObjectOptions): Promise<string> {
  const endpoint = o.endpoint ?? process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL;
  const encodedKey = o.key.split('/').map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
  const domain = o.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  const url = endpoint ? new URL(`${endpoint.replace(/\/$/, '')}/${o.bucket}/${encodedKey}`) : new URL(`https://${o.bucket}.s3.${o.region}.${domain}/${encodedKey}`);
  const body = Buffer.from(o.body, 'utf8');
  const attempts = o.attempts ?? 4;
  let last: Error = new Error('putObject: no attempt made');
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const amzDate = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const headers: Record<string, string> = {
      'host': url.host,
      'content-type': o.contentType,
      'content-length': String(body.length),
      'content-md5': createHash('md5').update(body).digest('base64'),
      'x-amz-content-sha256': sha256(body),
      'x-amz-date': amzDate,
      ...(o.credentials.sessionToken ? { 'x-amz-security-token': o.credentials.sessionToken } : {}),
    };
    const authorization = signV4({ method: 'PUT', host: url.host, path: url.pathname, query: '', headers, payloadHash: headers['x-amz-content-sha256'] }, o.credentials, o.region, 's3');
    try {
      const { status, text, requestId } = await send(url, { ...headers, authorization }, body, o.timeoutMs ?? 15_000);
      if (status >= 200 && status < 300) return requestId;
      const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? 'UnknownError';
      last = new Error(`S3 PutObject s3://${o.bucket}/${o.key} failed: HTTP ${status} ${code}`);
      if (status < 500) throw Object.assign(last, { final: true });
    } catch (e) {
      if ((e as { final?: boolean }).final) throw e;
      last = e as Error;
    }
    if (attempt < attempts) await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
  }
  throw last;
}

function send(url: URL, headers: Record<string, string>, body: Buffer, timeoutMs: number): Promise<{ status: number; text: string; requestId: string }> {
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !loopback) return Promise.reject(new Error(`putObject: refusing plain http to ${url.host}; S3 takes https`));
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(url, { method: 'PUT', headers, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), requestId: String(res.headers['x-amz-request-id'] ?? '') }));
    });
    req.on('timeout', () => req.destroy(new Error(`putObject: no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
