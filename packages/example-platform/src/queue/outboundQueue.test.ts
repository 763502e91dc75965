import { randomUUID } from 'node:crypto';
import {
  postJson,
  startTestPlatform,
  waitFor,
} from '../__testUtils__/testPlatform';
import { AdminApiQueueSnapshot } from '../adminApi/types';
import { RunningPlatform } from '../platform';
import { RedisQueueOptions } from './createOutboundQueue';
import { deleteRedisPrefix } from './deleteRedisPrefix';

const REDIS_URL = 'redis://127.0.0.1:6379';
const TOKEN = 'queue-test-token';

describe.each([
  ['SQLite', false],
  ['BullMQ in Redis', true],
] as const)('outbound queues in %s', (_name, withRedis) => {
  let platform: RunningPlatform;
  let redis: RedisQueueOptions | false;

  const api = (path: string, method: 'GET' | 'POST' = 'GET') =>
    fetch(`${platform.urls.api}/admin-api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}` },
    }).then(async res => ({ status: res.status, body: await res.json() }));

  const queueOf = async (tenantId: string): Promise<AdminApiQueueSnapshot> => {
    const { body } = await api('/queues');
    return body.queues.find(
      (q: AdminApiQueueSnapshot) => q.tenantId === tenantId,
    );
  };

  const send = async (
    tenantId: string,
    count: number,
    domain = 'example.net',
  ) => {
    for (let i = 0; i < count; i++) {
      const res = await postJson(
        `${platform.urls.api}/tenants/${tenantId}/messages`,
        { recipient: `r${i}@${domain}`, subject: `Hello ${i}`, text: 'Hi' },
      );
      expect(res.status).toBe(202);
    }
  };

  beforeEach(async () => {
    redis = withRedis
      ? { url: REDIS_URL, prefix: `eptest${randomUUID().slice(0, 8)}` }
      : false;
    platform = await startTestPlatform({
      apiToken: TOKEN,
      redis,
      traffic: { generateMail: false, sendIntervalMs: 50, batchSize: 25 },
    });
  });

  afterEach(async () => {
    await platform.close();
    if (redis) {
      await deleteRedisPrefix(REDIS_URL, redis.prefix!);
    }
  });

  it('has one queue per tenant named outbound-email-<tenantId>', async () => {
    expect(platform.queue).toBe(withRedis ? 'bullmq' : 'sqlite');
    const { status, body } = await api('/queues');
    expect(status).toBe(200);
    expect(body.queues.map((q: AdminApiQueueSnapshot) => q.name)).toEqual([
      'outbound-email-acme',
      'outbound-email-globex',
      'outbound-email-hooli',
      'outbound-email-initech',
      'outbound-email-stark',
      'outbound-email-umbrella',
    ]);
    expect(body.queues[0]).toEqual({
      name: 'outbound-email-acme',
      tenantId: 'acme',
      counts: { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 },
      paused: false,
      totals: { enqueued: 0, completed: 0, failed: 0 },
    });
  });

  it('delivers mail, records it, and fails mail to unroutable domains', async () => {
    await send('acme', 3);
    await send('acme', 1, 'nowhere.invalid');
    const drained = await waitFor(async () => {
      const q = await queueOf('acme');
      return q.counts.completed === 3 && q.counts.failed === 1 && q;
    });
    expect(drained).toMatchObject({
      counts: { waiting: 0, active: 0 },
      totals: { enqueued: 4, completed: 3, failed: 1 },
    });
    expect(drained.oldestWaitingAt).toBeUndefined();

    const { body } = await api('/tenants/acme/queue-jobs?state=failed');
    expect(body.jobs).toEqual([
      expect.objectContaining({
        state: 'failed',
        failedReason:
          'No MX or A record for nowhere.invalid (recipient r0@nowhere.invalid)',
        data: {
          tenantId: 'acme',
          from: 'noreply@acme.example.com',
          to: ['r0@nowhere.invalid'],
          subject: 'Hello 0',
          text: 'Hi',
          // the api role starts a trace per mail job (see mail/logDelivery.ts)
          headers: {
            traceparent: expect.stringMatching(
              /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/,
            ),
          },
        },
      }),
    ]);
    const all = await api('/tenants/acme/queue-jobs?limit=3');
    expect(all.body.jobs).toHaveLength(3);
    // newest first
    expect(all.body.jobs[0].data.to).toEqual(['r0@nowhere.invalid']);

    // the worker recorded the deliveries in the platform's database
    const stats = await (await fetch(`${platform.urls.api}/stats`)).json();
    expect(stats.messages).toMatchObject({ failed: 1 });
    expect(
      stats.messages.sent + stats.messages.bounced + stats.messages.complained,
    ).toBe(3);
  });

  it("pauses one tenant's work only, keeps it, and drains it after the resume", async () => {
    expect(await api('/tenants/acme/queues/pause', 'POST')).toEqual({
      status: 200,
      body: { tenantId: 'acme', paused: true },
    });
    await send('acme', 5);
    await send('globex', 5);

    // globex (enqueued after acme) flows while acme waits
    await waitFor(async () => (await queueOf('globex')).counts.completed === 5);
    const paused = await queueOf('acme');
    expect(paused).toMatchObject({
      paused: true,
      counts: { waiting: 5, active: 0, completed: 0 },
      oldestWaitingAt: expect.any(String),
    });
    const waiting = await api('/tenants/acme/queue-jobs?state=waiting');
    expect(waiting.body.jobs).toHaveLength(5);

    expect(await api('/tenants/acme/queues/resume', 'POST')).toEqual({
      status: 200,
      body: { tenantId: 'acme', paused: false },
    });
    const drained = await waitFor(async () => {
      const q = await queueOf('acme');
      return q.counts.completed === 5 && q;
    });
    expect(drained).toMatchObject({ paused: false, counts: { waiting: 0 } });
  });

  it('answers 404 for unknown tenants and 400 for bad parameters', async () => {
    expect((await api('/tenants/nope/queues/pause', 'POST')).status).toBe(404);
    expect((await api('/tenants/nope/queue-jobs')).status).toBe(404);
    const bad = await api('/tenants/acme/queue-jobs?state=waiting,stuck');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'Query parameter state has unknown values "stuck"; allowed: waiting, active, delayed, failed, completed',
    );
  });

  it('reports the backlog in the health of the api and worker roles', async () => {
    await api('/tenants/initech/queues/pause', 'POST');
    await send('initech', 2);
    const health = await (await fetch(`${platform.urls.worker}/health`)).json();
    expect(health.checks['queue:backlog'][0]).toMatchObject({
      observedValue: 2,
      status: 'pass',
    });
  });
});
