import fs from 'node:fs';
import {
  CONTRACT_PATH,
  contractClient,
  ContractValidator,
} from '../__testUtils__/contract';
import { OfrepStub, startOfrepStub } from '../__testUtils__/ofrepStub';
import {
  startTestPlatform,
  startTestPlatformWithoutRedis,
} from '../__testUtils__/testPlatform';
import { RunningPlatform } from '../platform';

const TOKEN = 'conformance-token';

/**
 * Every response of the example platform's Platform Admin API, success and
 * error, must match the OpenAPI document in ops-common; and every response
 * the document declares must be produced by some request here.
 */
describe('Platform Admin API conformance', () => {
  let platform: RunningPlatform;
  /** A platform whose queue backend (Redis) cannot be reached: queue operations answer 503. */
  let queuesDown: RunningPlatform;
  let stub: OfrepStub;
  let validator: ContractValidator;
  let get: ReturnType<typeof contractClient>;
  let getQueuesDown: ReturnType<typeof contractClient>;

  beforeAll(async () => {
    stub = await startOfrepStub(() => ({
      status: 200,
      body: {
        key: 'ai-composer',
        value: false,
        reason: 'TARGETING_MATCH',
        variant: 'off',
      },
    }));
    [platform, queuesDown] = await Promise.all([
      startTestPlatform({ apiToken: TOKEN, ofrep: { url: stub.baseUrl } }),
      startTestPlatformWithoutRedis({ apiToken: TOKEN }),
    ]);
    validator = new ContractValidator();
    get = contractClient(platform.urls.api, validator, TOKEN);
    getQueuesDown = contractClient(queuesDown.urls.api, validator, TOKEN);
    await fetch(`${platform.urls.api}/tenants/acme/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ recipient: 'a@example.net', subject: 'Hi' }),
    });
  });

  afterAll(async () => {
    await platform.close();
    await queuesDown.close();
    await stub.close();
  });

  const now = Date.now();
  const from = new Date(now - 7 * 24 * 3_600_000).toISOString();
  const to = new Date(now).toISOString();
  const roadRunner = encodeURIComponent('acme:road.runner');

  it.each([
    ['/tenants', 200],
    ['/tenants', 401, null],
    ['/tenants/acme', 200],
    ['/tenants/stark', 200],
    ['/tenants/nope', 404],
    ['/tenants/acme', 401, 'wrong'],
    ['/tenants/acme/users', 200],
    ['/tenants/nope/users', 404],
    ['/tenants/acme/users', 401, null],
    ['/tenants/acme/feature-evaluations', 200],
    ['/tenants/globex/feature-evaluations', 200],
    ['/tenants/nope/feature-evaluations', 404],
    ['/tenants/acme/feature-evaluations', 401, null],
    ['/users?q=example&limit=200', 200],
    ['/users?q=zzzz', 200],
    ['/users?q=a', 400],
    ['/users?q=acme&limit=-1', 400],
    ['/users?q=acme', 401, null],
    [`/users/${roadRunner}`, 200],
    [`/users/${encodeURIComponent('acme:elmer.fudd')}`, 200],
    ['/users/nope', 404],
    [`/users/${roadRunner}`, 401, null],
    [`/users/${roadRunner}/logins?limit=1000`, 200],
    [`/users/${encodeURIComponent('acme:elmer.fudd')}/logins`, 200],
    [`/users/${roadRunner}/logins?since=${from}`, 200],
    [`/users/${roadRunner}/logins?since=last-week`, 400],
    ['/users/nope/logins', 404],
    [`/users/${roadRunner}/logins`, 401, null],
    [`/deliverability?from=${from}&to=${to}`, 200],
    [`/deliverability?tenantId=stark&from=${from}&to=${to}&interval=120`, 200],
    [`/deliverability?tenantId=acme&from=${from}&to=${to}&interval=86400`, 200],
    [`/deliverability?from=${to}&to=${from}`, 400],
    [`/deliverability?tenantId=nope&from=${from}&to=${to}`, 404],
    [`/deliverability?from=${from}&to=${to}`, 401, null],
    ['/queues', 200],
    ['/queues', 401, null],
    ['/tenants/acme/queue-jobs', 200],
    ['/tenants/acme/queue-jobs?limit=5&state=waiting,completed', 200],
    ['/tenants/acme/queue-jobs?state=stuck', 400],
    ['/tenants/acme/queue-jobs?limit=0', 400],
    ['/tenants/nope/queue-jobs', 404],
    ['/tenants/acme/queue-jobs', 401, null],
  ] as Array<[string, number, (string | null)?]>)(
    'GET %s answers %i as documented',
    // a default keeps the arity at 2, so jest does not pass `done` as token
    async (pathAndQuery, status, token = undefined) => {
      const res = await get(pathAndQuery, { token });
      expect(res.status).toBe(status);
    },
  );

  it.each([
    ['/tenants/globex/queues/pause', 200],
    ['/tenants/globex/queues/pause', 200],
    ['/tenants/globex/queues/resume', 200],
    ['/tenants/nope/queues/pause', 404],
    ['/tenants/nope/queues/resume', 404],
    ['/tenants/globex/queues/pause', 401, null],
    ['/tenants/globex/queues/resume', 401, null],
  ] as Array<[string, number, (string | null)?]>)(
    'POST %s answers %i as documented',
    async (pathAndQuery, status, token = undefined) => {
      const res = await get(pathAndQuery, { token, method: 'POST' });
      expect(res.status).toBe(status);
    },
  );

  it.each([
    ['GET', '/queues'],
    ['GET', '/tenants/acme/queue-jobs?limit=5&state=waiting'],
    ['POST', '/tenants/acme/queues/pause'],
    ['POST', '/tenants/acme/queues/resume'],
  ] as const)(
    '%s %s answers 503 as documented while the queue backend is unreachable',
    async (method, pathAndQuery) => {
      const res = await getQueuesDown(pathAndQuery, { method });
      expect(res.status).toBe(503);
      expect(res.body.error).toEqual({
        name: 'ServiceUnavailableError',
        message: expect.stringContaining('retry later'),
      });
    },
  );

  it('reports queued jobs in the documented shape', async () => {
    const { body } = await get('/tenants/acme/queue-jobs?state=waiting');
    expect(body.jobs).toEqual([
      expect.objectContaining({
        queueName: 'outbound-email-acme',
        name: 'send-email',
        state: 'waiting',
        data: expect.objectContaining({ to: ['a@example.net'] }),
      }),
    ]);
  });

  it('reports a successful evaluation in the documented shape', async () => {
    const { body } = await get('/tenants/acme/feature-evaluations');
    expect(body.items).toEqual([
      expect.objectContaining({ flagKey: 'ai-composer', variant: 'off' }),
    ]);
  });

  it('produced every response the contract declares', () => {
    expect(validator.seen()).toEqual(validator.declared());
  });

  it('detects drift: a response the schema does not allow is rejected', () => {
    const strict = new ContractValidator();
    expect(() =>
      strict.check(
        'GET',
        '/admin-api/v1/tenants/acme',
        200,
        'application/json',
        {
          id: 'acme',
          name: 'Acme',
          tier: 'platinum',
          region: 'eu',
          status: 'active',
          adminEmail: 'a@b.example',
          createdAt: '2026-01-01T00:00:00Z',
        },
      ),
    ).toThrow('does not match the contract');
    expect(() =>
      strict.check('GET', '/admin-api/v1/tenants', 500, 'application/json', {}),
    ).toThrow('which the contract does not document');
    expect(() =>
      strict.check('GET', '/admin-api/v1/queues', 200, 'application/json', {}),
    ).toThrow('does not match the contract');
    expect(() =>
      strict.check('GET', '/admin-api/v1/workers', 200, 'application/json', {}),
    ).toThrow('is not in the contract');
  });

  it('is an OpenAPI 3.0.3 document served from /admin-api/v1 with bearer auth', () => {
    const text = fs.readFileSync(CONTRACT_PATH, 'utf8');
    expect(text).toMatch(/^openapi: 3\.0\.3$/m);
    expect(validator.basePath).toBe('/admin-api/v1');
    expect(text).toContain('scheme: bearer');
  });
});
