import { IAMClient } from '@aws-sdk/client-iam';
import { FAILED_CREATE_PHYSICAL_RESOURCE_ID, handle, PHYSICAL_RESOURCE_ID } from '../../../../constructs/identity/handlers/password-policy';
import { CfnCustomResourceEvent } from '../../../../lib/lambda/cfn-response';
import { Loopback, LOOPBACK_CREDENTIALS, LoopbackResponse, RecordedRequest, startLoopback } from '../../../util/loopback';

// The handler runs with the real IAM client (awsQuery: form-encoded POST, XML answers) against a
// loopback server that also receives the CloudFormation response PUT to the pre-signed ResponseURL.

const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
const RESPONSE_PATH = '/cfn-response?X-Amz-Signature=abc';

function iamOk(action: string): LoopbackResponse {
  return {
    status: 200,
    headers: { 'content-type': 'text/xml' },
    body: `<${action}Response xmlns="${IAM_NS}"><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></${action}Response>`,
  };
}

function iamError(status: number, code: string, message: string): LoopbackResponse {
  return {
    status,
    headers: { 'content-type': 'text/xml' },
    body:
      `<ErrorResponse xmlns="${IAM_NS}"><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${code}</Code>` +
      `<Message>${message}</Message></Error><RequestId>req-err</RequestId></ErrorResponse>`,
  };
}

const isCfnResponse = (r: RecordedRequest) => r.method === 'PUT' && r.url.startsWith('/cfn-response');
const iamCalls = (lb: Loopback) => lb.requests.filter((r) => r.method === 'POST');
const form = (r: RecordedRequest) => Object.fromEntries(new URLSearchParams(r.body));
const cfnResponses = (lb: Loopback) => lb.requests.filter(isCfnResponse).map((r) => JSON.parse(r.body));

const SETTINGS = {
  MinimumPasswordLength: '14',
  RequireSymbols: 'true',
  RequireNumbers: 'true',
  RequireUppercaseCharacters: 'true',
  RequireLowercaseCharacters: 'true',
  AllowUsersToChangePassword: 'true',
  MaxPasswordAge: '90',
  PasswordReusePrevention: '24',
  HardExpiry: 'false',
  RetainOnDelete: 'true',
};

function event(lb: Loopback, requestType: 'Create' | 'Update' | 'Delete', props: Record<string, unknown> = SETTINGS, physicalId?: string): CfnCustomResourceEvent {
  return {
    RequestType: requestType,
    ResponseURL: `${lb.endpoint}${RESPONSE_PATH}`,
    StackId: 'arn:aws:cloudformation:eu-west-1:111122223333:stack/TestStack/guid',
    RequestId: 'request-1',
    LogicalResourceId: 'PasswordPolicy',
    PhysicalResourceId: physicalId,
    ResourceProperties: { ServiceToken: 'arn:aws:lambda:eu-west-1:111122223333:function:x', ...props },
  };
}

const clients: IAMClient[] = [];
function client(lb: Loopback, maxAttempts = 3): IAMClient {
  const c = new IAMClient({ endpoint: lb.endpoint, region: 'us-east-1', credentials: LOOPBACK_CREDENTIALS, maxAttempts });
  clients.push(c);
  return c;
}

const quiet = () => undefined;
let lb: Loopback;

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await lb?.close();
});

/** A loopback that answers IAM calls with `iam` and accepts every CloudFormation response. */
async function start(iam: (req: RecordedRequest, iamIndex: number) => LoopbackResponse): Promise<Loopback> {
  let iamIndex = 0;
  return startLoopback((req) => (isCfnResponse(req) ? { status: 200 } : iam(req, iamIndex++)));
}

describe('password-policy handler', () => {
  test('Create sends UpdateAccountPasswordPolicy with every setting and reports SUCCESS', async () => {
    // GIVEN
    lb = await start(() => iamOk('UpdateAccountPasswordPolicy'));
    // WHEN
    await handle(event(lb, 'Create'), { iam: client(lb), log: quiet });
    // THEN
    const calls = iamCalls(lb);
    expect(calls).toHaveLength(1);
    expect(form(calls[0])).toEqual({
      Action: 'UpdateAccountPasswordPolicy',
      Version: '2010-05-08',
      MinimumPasswordLength: '14',
      RequireSymbols: 'true',
      RequireNumbers: 'true',
      RequireUppercaseCharacters: 'true',
      RequireLowercaseCharacters: 'true',
      AllowUsersToChangePassword: 'true',
      MaxPasswordAge: '90',
      PasswordReusePrevention: '24',
      HardExpiry: 'false',
    });
    expect(calls[0].headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDLOOPBACK\/\d{8}\/us-east-1\/iam\/aws4_request/);
    expect(cfnResponses(lb)).toEqual([
      expect.objectContaining({
        Status: 'SUCCESS',
        PhysicalResourceId: PHYSICAL_RESOURCE_ID,
        StackId: 'arn:aws:cloudformation:eu-west-1:111122223333:stack/TestStack/guid',
        RequestId: 'request-1',
        LogicalResourceId: 'PasswordPolicy',
      }),
    ]);
  });

  test('Update keeps the physical id CloudFormation sent', async () => {
    lb = await start(() => iamOk('UpdateAccountPasswordPolicy'));
    await handle(event(lb, 'Update', { ...SETTINGS, MinimumPasswordLength: '20' }, PHYSICAL_RESOURCE_ID), { iam: client(lb), log: quiet });
    expect(form(iamCalls(lb)[0]).MinimumPasswordLength).toBe('20');
    expect(cfnResponses(lb)[0]).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: PHYSICAL_RESOURCE_ID });
  });

  test('a Throttling error is retried and the update succeeds', async () => {
    // GIVEN: the first call is throttled
    lb = await start((_req, i) => (i === 0 ? iamError(400, 'Throttling', 'Rate exceeded') : iamOk('UpdateAccountPasswordPolicy')));
    // WHEN
    await handle(event(lb, 'Create'), { iam: client(lb), log: quiet });
    // THEN
    expect(iamCalls(lb)).toHaveLength(2);
    expect(cfnResponses(lb)[0]).toMatchObject({ Status: 'SUCCESS' });
  });

  test('a 500 is retried and the update succeeds', async () => {
    lb = await start((_req, i) => (i === 0 ? iamError(500, 'ServiceFailure', 'Internal error') : iamOk('UpdateAccountPasswordPolicy')));
    await handle(event(lb, 'Create'), { iam: client(lb), log: quiet });
    expect(iamCalls(lb)).toHaveLength(2);
    expect(cfnResponses(lb)[0]).toMatchObject({ Status: 'SUCCESS' });
  });

  test('reports FAILED with the IAM error when retries run out', async () => {
    // GIVEN: IAM fails every attempt
    lb = await start(() => iamError(500, 'ServiceFailure', 'Internal error'));
    // WHEN
    await handle(event(lb, 'Update', SETTINGS, PHYSICAL_RESOURCE_ID), { iam: client(lb, 2), log: quiet });
    // THEN
    expect(iamCalls(lb)).toHaveLength(2);
    expect(cfnResponses(lb)[0]).toMatchObject({
      Status: 'FAILED',
      PhysicalResourceId: PHYSICAL_RESOURCE_ID,
      Reason: expect.stringMatching(/ServiceFailure.*Internal error/),
    });
  });

  test('a non-retryable error is not retried and is reported FAILED', async () => {
    lb = await start(() => iamError(400, 'MalformedPolicyDocument', 'bad input'));
    await handle(event(lb, 'Update', SETTINGS, PHYSICAL_RESOURCE_ID), { iam: client(lb), log: quiet });
    expect(iamCalls(lb)).toHaveLength(1);
    expect(cfnResponses(lb)[0]).toMatchObject({ Status: 'FAILED', Reason: expect.stringMatching(/bad input/) });
  });

  test('a failed Create reports a physical id whose rollback Delete changes nothing', async () => {
    // GIVEN: a property CloudFormation passed is out of range (never sent to IAM)
    lb = await start(() => iamOk('DeleteAccountPasswordPolicy'));
    // WHEN
    await handle(event(lb, 'Create', { ...SETTINGS, MinimumPasswordLength: '8', RetainOnDelete: 'false' }), { iam: client(lb), log: quiet });
    await handle(event(lb, 'Delete', { ...SETTINGS, RetainOnDelete: 'false' }, FAILED_CREATE_PHYSICAL_RESOURCE_ID), { iam: client(lb), log: quiet });
    // THEN
    expect(iamCalls(lb)).toHaveLength(0);
    const [created, deleted] = cfnResponses(lb);
    expect(created).toMatchObject({
      Status: 'FAILED',
      PhysicalResourceId: FAILED_CREATE_PHYSICAL_RESOURCE_ID,
      Reason: expect.stringMatching(/MinimumPasswordLength must be a whole number from 14 to 128, got "8"/),
    });
    expect(deleted).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: FAILED_CREATE_PHYSICAL_RESOURCE_ID });
  });

  test('Delete keeps the policy when RetainOnDelete is true', async () => {
    lb = await start(() => iamOk('DeleteAccountPasswordPolicy'));
    await handle(event(lb, 'Delete', SETTINGS, PHYSICAL_RESOURCE_ID), { iam: client(lb), log: quiet });
    expect(iamCalls(lb)).toHaveLength(0);
    expect(cfnResponses(lb)[0]).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: PHYSICAL_RESOURCE_ID });
  });

  test('Delete deletes the policy when RetainOnDelete is false', async () => {
    lb = await start(() => iamOk('DeleteAccountPasswordPolicy'));
    await handle(event(lb, 'Delete', { ...SETTINGS, RetainOnDelete: 'false' }, PHYSICAL_RESOURCE_ID), { iam: client(lb), log: quiet });
    expect(iamCalls(lb).map((r) => form(r).Action)).toEqual(['DeleteAccountPasswordPolicy']);
    expect(cfnResponses(lb)[0]).toMatchObject({ Status: 'SUCCESS' });
  });

  test('Delete succeeds when there is no policy to delete (NoSuchEntity)', async () => {
    lb = await start(() => iamError(404, 'NoSuchEntity', 'The Password Policy with domain name 111122223333 cannot be found.'));
    await handle(event(lb, 'Delete', { ...SETTINGS, RetainOnDelete: 'false' }, PHYSICAL_RESOURCE_ID), { iam: client(lb), log: quiet });
    expect(iamCalls(lb)).toHaveLength(1);
    expect(cfnResponses(lb)[0]).toMatchObject({ Status: 'SUCCESS' });
  });

  test('the CloudFormation response is retried after a 5xx from S3', async () => {
    // GIVEN: the pre-signed URL fails once
    let puts = 0;
    lb = await startLoopback((req) => {
      if (isCfnResponse(req)) return { status: puts++ === 0 ? 503 : 200 };
      return iamOk('UpdateAccountPasswordPolicy');
    });
    // WHEN
    await handle(event(lb, 'Create'), { iam: client(lb), log: quiet, responseRetryDelaysMs: [10, 10] });
    // THEN
    const responses = lb.requests.filter(isCfnResponse);
    expect(responses).toHaveLength(2);
    expect(responses[1].headers['content-type']).toBe('');
    expect(JSON.parse(responses[1].body)).toMatchObject({ Status: 'SUCCESS' });
  });

  test('refuses to send the response over plain HTTP to anything but loopback', async () => {
    lb = await start(() => iamOk('UpdateAccountPasswordPolicy'));
    const ev = { ...event(lb, 'Create'), ResponseURL: 'http://example.com/cfn-response' };
    await expect(handle(ev, { iam: client(lb), log: quiet })).rejects.toThrow(/ResponseURL must be https/);
  });
});
