import { Inspector2Client } from '@aws-sdk/client-inspector2';
import { createHandler, InspectorProperties } from '../../../../constructs/detection/handlers/inspector-enable';
import { CfnCustomResourceEvent, CfnCustomResourceResponse } from '../../../../lib/lambda/cfn-response';
import { Loopback, LOOPBACK_CREDENTIALS, LoopbackResponse, RecordedRequest, startLoopback } from '../../../util/loopback';

// The real Inspector2 client (restJson1) talks to a loopback server that plays Inspector and the
// CloudFormation response URL, so serialization, retries and the response PUT run for real.

type InspectorEvent = CfnCustomResourceEvent<InspectorProperties>;

const ACCOUNT = '111122223333';
const RESPONSE_PATH = '/cfn-response?X-Amz-Signature=loopback';

function json(body: unknown, status = 200): LoopbackResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

function awsError(status: number, type: string, message: string): LoopbackResponse {
  return { status, headers: { 'content-type': 'application/json', 'x-amzn-errortype': type }, body: JSON.stringify({ message }) };
}

const enabled = (types: Record<string, string>) =>
  json({
    accounts: [
      {
        accountId: ACCOUNT,
        state: { status: 'ENABLED' },
        resourceState: Object.fromEntries(Object.entries(types).map(([k, status]) => [k, { status }])),
      },
    ],
    failedAccounts: [],
  });

const ENABLE_OK = json({ accounts: [{ accountId: ACCOUNT, status: 'ENABLING', resourceStatus: { ec2: 'ENABLING', ecr: 'ENABLING' } }], failedAccounts: [] });
const ALL_ENABLED = enabled({ ec2: 'ENABLED', ecr: 'ENABLED', lambda: 'ENABLED', lambdaCode: 'ENABLED' });

/** Route requests: Inspector operations by path, and the CloudFormation response PUT. */
type Routes = Record<string, (req: RecordedRequest, n: number) => LoopbackResponse>;

async function serve(routes: Routes): Promise<Loopback> {
  const counts: Record<string, number> = {};
  return startLoopback((req) => {
    const key = req.url.startsWith('/cfn-response') ? 'response' : req.url;
    counts[key] = (counts[key] ?? 0) + 1;
    const route = routes[key] ?? (key === 'response' ? () => ({ status: 200 }) : undefined);
    if (!route) return awsError(404, 'ResourceNotFoundException', `no route for ${req.method} ${req.url}`);
    return route(req, counts[key] - 1);
  });
}

function event(server: Loopback, overrides: Partial<InspectorEvent> = {}): InspectorEvent {
  return {
    RequestType: 'Create',
    ResponseURL: `${server.endpoint}${RESPONSE_PATH}`,
    StackId: `arn:aws:cloudformation:eu-west-1:${ACCOUNT}:stack/Baseline/8e1f2a30-0000-4000-8000-000000000001`,
    RequestId: 'c0ffee00-1111-4222-8333-444455556666',
    LogicalResourceId: 'ThreatDetectionInspectorEnablement47D7318F',
    ResourceProperties: { ServiceToken: 'arn:aws:lambda:eu-west-1:111122223333:function:x', AccountId: ACCOUNT, ResourceTypes: ['EC2', 'ECR', 'LAMBDA', 'LAMBDA_CODE'] },
    ...overrides,
  };
}

const context = (ms = 300000) => ({ getRemainingTimeInMillis: () => ms });

function run(server: Loopback, e: InspectorEvent, options: { pollAttempts?: number; ms?: number; safetyMarginMs?: number } = {}) {
  const client = new Inspector2Client({ endpoint: server.endpoint, region: 'eu-west-1', credentials: LOOPBACK_CREDENTIALS, maxAttempts: 3 });
  const handler = createHandler({
    client,
    sleep: async () => undefined,
    pollAttempts: options.pollAttempts ?? 3,
    safetyMarginMs: options.safetyMarginMs ?? 1000,
  });
  return handler(e, context(options.ms));
}

/** What CloudFormation received at the response URL. */
function answer(server: Loopback): CfnCustomResourceResponse {
  const puts = server.requests.filter((r) => r.url.startsWith('/cfn-response'));
  expect(puts.map((r) => r.method)).toEqual(puts.map(() => 'PUT'));
  return JSON.parse(puts[puts.length - 1].body);
}

const calls = (server: Loopback, path: string) => server.requests.filter((r) => r.url === path);

describe('inspector-enable handler', () => {
  let server: Loopback;
  afterEach(async () => server?.close());
  beforeAll(() => jest.spyOn(console, 'log').mockImplementation(() => undefined));

  test('Create enables the requested resource types for the account and answers SUCCESS', async () => {
    // GIVEN
    server = await serve({ '/enable': () => ENABLE_OK, '/status/batch/get': () => ALL_ENABLED });
    // WHEN
    await run(server, event(server));
    // THEN the Enable request is serialized as Inspector expects
    const [enable] = calls(server, '/enable');
    expect(enable.method).toBe('POST');
    expect(enable.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDLOOPBACK\/\d{8}\/eu-west-1\/inspector2\/aws4_request/);
    expect(JSON.parse(enable.body)).toEqual({
      accountIds: [ACCOUNT],
      resourceTypes: ['EC2', 'ECR', 'LAMBDA', 'LAMBDA_CODE'],
      clientToken: 'c0ffee00-1111-4222-8333-444455556666',
    });
    expect(JSON.parse(calls(server, '/status/batch/get')[0].body)).toEqual({ accountIds: [ACCOUNT] });
    // AND CloudFormation gets SUCCESS with the status
    expect(answer(server)).toEqual({
      Status: 'SUCCESS',
      PhysicalResourceId: `inspector2-${ACCOUNT}`,
      StackId: expect.stringContaining(':stack/Baseline/'),
      RequestId: 'c0ffee00-1111-4222-8333-444455556666',
      LogicalResourceId: 'ThreatDetectionInspectorEnablement47D7318F',
      Data: { Status: 'ENABLED', ResourceTypes: 'EC2,ECR,LAMBDA,LAMBDA_CODE' },
    });
  });

  test('a throttled Enable (429 ThrottlingException) is retried', async () => {
    server = await serve({
      '/enable': (_r, n) => (n === 0 ? awsError(429, 'ThrottlingException', 'Rate exceeded') : ENABLE_OK),
      '/status/batch/get': () => ALL_ENABLED,
    });
    await run(server, event(server));
    expect(calls(server, '/enable')).toHaveLength(2);
    expect(answer(server).Status).toBe('SUCCESS');
  });

  test('a 500 from the status call is retried', async () => {
    server = await serve({
      '/enable': () => ENABLE_OK,
      '/status/batch/get': (_r, n) => (n === 0 ? awsError(500, 'InternalServerException', 'try again') : ALL_ENABLED),
    });
    await run(server, event(server));
    expect(calls(server, '/status/batch/get')).toHaveLength(2);
    expect(answer(server).Status).toBe('SUCCESS');
  });

  test('polls until every requested type is ENABLED', async () => {
    server = await serve({
      '/enable': () => ENABLE_OK,
      '/status/batch/get': (_r, n) => (n < 2 ? enabled({ ec2: 'ENABLING', ecr: 'ENABLED' }) : enabled({ ec2: 'ENABLED', ecr: 'ENABLED' })),
    });
    await run(server, event(server, { ResourceProperties: { AccountId: ACCOUNT, ResourceTypes: ['EC2', 'ECR'] } }), { pollAttempts: 5 });
    expect(calls(server, '/status/batch/get')).toHaveLength(3);
    expect(answer(server).Data).toEqual({ Status: 'ENABLED', ResourceTypes: 'EC2,ECR' });
  });

  test('answers SUCCESS with ENABLING when Inspector is still enabling after the poll budget', async () => {
    server = await serve({ '/enable': () => ENABLE_OK, '/status/batch/get': () => enabled({ ec2: 'ENABLING', ecr: 'ENABLING' }) });
    await run(server, event(server, { ResourceProperties: { AccountId: ACCOUNT, ResourceTypes: ['EC2', 'ECR'] } }), { pollAttempts: 2 });
    expect(calls(server, '/status/batch/get')).toHaveLength(2);
    expect(answer(server)).toMatchObject({ Status: 'SUCCESS', Data: { Status: 'ENABLING' } });
  });

  test('answers FAILED when Enable reports the account as failed', async () => {
    server = await serve({
      '/enable': () =>
        json({ accounts: [], failedAccounts: [{ accountId: ACCOUNT, errorCode: 'SSM_UNAVAILABLE', errorMessage: 'Systems Manager is not available' }] }),
    });
    await run(server, event(server));
    expect(answer(server)).toMatchObject({
      Status: 'FAILED',
      Reason: expect.stringContaining(`Enable failed for account ${ACCOUNT}: SSM_UNAVAILABLE Systems Manager is not available`),
    });
    expect(calls(server, '/status/batch/get')).toHaveLength(0);
  });

  test('answers FAILED when a resource type ends in an error state', async () => {
    server = await serve({
      '/enable': () => ENABLE_OK,
      '/status/batch/get': () =>
        json({
          accounts: [
            {
              accountId: ACCOUNT,
              state: { status: 'ENABLED' },
              resourceState: { ec2: { status: 'DISABLED', errorCode: 'ACCESS_DENIED', errorMessage: 'no SLR' }, ecr: { status: 'ENABLED' } },
            },
          ],
        }),
    });
    await run(server, event(server, { ResourceProperties: { AccountId: ACCOUNT, ResourceTypes: ['EC2', 'ECR'] } }));
    expect(answer(server)).toMatchObject({ Status: 'FAILED', Reason: expect.stringContaining('Inspector could not enable EC2 (DISABLED: ACCESS_DENIED no SLR)') });
  });

  test('answers FAILED, without retrying, on AccessDeniedException', async () => {
    server = await serve({ '/enable': () => awsError(403, 'AccessDeniedException', 'not authorized to perform inspector2:Enable') });
    await run(server, event(server));
    expect(calls(server, '/enable')).toHaveLength(1);
    expect(answer(server)).toMatchObject({
      Status: 'FAILED',
      PhysicalResourceId: `inspector2-${ACCOUNT}`,
      Reason: 'AccessDeniedException: not authorized to perform inspector2:Enable',
    });
  });

  test('answers FAILED when throttling outlasts the retries', async () => {
    server = await serve({ '/enable': () => awsError(429, 'ThrottlingException', 'Rate exceeded') });
    await run(server, event(server));
    expect(calls(server, '/enable')).toHaveLength(3);
    expect(answer(server)).toMatchObject({ Status: 'FAILED', Reason: expect.stringContaining('ThrottlingException') });
  });

  test('Update disables the resource types that were removed, then enables the rest', async () => {
    server = await serve({
      '/disable': () => json({ accounts: [{ accountId: ACCOUNT, status: 'ENABLED', resourceStatus: { ec2: 'ENABLED', ecr: 'DISABLING' } }] }),
      '/enable': () => ENABLE_OK,
      '/status/batch/get': () => enabled({ ec2: 'ENABLED' }),
    });
    await run(
      server,
      event(server, {
        RequestType: 'Update',
        PhysicalResourceId: `inspector2-${ACCOUNT}`,
        ResourceProperties: { AccountId: ACCOUNT, ResourceTypes: ['EC2'] },
        OldResourceProperties: { AccountId: ACCOUNT, ResourceTypes: ['EC2', 'ECR', 'LAMBDA'] },
      }),
    );
    const inspectorCalls = server.requests.filter((r) => !r.url.startsWith('/cfn-response')).map((r) => r.url);
    expect(inspectorCalls).toEqual(['/disable', '/enable', '/status/batch/get']);
    expect(JSON.parse(calls(server, '/disable')[0].body)).toEqual({ accountIds: [ACCOUNT], resourceTypes: ['ECR', 'LAMBDA'] });
    expect(answer(server).Status).toBe('SUCCESS');
  });

  test('Delete leaves Inspector on and answers SUCCESS with the same physical id', async () => {
    server = await serve({});
    await run(server, event(server, { RequestType: 'Delete', PhysicalResourceId: `inspector2-${ACCOUNT}` }));
    expect(server.requests.filter((r) => !r.url.startsWith('/cfn-response'))).toEqual([]);
    expect(answer(server)).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: `inspector2-${ACCOUNT}`, Data: { Status: 'RETAINED' } });
  });

  test('answers FAILED for properties it cannot use, without calling Inspector', async () => {
    server = await serve({});
    await run(server, event(server, { ResourceProperties: { AccountId: 'not-an-account', ResourceTypes: ['EC2', 'S3'] } }));
    expect(server.requests.filter((r) => !r.url.startsWith('/cfn-response'))).toEqual([]);
    expect(answer(server)).toMatchObject({ Status: 'FAILED', Reason: expect.stringContaining('AccountId must be a 12-digit account id, got "not-an-account"') });
  });

  test('answers FAILED before the Lambda times out when Inspector does not answer', async () => {
    // GIVEN Inspector hangs, and the Lambda has 1.5 s left with a 1 s safety margin
    server = await serve({ '/enable': () => ({ ...ENABLE_OK, delayMs: 5000 }) });
    // WHEN
    const started = Date.now();
    await run(server, event(server), { ms: 1500, safetyMarginMs: 1000 });
    // THEN
    expect(Date.now() - started).toBeLessThan(4000);
    expect(answer(server)).toMatchObject({ Status: 'FAILED', Reason: expect.stringContaining('Inspector did not answer within') });
  });

  test('retries the response PUT when the response URL answers 500', async () => {
    server = await serve({
      '/enable': () => ENABLE_OK,
      '/status/batch/get': () => ALL_ENABLED,
      'response': (_r, n) => ({ status: n === 0 ? 500 : 200 }),
    });
    await run(server, event(server));
    const puts = server.requests.filter((r) => r.url.startsWith('/cfn-response'));
    expect(puts).toHaveLength(2);
    expect(puts[1].url).toBe(RESPONSE_PATH);
    expect(puts[1].headers['content-type']).toBe('');
    expect(JSON.parse(puts[1].body).Status).toBe('SUCCESS');
  });
});
