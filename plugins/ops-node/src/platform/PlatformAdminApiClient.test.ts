import { ConfigReader } from '@backstage/config';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { mockServices } from '@backstage/backend-test-utils';
import {
  deleteRedisPrefix,
  RedisQueueOptions,
  RunningPlatform,
  silentLogger,
  startPlatform,
} from '@opsconsole/backstage-plugin-example-platform';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { QueueSnapshot } from '../queues';
import { PlatformAdminApiClient } from './PlatformAdminApiClient';
import { PlatformQueueProvider } from './PlatformQueueProvider';

const TOKEN = 'client-test-token';
const HOUR = 3_600_000;

describe('PlatformAdminApiClient against the example platform', () => {
  let platform: RunningPlatform;
  let client: PlatformAdminApiClient;
  let startedAt: number;

  beforeAll(async () => {
    startedAt = Date.now();
    platform = await startPlatform({
      dbPath: ':memory:',
      ports: { api: 0, worker: 0, scheduler: 0 },
      traffic: false,
      logger: silentLogger,
      env: {},
      apiToken: TOKEN,
    });
    client = new PlatformAdminApiClient({
      baseUrl: `${platform.urls.api}/admin-api/v1`,
      token: TOKEN,
    });
  });

  afterAll(async () => {
    await platform.close();
  });

  it('lists and gets tenants; an unknown tenant is undefined', async () => {
    const tenants = await client.listTenants();
    expect(tenants.map(t => t.id)).toEqual([
      'acme',
      'globex',
      'hooli',
      'initech',
      'stark',
      'umbrella',
    ]);
    expect(await client.getTenant('acme')).toEqual({
      id: 'acme',
      name: 'Acme Corporation',
      tier: 'enterprise',
      region: 'eu-west-1',
      status: 'active',
      adminEmail: 'wile.coyote@acme.example.com',
      adminName: 'Wile Coyote',
      createdAt: '2023-02-14T09:00:00.000Z',
    });
    expect(await client.getTenant('nope')).toBeUndefined();
    // an id that must be encoded is sent as one path segment
    expect(await client.getTenant('acme/users')).toBeUndefined();
  });

  it("lists a tenant's users; an unknown tenant is a NotFoundError", async () => {
    const users = await client.listTenantUsers('globex');
    expect(users.map(u => u.name)).toEqual([
      'Frank Grimes',
      'Hank Scorpio',
      'Lenny Leonard',
    ]);
    await expect(client.listTenantUsers('nope')).rejects.toThrow(NotFoundError);
    await expect(client.listTenantUsers('nope')).rejects.toThrow(
      /^Platform Admin API listTenantUsers \(GET http:\/\/127\.0\.0\.1:\d+\/admin-api\/v1\/tenants\/nope\/users\) failed: 404 No tenant with id "nope"$/,
    );
  });

  it('searches users with encoded queries and a limit', async () => {
    const found = await client.searchUsers('Road Runner');
    expect(found.map(u => u.id)).toEqual(['acme:road.runner']);
    expect(await client.searchUsers('a&limit=1')).toEqual([]);
    expect(await client.searchUsers('example', { limit: 3 })).toHaveLength(3);
    await expect(client.searchUsers('x')).rejects.toThrow(
      'failed: 400 Query parameter q is required and must have at least 2 characters',
    );
  });

  it('gets users by ids with reserved characters; an unknown user is undefined', async () => {
    expect(await client.getUser('acme:wile.coyote')).toMatchObject({
      id: 'acme:wile.coyote',
      tenantId: 'acme',
      role: 'owner',
      lastLoginAt: expect.any(String),
    });
    expect(await client.getUser('acme:nobody')).toBeUndefined();
  });

  it('reads login history newest first with since and limit', async () => {
    const all = await client.getUserLogins('acme:road.runner', { limit: 1000 });
    expect(all.length).toBeGreaterThan(20);
    expect(all[0].at >= all[all.length - 1].at).toBe(true);
    expect(all.some(l => l.country === 'RU' && !l.success)).toBe(true);
    const since = all[4].at;
    const recent = await client.getUserLogins('acme:road.runner', {
      since,
      limit: 1000,
    });
    expect(recent.every(l => l.at >= since)).toBe(true);
    expect(recent.length).toBeGreaterThanOrEqual(5);
    expect(
      await client.getUserLogins('acme:road.runner', { limit: 2 }),
    ).toEqual(all.slice(0, 2));
    await expect(client.getUserLogins('nobody')).rejects.toThrow(NotFoundError);
  });

  it('reads deliverability per tenant and for the fleet', async () => {
    const to = Math.floor(startedAt / HOUR) * HOUR - HOUR;
    const options = {
      from: new Date(to - 24 * HOUR).toISOString(),
      to: new Date(to).toISOString(),
      intervalSeconds: 3600,
    };
    const acme = await client.getDeliverability({
      ...options,
      tenantId: 'acme',
    });
    const fleet = await client.getDeliverability(options);
    expect(acme).toHaveLength(24);
    expect(fleet).toHaveLength(24);
    expect(acme[0]).toEqual({
      start: options.from,
      sent: expect.any(Number),
      delivered: acme[0].sent - acme[0].bounced,
      bounced: expect.any(Number),
      complaints: expect.any(Number),
    });
    expect(fleet[0].sent).toBeGreaterThan(acme[0].sent);
    await expect(
      client.getDeliverability({ ...options, intervalSeconds: 10 }),
    ).rejects.toThrow('failed: 400 Query parameter interval');
  });

  it('reads the feature evaluations the platform recorded', async () => {
    expect(await client.getFeatureEvaluations('initech')).toEqual([]);
    const res = await fetch(`${platform.urls.api}/tenants/initech/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ recipient: 'a@example.net', subject: 'Hello' }),
    });
    expect(res.status).toBe(202);
    expect(await client.getFeatureEvaluations('initech')).toEqual([
      expect.objectContaining({
        flagKey: 'ai-composer',
        value: false,
        evaluatedAt: expect.any(String),
      }),
    ]);
    await expect(client.getFeatureEvaluations('nope')).rejects.toThrow(
      NotFoundError,
    );
  });

  it('names the operation, URL and status when the token is wrong', async () => {
    const wrong = new PlatformAdminApiClient({
      baseUrl: `${platform.urls.api}/admin-api/v1/`,
      token: 'wrong',
    });
    const error = await wrong.getTenant('acme').catch(e => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect(error.message).toBe(
      `Platform Admin API getTenant (GET ${platform.urls.api}/admin-api/v1/tenants/acme) failed: 401 The bearer token is not valid for the Platform Admin API`,
    );
    expect(error.message).not.toContain('wrong');
  });
});

const REDIS_URL = 'redis://127.0.0.1:6379';

/** Polls `check` until it returns a truthy value (the test's timeout bounds it). */
async function eventually<T>(check: () => Promise<T | false | undefined>) {
  for (;;) {
    const value = await check();
    if (value) {
      return value;
    }
    await new Promise(resolve => setTimeout(resolve, 25));
  }
}

describe.each([
  ['its SQLite queues', false],
  ['its BullMQ queues in Redis', true],
] as const)(
  'PlatformQueueProvider against the example platform with %s',
  (_name, withRedis) => {
    let platform: RunningPlatform;
    let provider: PlatformQueueProvider;
    let redis: RedisQueueOptions | false;

    const queueOf = async (tenantId: string) =>
      (await provider.listQueues()).find(
        q => q.tenantId === tenantId,
      ) as QueueSnapshot;
    const send = async (tenantId: string, count: number) => {
      for (let i = 0; i < count; i++) {
        const res = await fetch(
          `${platform.urls.api}/tenants/${tenantId}/messages`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              recipient: `customer${i}@example.net`,
              subject: `Order ${i}`,
              text: 'Your order has shipped',
            }),
          },
        );
        expect(res.status).toBe(202);
      }
    };

    beforeAll(async () => {
      redis = withRedis
        ? { url: REDIS_URL, prefix: `opsnode${randomUUID().slice(0, 8)}` }
        : false;
      platform = await startPlatform({
        dbPath: ':memory:',
        ports: { api: 0, worker: 0, scheduler: 0 },
        // the worker delivers, nothing generates mail
        traffic: { generateMail: false, sendIntervalMs: 50 },
        redis,
        logger: silentLogger,
        env: {},
        apiToken: TOKEN,
      });
      provider = new PlatformQueueProvider({
        baseUrl: `${platform.urls.api}/admin-api/v1`,
        token: TOKEN,
      });
    });

    afterAll(async () => {
      await platform.close();
      if (redis) {
        await deleteRedisPrefix(REDIS_URL, redis.prefix!);
      }
    });

    it('lists one queue per tenant with counts, pause state and totals', async () => {
      const queues = await provider.listQueues();
      expect(queues.map(q => q.name)).toContain('outbound-email-acme');
      expect(queues.find(q => q.tenantId === 'hooli')).toEqual({
        name: 'outbound-email-hooli',
        tenantId: 'hooli',
        counts: { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 },
        paused: false,
        totals: { enqueued: 0, completed: 0, failed: 0 },
      });
    });

    it('pauses one tenant: its jobs stop, others flow; resume drains it', async () => {
      expect(await provider.pauseTenant('acme')).toBe(true);
      expect(await provider.pauseTenant('acme')).toBe(true); // idempotent
      await send('acme', 4);
      await send('globex', 3);

      await eventually(
        async () => (await queueOf('globex')).counts.completed === 3,
      );
      expect(await queueOf('acme')).toMatchObject({
        paused: true,
        counts: { waiting: 4, completed: 0 },
        oldestWaitingAt: expect.any(String),
        totals: { enqueued: 4 },
      });
      const waiting = await provider.listTenantJobs('acme', {
        limit: 10,
        states: ['waiting'],
      });
      expect(waiting).toHaveLength(4);
      expect(waiting[0]).toEqual({
        id: expect.any(String),
        queueName: 'outbound-email-acme',
        name: 'send-email',
        state: 'waiting',
        enqueuedAt: expect.any(String),
        attemptsMade: 0,
        data: {
          tenantId: 'acme',
          from: 'noreply@acme.example.com',
          to: ['customer3@example.net'],
          subject: 'Order 3',
          text: 'Your order has shipped',
          // the platform carries the trace of the request that queued the mail
          headers: {
            traceparent: expect.stringMatching(
              /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/,
            ),
          },
        },
      });

      expect(await provider.resumeTenant('acme')).toBe(true);
      const drained = await eventually(async () => {
        const acme = await queueOf('acme');
        return acme.counts.completed === 4 && acme;
      });
      expect(drained).toMatchObject({
        paused: false,
        counts: { waiting: 0 },
        totals: { enqueued: 4, completed: 4 },
      });
      expect(await provider.listTenantJobs('acme', { limit: 2 })).toEqual([
        expect.objectContaining({ state: 'completed' }),
        expect.objectContaining({ state: 'completed' }),
      ]);
    });

    it('treats an unknown tenant as holding no queue', async () => {
      expect(await provider.pauseTenant('nope')).toBe(false);
      expect(await provider.resumeTenant('nope')).toBe(false);
      expect(await provider.listTenantJobs('nope', { limit: 5 })).toEqual([]);
    });

    it('names the operation, method and URL when the token is wrong', async () => {
      const wrong = new PlatformQueueProvider({
        baseUrl: `${platform.urls.api}/admin-api/v1`,
        token: 'wrong',
      });
      await expect(wrong.pauseTenant('acme')).rejects.toThrow(
        `Platform Admin API pauseTenantQueues (POST ${platform.urls.api}/admin-api/v1/tenants/acme/queues/pause) failed: 401 The bearer token is not valid for the Platform Admin API`,
      );
      await expect(wrong.listQueues()).rejects.toThrow('failed: 401');
    });
  },
);

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const closed = http.createServer();
  await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise(resolve => closed.close(resolve));
  return port;
}

describe("PlatformQueueProvider while the platform's queue backend is unreachable", () => {
  let platform: RunningPlatform;
  let provider: PlatformQueueProvider;
  let api: string;

  beforeAll(async () => {
    platform = await startPlatform({
      dbPath: ':memory:',
      ports: { api: 0, worker: 0, scheduler: 0 },
      traffic: false,
      // Redis at a closed port: the queue operations answer 503 after 100 ms
      redis: {
        url: `redis://127.0.0.1:${await closedPort()}`,
        prefix: 'unreachable',
        readyTimeoutMs: 100,
      },
      logger: silentLogger,
      env: {},
      apiToken: TOKEN,
    });
    api = `${platform.urls.api}/admin-api/v1`;
    provider = new PlatformQueueProvider({ baseUrl: api, token: TOKEN });
  });

  afterAll(async () => {
    await platform.close();
  });

  it.each([
    ['listQueues', 'GET', '/queues', () => provider.listQueues()],
    [
      'listTenantQueueJobs',
      'GET',
      '/tenants/acme/queue-jobs?limit=5',
      () => provider.listTenantJobs('acme', { limit: 5 }),
    ],
    [
      'pauseTenantQueues',
      'POST',
      '/tenants/acme/queues/pause',
      () => provider.pauseTenant('acme'),
    ],
    [
      'resumeTenantQueues',
      'POST',
      '/tenants/acme/queues/resume',
      () => provider.resumeTenant('acme'),
    ],
  ] as const)(
    '%s: a 503 is a ServiceUnavailableError (the source is out), not "no queue"',
    async (operation, method, path, call) => {
      const error = await call().then(
        value => ({ resolved: value }),
        e => e,
      );
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error.message).toContain(
        `Platform Admin API ${operation} (${method} ${api}${path}) failed: 503 The outbound queues are unavailable: Redis at`,
      );
      expect(error.message).toContain('retry later');
    },
  );

  it('still treats an unknown tenant as holding no queue', async () => {
    expect(await provider.pauseTenant('nope')).toBe(false);
    expect(await provider.listTenantJobs('nope', { limit: 5 })).toEqual([]);
  });
});

describe('PlatformAdminApiClient failures', () => {
  let server: http.Server;
  let baseUrl: string;
  let handler: http.RequestListener;

  beforeAll(async () => {
    server = http.createServer((req, res) => handler(req, res));
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }/admin-api/v1`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise(resolve => server.close(resolve));
  });

  it('times out with the configured timeout', async () => {
    handler = () => {}; // never answers
    const client = new PlatformAdminApiClient({
      baseUrl,
      token: 't',
      timeoutMs: 50,
    });
    await expect(client.listTenants()).rejects.toThrow(
      `Platform Admin API listTenants (GET ${baseUrl}/tenants) failed: timed out after 50 ms`,
    );
  });

  it('reports a 2xx without the queues array', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"items":[]}');
    };
    await expect(
      new PlatformQueueProvider({ baseUrl, token: 't' }).listQueues(),
    ).rejects.toThrow(
      `Platform Admin API listQueues (GET ${baseUrl}/queues) answered without a queues array`,
    );
  });

  it('reports a non-JSON error body and a 2xx without items', async () => {
    const client = new PlatformAdminApiClient({ baseUrl, token: 't' });
    handler = (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>Bad gateway</html>');
    };
    await expect(client.listTenants()).rejects.toThrow(
      'failed: 502 <html>Bad gateway</html>',
    );
    await expect(client.listTenants()).rejects.not.toThrow(
      ServiceUnavailableError,
    );
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"tenants":[]}');
    };
    await expect(client.listTenants()).rejects.toThrow(
      'answered without an items array',
    );
  });

  it('reports a 503 of any operation as a ServiceUnavailableError', async () => {
    handler = (_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(
        '{"error":{"name":"ServiceUnavailableError","message":"Down for maintenance"}}',
      );
    };
    const error = await new PlatformAdminApiClient({ baseUrl, token: 't' })
      .listTenants()
      .catch(e => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toBe(
      `Platform Admin API listTenants (GET ${baseUrl}/tenants) failed: 503 Down for maintenance`,
    );
    await expect(
      new PlatformQueueProvider({ baseUrl, token: 't' }).pauseTenant('acme'),
    ).rejects.toThrow(ServiceUnavailableError);
  });

  it('sends the bearer token and encodes query parameters', async () => {
    const seen: Array<{ url?: string; authorization?: string }> = [];
    handler = (req, res) => {
      seen.push({ url: req.url, authorization: req.headers.authorization });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"items":[]}');
    };
    const client = new PlatformAdminApiClient({ baseUrl, token: 's3cret' });
    await client.searchUsers('a b&c=d', { limit: 5 });
    await client.getUserLogins('t1:u/1', { since: '2026-11-01T00:00:00Z' });
    await client.getDeliverability({
      from: '2026-11-01T00:00:00Z',
      to: '2026-11-02T00:00:00Z',
      intervalSeconds: 3600,
    });
    expect(seen).toEqual([
      {
        url: '/admin-api/v1/users?q=a+b%26c%3Dd&limit=5',
        authorization: 'Bearer s3cret',
      },
      {
        url: '/admin-api/v1/users/t1%3Au%2F1/logins?since=2026-11-01T00%3A00%3A00Z',
        authorization: 'Bearer s3cret',
      },
      {
        url: '/admin-api/v1/deliverability?from=2026-11-01T00%3A00%3A00Z&to=2026-11-02T00%3A00%3A00Z&interval=3600',
        authorization: 'Bearer s3cret',
      },
    ]);
  });

  it('reports an unreachable platform', async () => {
    const closed = http.createServer();
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise(resolve => closed.close(resolve));
    const client = new PlatformAdminApiClient({
      baseUrl: `http://127.0.0.1:${port}/admin-api/v1`,
      token: 't',
    });
    await expect(client.listTenants()).rejects.toThrow(
      `Platform Admin API listTenants (GET http://127.0.0.1:${port}/admin-api/v1/tenants) failed: ECONNREFUSED`,
    );
  });
});

describe('PlatformAdminApiClient.fromConfig', () => {
  it('is undefined without ops.platform', () => {
    expect(
      PlatformAdminApiClient.fromConfig(new ConfigReader({ ops: {} })),
    ).toBeUndefined();
    expect(
      PlatformQueueProvider.fromConfig(new ConfigReader({ ops: {} })),
    ).toBeUndefined();
    expect(
      PlatformAdminApiClient.fromConfig(new ConfigReader({})),
    ).toBeUndefined();
  });

  it('reads baseUrl, token, timeoutMs and id with defaults', () => {
    const logger = mockServices.logger.mock();
    const client = PlatformAdminApiClient.fromConfig(
      new ConfigReader({
        ops: {
          platform: {
            baseUrl: 'http://127.0.0.1:7101/admin-api/v1',
            token: 'dev-example-platform-token',
          },
        },
      }),
      { logger },
    );
    expect(client?.id).toBe('platform');
    expect(logger.info).toHaveBeenCalledWith(
      'Platform Admin API "platform" at http://127.0.0.1:7101/admin-api/v1',
    );
    const named = PlatformAdminApiClient.fromConfig(
      new ConfigReader({
        ops: {
          platform: {
            baseUrl: 'http://mail.internal/admin-api/v1',
            token: 't',
            timeout: { milliseconds: 1500 },
            id: 'mail-eu',
          },
        },
      }),
    );
    expect(named?.id).toBe('mail-eu');
    const queues = PlatformQueueProvider.fromConfig(
      new ConfigReader({
        ops: {
          platform: {
            baseUrl: 'http://mail.internal/admin-api/v1',
            token: 't',
            id: 'mail-eu',
          },
        },
      }),
    );
    expect(queues?.id).toBe('mail-eu');
  });

  it('rejects a config without token or with a bad baseUrl or timeout', () => {
    expect(() =>
      PlatformAdminApiClient.fromConfig(
        new ConfigReader({ ops: { platform: { baseUrl: 'http://x/y' } } }),
      ),
    ).toThrow("Missing required config value at 'ops.platform.token'");
    expect(() =>
      PlatformAdminApiClient.fromConfig(
        new ConfigReader({
          ops: { platform: { baseUrl: '127.0.0.1:7101', token: 't' } },
        }),
      ),
    ).toThrow('Platform Admin API baseUrl must be an absolute URL');
    expect(
      () =>
        new PlatformAdminApiClient({
          baseUrl: 'http://x/y',
          token: 't',
          timeoutMs: 0,
        }),
    ).toThrow('timeoutMs must be a positive number, got 0');
  });
});
