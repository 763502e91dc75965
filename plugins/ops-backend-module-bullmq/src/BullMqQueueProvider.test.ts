import { ServiceUnavailableError } from '@backstage/errors';
import { QueueSnapshot } from '@opsconsole/backstage-plugin-ops-node';
import { MetricsTime, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { BullMqQueueProvider } from './BullMqQueueProvider';
import { PRIORITIZED_READ_WHOLE } from './queueCountsScript';
import { createBullMqRedisClient } from './redisClient';
import {
  countTraffic,
  deferred,
  deleteKeys,
  finished,
  monitorCommands,
  REDIS_URL,
  TestQueues,
  uniquePrefix,
} from './__testUtils__/redis';

jest.setTimeout(30_000);

const newProvider = (
  prefix: string,
  options: { queueNames?: string[]; redisUrl?: string } = {},
) =>
  new BullMqQueueProvider({
    redis: createBullMqRedisClient(options.redisUrl ?? REDIS_URL, {
      connectTimeoutMs: 2000,
    }),
    prefix,
    queueNames: options.queueNames,
  });

describe('BullMqQueueProvider against Redis', () => {
  const prefix = uniquePrefix();
  const queues = new TestQueues(prefix);
  const admin = new Redis(REDIS_URL);
  const release = deferred();
  const redis = createBullMqRedisClient(REDIS_URL, { connectTimeoutMs: 2000 });
  const provider = new BullMqQueueProvider({ redis, prefix });
  let acme: Queue;
  let globex: Queue;
  let shared: Queue;
  let emptyQueue: Queue;

  beforeAll(async () => {
    acme = queues.queue('outbound-email-acme');
    globex = queues.queue('outbound-email-globex');
    shared = queues.queue('transactional');
    emptyQueue = queues.queue('outbound-email-initech');

    // acme: 2 completed and 1 failed by a worker that then stops
    await acme.addBulk([
      { name: 'send-email', data: { to: 'a@x.test' } },
      { name: 'send-email', data: { to: 'b@x.test' } },
      { name: 'send-email', data: { to: 'c@x.test', fail: true } },
    ]);
    const finisher = queues.worker(acme.name, async job => {
      if (job.data.fail) throw new Error('mailbox unavailable');
      return 'sent';
    });
    await finished(finisher, 3);
    await finisher.close();

    // acme: one active job held by a worker, then waiting, prioritized and delayed ones
    const holder = queues.worker(acme.name, () => release.promise);
    const active = new Promise<void>(resolve =>
      holder.once('active', () => resolve()),
    );
    await acme.add('send-email', { to: 'held@x.test' });
    await active;
    await acme.add('send-email', { to: 'w1@x.test' });
    await acme.add('send-email', { to: 'w2@x.test' });
    await acme.add('send-email', { to: 'p1@x.test' }, { priority: 5 });
    await acme.add('send-email', { to: 'p2@x.test' }, { priority: 50 });
    await acme.add('send-email', { to: 'd1@x.test' }, { delay: 3_600_000 });
    await acme.add('send-email', { to: 'd2@x.test' }, { delay: 7_200_000 });

    // globex: paused with jobs from before and after the pause
    await globex.add('send-email', { to: 'g1@y.test' });
    await globex.pause();
    await globex.add('send-email', { to: 'g2@y.test' });
    await globex.add('send-email', { to: 'g3@y.test' }, { priority: 3 });

    // a shared queue
    await shared.add('receipt', { to: 's1@z.test' }, { priority: 1 });
    await shared.add('receipt', { to: 's2@z.test' });
  });

  afterAll(async () => {
    release.resolve();
    await provider.close();
    await queues.close();
    await deleteKeys(admin, prefix);
    admin.disconnect();
  });

  const byName = async (options?: { totals?: boolean }) =>
    new Map((await provider.listQueues(options)).map(q => [q.name, q]));

  it('counts every queue exactly as Queue.getJobCounts()', async () => {
    const snapshots = await byName();
    expect([...snapshots.keys()].sort()).toEqual(
      [acme, globex, shared, emptyQueue].map(q => q.name).sort(),
    );
    for (const queue of [acme, globex, shared, emptyQueue]) {
      const c = await queue.getJobCounts();
      expect(snapshots.get(queue.name)!.counts).toEqual({
        waiting: c.waiting + c.prioritized,
        active: c.active,
        delayed: c.delayed,
        failed: c.failed,
        completed: c.completed,
      });
    }
    expect(snapshots.get(acme.name)!.counts).toEqual({
      waiting: 4,
      active: 1,
      delayed: 2,
      failed: 1,
      completed: 2,
    });
    expect(snapshots.get(globex.name)!.counts.waiting).toBe(3);
  });

  it('reports the paused state as Queue.isPaused()', async () => {
    const snapshots = await byName();
    for (const queue of [acme, globex, shared, emptyQueue]) {
      expect(snapshots.get(queue.name)!.paused).toBe(await queue.isPaused());
    }
    expect(snapshots.get(globex.name)!.paused).toBe(true);
  });

  it('maps queues to tenants with the pattern; other queues are shared', async () => {
    const snapshots = await byName();
    expect(snapshots.get(acme.name)!.tenantId).toBe('acme');
    expect(snapshots.get(globex.name)!.tenantId).toBe('globex');
    expect(snapshots.get(emptyQueue.name)!.tenantId).toBe('initech');
    expect(snapshots.get(shared.name)!.tenantId).toBeUndefined();
  });

  it('reports the enqueue time of the oldest waiting job, prioritized ones included', async () => {
    const snapshots = await byName();
    for (const queue of [acme, globex, shared]) {
      const waiting = await queue.getJobs(['waiting', 'prioritized']);
      const oldest = Math.min(...waiting.map(job => job!.timestamp));
      expect(snapshots.get(queue.name)!.oldestWaitingAt).toBe(
        new Date(oldest).toISOString(),
      );
    }
    expect(snapshots.get(emptyQueue.name)!.oldestWaitingAt).toBeUndefined();
  });

  it('finds the oldest waiting job in a lower priority band', async () => {
    const bands = queues.queue('priority-bands');
    const now = Date.now();
    // enqueued in this order; the oldest sits at the tail of the prioritized set
    await bands.add('a', {}, { priority: 50, timestamp: now - 5000 });
    await bands.add('b', {}, { priority: 1, timestamp: now - 4000 });
    await bands.add('c', {}, { priority: 1, timestamp: now - 3500 });
    await bands.add('d', {}, { timestamp: now - 3000 });
    const reader = newProvider(prefix, { queueNames: [bands.name] });
    const [snapshot] = await reader.listQueues();
    await reader.close();
    expect(snapshot?.oldestWaitingAt).toBe(new Date(now - 5000).toISOString());
    expect(snapshot?.counts.waiting).toBe(4);
  });

  it('finds the oldest waiting job in a lower band of a large prioritized set', async () => {
    const bands = queues.queue('priority-bands-large');
    const now = Date.now();
    await bands.add('old', {}, { priority: 50, timestamp: now - 9000 });
    await bands.addBulk(
      Array.from({ length: 3 * PRIORITIZED_READ_WHOLE }, (_, i) => ({
        name: `p${i}`,
        data: {},
        opts: { priority: 1 + (i % 3), timestamp: now - 8000 + i },
      })),
    );
    const reader = newProvider(prefix, { queueNames: [bands.name] });
    const [snapshot] = await reader.listQueues();
    await reader.close();
    expect(snapshot?.counts.waiting).toBe(1 + 3 * PRIORITIZED_READ_WHOLE);
    expect(snapshot?.oldestWaitingAt).toBe(new Date(now - 9000).toISOString());
  });

  it('reads the enqueued total from the job id counter', async () => {
    const snapshots = await byName({ totals: true });
    expect(snapshots.get(acme.name)!.totals?.enqueued).toBe(10);
    expect(snapshots.get(globex.name)!.totals?.enqueued).toBe(3);
    expect(snapshots.get(emptyQueue.name)!.totals?.enqueued).toBe(0);
    // workers without the `metrics` option keep no completed/failed counters
    expect(snapshots.get(acme.name)!.totals?.completed).toBeUndefined();
  });

  it('reads completed and failed totals from BullMQ metrics when workers keep them', async () => {
    await admin.hset(`${prefix}:${shared.name}:metrics:completed`, 'count', 42);
    await admin.hset(`${prefix}:${shared.name}:metrics:failed`, 'count', 7);
    const snapshots = await byName({ totals: true });
    expect(snapshots.get(shared.name)!.totals).toEqual({
      enqueued: 2,
      completed: 42,
      failed: 7,
    });
  });

  it('reads the totals only when asked, equal to what BullMQ reports', async () => {
    const metered = queues.queue('metered');
    const worker = queues.worker(
      metered.name,
      async job => {
        if (job.data.fail) throw new Error('bounced');
      },
      { metrics: { maxDataPoints: MetricsTime.ONE_WEEK } },
    );
    const done = finished(worker, 3);
    const added = await metered.addBulk([
      { name: 'send-email', data: {} },
      { name: 'send-email', data: { fail: true } },
      { name: 'send-email', data: {} },
    ]);
    await done;
    await worker.close();
    const reader = newProvider(prefix, { queueNames: [metered.name] });
    try {
      await reader.listQueues(); // connected, script loaded
      let plain: QueueSnapshot[] = [];
      const plainCommands = await monitorCommands(prefix, async () => {
        plain = await reader.listQueues();
      });
      let withTotals: QueueSnapshot[] = [];
      const totalsCommands = await monitorCommands(prefix, async () => {
        withTotals = await reader.listQueues({ totals: true });
      });
      const queueKey = `${prefix}:${metered.name}:`;
      const totalReads = (commands: string[][]) =>
        commands
          .filter(
            ([name, key]) =>
              (name === 'get' || name === 'hget') &&
              key?.startsWith(queueKey) &&
              ['id', 'metrics:completed', 'metrics:failed'].includes(
                key.slice(queueKey.length),
              ),
          )
          .map(([name, key]) => `${name} ${key.slice(queueKey.length)}`);
      expect(plain[0].totals).toBeUndefined();
      expect(totalReads(plainCommands)).toEqual([]);
      expect(totalReads(totalsCommands)).toEqual([
        'get id',
        'hget metrics:completed',
        'hget metrics:failed',
      ]);
      expect(withTotals[0].totals).toEqual({
        enqueued: Number(added[added.length - 1].id),
        completed: (await metered.getMetrics('completed')).meta.count,
        failed: (await metered.getMetrics('failed')).meta.count,
      });
      expect(withTotals[0].totals).toEqual({
        enqueued: 3,
        completed: 2,
        failed: 1,
      });
      // the rest of the snapshot does not depend on the option
      expect({ ...withTotals[0], totals: undefined }).toEqual({
        ...plain[0],
        totals: undefined,
      });
    } finally {
      await reader.close();
    }
  });

  it('compares enqueue times when job ids are not BullMQ counters', async () => {
    const custom = queues.queue('custom-ids');
    const now = Date.now();
    // wait holds [order-a, order-b]: the oldest job at the head, a LIFO one at the tail
    await custom.add('a', {}, { jobId: 'order-a', timestamp: now - 5000 });
    await custom.add(
      'b',
      {},
      { jobId: 'order-b', timestamp: now - 1000, lifo: true },
    );
    await custom.add(
      'c',
      {},
      { jobId: 'order-c', timestamp: now - 3000, priority: 2 },
    );
    const reader = newProvider(prefix, { queueNames: [custom.name] });
    try {
      const [snapshot] = await reader.listQueues();
      expect(snapshot?.oldestWaitingAt).toBe(
        new Date(now - 5000).toISOString(),
      );
      // again, unchanged
      expect((await reader.listQueues())[0]?.oldestWaitingAt).toBe(
        new Date(now - 5000).toISOString(),
      );
    } finally {
      await reader.close();
    }
  });

  it('falls back to the other candidates when the oldest job is gone from its hash', async () => {
    const queue = queues.queue('vanishing');
    const now = Date.now();
    const oldest = await queue.add('a', {}, { timestamp: now - 60_000 });
    const next = await queue.add('b', {}, { timestamp: now - 1000 });
    // the oldest job's id stays in the wait list while its hash is gone (a damaged queue)
    await admin.del(`${prefix}:${queue.name}:${oldest.id}`);
    const reader = newProvider(prefix, { queueNames: [queue.name] });
    try {
      const [snapshot] = await reader.listQueues();
      expect(snapshot?.counts.waiting).toBe(2);
      expect(snapshot?.oldestWaitingAt).toBe(
        new Date(next.timestamp).toISOString(),
      );
    } finally {
      await reader.close();
    }
  });

  it('reads an unchanged overview without a command once the queues are discovered', async () => {
    // connected, queues discovered, script loaded
    const before = await provider.listQueues();
    const traffic = countTraffic(redis);
    const snapshots = await provider.listQueues();
    traffic.restore();
    expect(traffic.counts.writes).toBe(0);
    expect(snapshots).toEqual(before);
  });

  it('reads 600 configured queues in one round trip, first call included', async () => {
    const names = Array.from({ length: 600 }, (_, i) => `outbound-email-t${i}`);
    const client = createBullMqRedisClient(REDIS_URL, {
      connectTimeoutMs: 2000,
    });
    await client.connect();
    const many = new BullMqQueueProvider({
      redis: client,
      prefix,
      queueNames: names,
    });
    // change tracking starts in the background meanwhile (its own writes are not counted)
    const stream = (client as unknown as { stream: { write: Function } })
      .stream;
    const write = stream.write;
    let scriptWrites = 0;
    stream.write = function countScripts(this: unknown, ...args: unknown[]) {
      if (/\beval/i.test(String(args[0]))) scriptWrites += 1;
      return write.apply(this, args);
    };
    const snapshots = await many.listQueues();
    stream.write = write;
    await many.close();
    expect(scriptWrites).toBe(1);
    expect(snapshots).toHaveLength(600);
    expect(snapshots[599]).toMatchObject({
      name: 'outbound-email-t599',
      tenantId: 't599',
      paused: false,
      counts: { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 },
    });
  });

  it('lists the newest jobs of a tenant, data parsed, filtered by state', async () => {
    const jobs = await provider.listTenantJobs('acme', { limit: 4 });
    expect(jobs).toHaveLength(4);
    const times = jobs.map(j => j.enqueuedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(jobs.every(j => j.queueName === acme.name)).toBe(true);

    const failed = await provider.listTenantJobs('acme', {
      limit: 10,
      states: ['failed'],
    });
    expect(failed).toEqual([
      expect.objectContaining({
        queueName: acme.name,
        name: 'send-email',
        state: 'failed',
        failedReason: 'mailbox unavailable',
        attemptsMade: 1,
        data: { to: 'c@x.test', fail: true },
      }),
    ]);

    const waiting = await provider.listTenantJobs('acme', {
      limit: 10,
      states: ['waiting'],
    });
    expect(waiting.map(j => (j.data as { to: string }).to).sort()).toEqual([
      'p1@x.test',
      'p2@x.test',
      'w1@x.test',
      'w2@x.test',
    ]);
    expect(await provider.listTenantJobs('nobody', { limit: 5 })).toEqual([]);
  });
});

describe('BullMqQueueProvider without Redis', () => {
  it('rejects at once instead of hanging, and keeps rejecting while Redis is down', async () => {
    // nothing listens on port 1
    const provider = newProvider(uniquePrefix(), {
      redisUrl: 'redis://127.0.0.1:1',
    });
    try {
      await expect(provider.listQueues()).rejects.toThrow(
        ServiceUnavailableError,
      );
      await expect(provider.listQueues()).rejects.toThrow(/Redis unavailable/);
      await expect(provider.pauseTenant('acme')).rejects.toThrow(
        /Redis unavailable/,
      );
      await expect(
        provider.listTenantJobs('acme', { limit: 5 }),
      ).rejects.toThrow(/Redis unavailable/);
    } finally {
      await provider.close();
    }
  });
});
