import * as http from 'http';
import { AddressInfo } from 'net';
import { CfnCustomResourceResponse, sendCfnResponse } from '../../../lib/lambda/cfn-response';
import { Loopback, startLoopback } from '../../util/loopback';

// sendCfnResponse runs for real against a loopback server that plays the pre-signed S3 URL and can
// answer 5xx, 4xx, late, or not at all.

const SIGNATURE = 'X-Amz-Signature=0123456789abcdef-secret';
const RESPONSE_PATH = `/cfn-response/stack-id?X-Amz-Expires=7200&${SIGNATURE}`;

const RESPONSE: CfnCustomResourceResponse = {
  Status: 'SUCCESS',
  PhysicalResourceId: 'physical-1',
  StackId: 'arn:aws:cloudformation:eu-west-1:111122223333:stack/TestStack/guid',
  RequestId: 'request-1',
  LogicalResourceId: 'Resource',
  Data: { Status: 'ENABLED' },
};

/** Collects what sendCfnResponse logs, to prove the URL never shows up. */
function recorder() {
  const lines: string[] = [];
  return { lines, log: (message: string, fields: Record<string, unknown> = {}) => void lines.push(JSON.stringify({ message, ...fields })) };
}

/**
 * A bare server for faults the loopback util cannot play without leaving a timer behind: a request
 * that never gets an answer, or a dropped connection. Closed (connections included) after each test.
 */
const rawServers: http.Server[] = [];
async function startRaw(answer: (req: http.IncomingMessage, res: http.ServerResponse, index: number) => void) {
  let count = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    const index = count++;
    req.on('end', () => answer(req, res, index));
  });
  rawServers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, count: () => count };
}

describe('sendCfnResponse', () => {
  let server: Loopback | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
    for (const raw of rawServers.splice(0)) {
      raw.closeAllConnections();
      await new Promise((resolve) => raw.close(resolve));
    }
  });

  test('PUTs the response as JSON with an empty content-type and resolves on 200', async () => {
    // GIVEN
    server = await startLoopback(() => ({ status: 200 }));
    const { lines, log } = recorder();
    // WHEN
    await sendCfnResponse(`${server.endpoint}${RESPONSE_PATH}`, RESPONSE, { log });
    // THEN one PUT, to the exact path and query, with the body CloudFormation expects
    expect(server.requests).toHaveLength(1);
    const [put] = server.requests;
    expect(put.method).toBe('PUT');
    expect(put.url).toBe(RESPONSE_PATH);
    expect(put.headers['content-type']).toBe('');
    expect(put.headers['content-length']).toBe(String(Buffer.byteLength(put.body)));
    expect(JSON.parse(put.body)).toEqual(RESPONSE);
    expect(lines).toEqual([]);
  });

  test('retries a 5xx with the given delays, then succeeds', async () => {
    // GIVEN S3 answers 500 and 503 before 200
    server = await startLoopback((_req, i) => ({ status: [500, 503][i] ?? 200 }));
    const { lines, log } = recorder();
    // WHEN
    const started = Date.now();
    await sendCfnResponse(`${server.endpoint}${RESPONSE_PATH}`, RESPONSE, { retryDelaysMs: [50, 100, 100], log });
    // THEN three attempts, with the backoff in between, each with the same body
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(server.requests).toHaveLength(3);
    expect(new Set(server.requests.map((r) => r.body)).size).toBe(1);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('HTTP 500');
    expect(lines[1]).toContain('HTTP 503');
  });

  test('gives up after the last retry and rejects with the last status', async () => {
    server = await startLoopback(() => ({ status: 503 }));
    const { lines, log } = recorder();
    await expect(sendCfnResponse(`${server.endpoint}${RESPONSE_PATH}`, RESPONSE, { retryDelaysMs: [10, 10], log })).rejects.toThrow(
      /CloudFormation response failed with HTTP 503/,
    );
    expect(server.requests).toHaveLength(3);
    expect(lines[lines.length - 1]).toMatch(/could not deliver the CloudFormation response.*"attempts":3/);
  });

  test('does not retry a 4xx (an expired or mis-signed URL stays so)', async () => {
    // GIVEN
    server = await startLoopback(() => ({ status: 403, body: '<Error><Code>AccessDenied</Code></Error>' }));
    const { lines, log } = recorder();
    // WHEN / THEN
    await expect(sendCfnResponse(`${server.endpoint}${RESPONSE_PATH}`, RESPONSE, { retryDelaysMs: [10, 10, 10], log })).rejects.toThrow(
      /rejected the response with HTTP 403/,
    );
    expect(server.requests).toHaveLength(1);
    expect(lines).toHaveLength(1);
  });

  test('retries a connection reset, then succeeds', async () => {
    // GIVEN a server that drops the first connection without answering
    const raw = await startRaw((req, res, i) => (i === 0 ? req.socket.destroy() : res.end()));
    const { lines, log } = recorder();
    // WHEN
    await sendCfnResponse(`${raw.endpoint}${RESPONSE_PATH}`, RESPONSE, { retryDelaysMs: [10], log });
    // THEN
    expect(raw.count()).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('retrying the CloudFormation response');
  });

  test('an attempt that gets no answer within timeoutMs times out and is retried', async () => {
    // GIVEN the first request never gets an answer
    const raw = await startRaw((_req, res, i) => (i === 0 ? undefined : res.end()));
    const { lines, log } = recorder();
    // WHEN
    const started = Date.now();
    await sendCfnResponse(`${raw.endpoint}${RESPONSE_PATH}`, RESPONSE, { timeoutMs: 200, retryDelaysMs: [10], log });
    // THEN the silent attempt was abandoned at the time limit
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(raw.count()).toBe(2);
    expect(lines[0]).toContain('no answer from the CloudFormation response URL within 200 ms');
  });

  test('rejects when every attempt times out', async () => {
    const raw = await startRaw(() => undefined);
    await expect(
      sendCfnResponse(`${raw.endpoint}${RESPONSE_PATH}`, RESPONSE, { timeoutMs: 100, retryDelaysMs: [], log: () => undefined }),
    ).rejects.toThrow(/no answer from the CloudFormation response URL within 100 ms/);
    expect(raw.count()).toBe(1);
  });

  test.each([
    ['http://example.com', 'http://example.com/cfn-response?' + SIGNATURE],
    ['http://10.0.0.1', 'http://10.0.0.1/cfn-response?' + SIGNATURE],
    ['http://127.0.0.1.example.com', 'http://127.0.0.1.example.com/cfn-response?' + SIGNATURE],
    ['ftp://127.0.0.1', 'ftp://127.0.0.1/cfn-response?' + SIGNATURE],
  ])('refuses %s: plain http only to loopback, and the error does not show the signature', async (_name, url) => {
    // GIVEN
    const { lines, log } = recorder();
    // WHEN
    const sent = sendCfnResponse(url, RESPONSE, { retryDelaysMs: [10], log });
    // THEN
    await expect(sent).rejects.toThrow(/^ResponseURL must be https \(plain http only to a loopback host\), got \w+:\/\/[\w.]+$/);
    await expect(sent).rejects.not.toThrow(/Signature/);
    expect(lines).toEqual([]);
  });

  test('accepts plain http to localhost and ::1 (it tries to connect instead of refusing)', async () => {
    for (const url of [`http://localhost:1${RESPONSE_PATH}`, `http://[::1]:1${RESPONSE_PATH}`]) {
      const sent = sendCfnResponse(url, RESPONSE, { retryDelaysMs: [], log: () => undefined });
      await expect(sent).rejects.toThrow();
      await expect(sent).rejects.not.toThrow(/must be https/);
    }
  });

  test('a URL that does not parse is refused without echoing it', async () => {
    await expect(sendCfnResponse(`not a url?${SIGNATURE}`, RESPONSE)).rejects.toThrow(/^ResponseURL is not a valid URL$/);
  });

  test('never logs the pre-signed URL, on retries or on the final failure', async () => {
    // GIVEN
    server = await startLoopback(() => ({ status: 500 }));
    const { lines, log } = recorder();
    // WHEN
    await expect(sendCfnResponse(`${server.endpoint}${RESPONSE_PATH}`, RESPONSE, { retryDelaysMs: [10, 10], log })).rejects.toThrow();
    // THEN
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).not.toContain('Signature');
      expect(line).not.toContain('cfn-response');
    }
  });

  test('the default log goes to console.log as one JSON line', async () => {
    // GIVEN
    server = await startLoopback(() => ({ status: 400 }));
    const spy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      // WHEN
      await expect(sendCfnResponse(`${server.endpoint}${RESPONSE_PATH}`, RESPONSE)).rejects.toThrow(/HTTP 400/);
      // THEN
      expect(spy).toHaveBeenCalledTimes(1);
      expect(JSON.parse(spy.mock.calls[0][0])).toMatchObject({ message: 'could not deliver the CloudFormation response', attempts: 1 });
    } finally {
      spy.mockRestore();
    }
  });
});
