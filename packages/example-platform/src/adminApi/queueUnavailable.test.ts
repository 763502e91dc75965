import net from 'node:net';
import { closedPort, startTestPlatform } from '../__testUtils__/testPlatform';
import { RunningPlatform } from '../platform';
import { deleteRedisPrefix } from '../queue/deleteRedisPrefix';

const REDIS_URL = 'redis://127.0.0.1:6379';

jest.setTimeout(30_000);

const TOKEN = 'queue-unavailable-token';

/** A TCP proxy to the test Redis that can drop every connection and come back. */
async function redisProxy() {
  const sockets = new Set<net.Socket>();
  const server = net.createServer(client => {
    const upstream = net.connect(6379, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    async stop() {
      const closed = new Promise(resolve => server.close(resolve));
      sockets.forEach(s => s.destroy());
      await closed;
    },
    async start() {
      await new Promise<void>(resolve =>
        server.listen(port, '127.0.0.1', resolve),
      );
    },
  };
}

describe('Platform Admin API while Redis is unreachable', () => {
  let platform: RunningPlatform;
  let port: number;

  beforeAll(async () => {
    port = await closedPort();
    platform = await startTestPlatform({
      apiToken: TOKEN,
      redis: {
        url: `redis://ops:s3cret@127.0.0.1:${port}`,
        prefix: 'unreachable',
        readyTimeoutMs: 100,
      },
    });
  });

  afterAll(async () => {
    await platform.close();
  });

  const call = async (path: string, method: 'GET' | 'POST' = 'GET') => {
    const res = await fetch(`${platform.urls.api}/admin-api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    return {
      status: res.status,
      contentType: res.headers.get('content-type'),
      body: await res.json(),
    };
  };

  it.each([
    ['GET', '/queues'],
    ['GET', '/tenants/acme/queue-jobs?limit=5'],
    ['POST', '/tenants/acme/queues/pause'],
    ['POST', '/tenants/acme/queues/resume'],
  ] as const)(
    '%s %s answers 503 naming Redis, without its credentials',
    async (method, path) => {
      const res = await call(path, method);
      expect(res.status).toBe(503);
      expect(res.contentType).toMatch(/^application\/json/);
      expect(res.body).toEqual({
        error: {
          name: 'ServiceUnavailableError',
          message: expect.stringContaining(
            `The outbound queues are unavailable: Redis at redis://***@127.0.0.1:${port} is not connected (`,
          ),
        },
        response: { statusCode: 503 },
      });
      expect(res.body.error.message).toContain('ECONNREFUSED');
      expect(res.body.error.message).toContain('retry later');
      expect(res.body.error.message).not.toContain('s3cret');
    },
  );

  it('still answers 404 for an unknown tenant and 400 for bad parameters', async () => {
    expect((await call('/tenants/nope/queue-jobs')).status).toBe(404);
    expect((await call('/tenants/nope/queues/pause', 'POST')).status).toBe(404);
    expect((await call('/tenants/acme/queue-jobs?limit=0')).status).toBe(400);
  });

  it('keeps answering what does not need Redis', async () => {
    const tenants = await call('/tenants');
    expect(tenants.status).toBe(200);
    expect(tenants.body.items.length).toBeGreaterThan(0);
  });
});

describe('Platform Admin API when Redis goes away and comes back', () => {
  it('answers 503 while Redis is away and 200 again once it is back', async () => {
    const proxy = await redisProxy();
    const prefix = `epdown${process.pid}`;
    const platform = await startTestPlatform({
      apiToken: TOKEN,
      redis: {
        url: `redis://127.0.0.1:${proxy.port}`,
        prefix,
        readyTimeoutMs: 300,
      },
    });
    const status = async (path: string, method = 'GET') =>
      (
        await fetch(`${platform.urls.api}/admin-api/v1${path}`, {
          method,
          headers: { authorization: `Bearer ${TOKEN}` },
        })
      ).status;
    try {
      expect(await status('/queues')).toBe(200);
      await proxy.stop();
      expect(await status('/queues')).toBe(503);
      expect(await status('/tenants/acme/queues/pause', 'POST')).toBe(503);
      await proxy.start();
      // back within ioredis' reconnect delay (at most 2 s) and readyTimeoutMs retries
      let back = 503;
      for (let i = 0; i < 50 && back !== 200; i++) {
        back = await status('/queues');
      }
      expect(back).toBe(200);
      // the pause refused while Redis was away did not take effect later
      const res = await fetch(`${platform.urls.api}/admin-api/v1/queues`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      const { queues } = await res.json();
      expect(
        queues.find((q: { tenantId?: string }) => q.tenantId === 'acme').paused,
      ).toBe(false);
    } finally {
      await platform.close();
      await proxy.stop().catch(() => {});
      await deleteRedisPrefix(REDIS_URL, prefix);
    }
  });
});
