import * as http from 'http';
import { AddressInfo } from 'net';

/** One request the loopback server received. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** What the test's handler answers. `delayMs` holds the answer back (to exercise client timeouts). */
export interface LoopbackResponse {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly delayMs?: number;
}

export type LoopbackHandler = (req: RecordedRequest, index: number) => LoopbackResponse | Promise<LoopbackResponse>;

/** A started server: its endpoint, the requests it saw, and `close()`. */
export interface Loopback {
  readonly endpoint: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * Start an HTTP server on 127.0.0.1 (a free port) that answers with `handler`.
 *
 * Tests point real AWS SDK v3 clients at it (`endpoint`, static credentials), so serialization,
 * retries and pagination run for real. Handlers speak the service's wire protocol (awsQuery XML for
 * IAM, awsJson1.1 for KMS, restJson1 for Backup and Inspector2) and can inject throttling, 5xx and
 * delays. Only loopback is ever used.
 */
export async function startLoopback(handler: LoopbackHandler): Promise<Loopback> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<import('net').Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const recorded = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(recorded);
      try {
        const answer = await handler(recorded, requests.length - 1);
        if (answer.delayMs) {
          // unref: a delayed answer must not keep the jest worker alive after close()
          await new Promise((r) => setTimeout(r, answer.delayMs).unref());
        }
        if (res.destroyed) return;
        res.writeHead(answer.status, answer.headers ?? {});
        res.end(answer.body ?? '');
      } catch (e) {
        res.writeHead(599);
        res.end(String(e));
      }
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Static credentials for SDK clients that talk to the loopback server. */
export const LOOPBACK_CREDENTIALS = { accessKeyId: 'AKIDLOOPBACK', secretAccessKey: 'loopback-secret' };
