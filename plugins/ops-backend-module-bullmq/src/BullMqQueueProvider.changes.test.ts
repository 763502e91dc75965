import { mockServices } from '@backstage/backend-test-utils';
import { randomBytes } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { BullMqQueueProvider } from './BullMqQueueProvider';
import { createBullMqRedisClient } from './redisClient';
import {
  countTraffic,
  deleteKeys,
  finished,
  monitorCommands,
  REDIS_CONNECTION,
  REDIS_URL,
  TestQueues,
  uniquePrefix,
} from './__testUtils__/redis';

jest.setTimeout(30_000);

/**
 * The overview reads again only the queues written since their last read (Redis client
 * tracking); these tests change queues from other connections and check that the very next
 * overview shows it, and what the provider sends to Redis.
 */
describe('BullMqQueueProvider change tracking', () => {
  const prefix = uniquePrefix();
  const queues = new TestQueues(prefix);
  const admin = new Redis(REDIS_URL);
  const open: BullMqQueueProvider[] = [];

  /** A provider on its own client, its invalidation connection captured. */
  async function start(names: string[], redisUrl = REDIS_URL) {
    const client = createBullMqRedisClient(redisUrl, {
      connectTimeoutMs: 2000,
    });
    const duplicate = jest.spyOn(client, 'duplicate');
    await client.connect();
    const logger = mockServices.logger.mock();
    const provider = new BullMqQueueProvider({
      redis: client,
      prefix,
      queueNames: names,
      logger,
    });
    open.push(provider);
    const invalidations = () =>
      duplicate.mock.results[duplicate.mock.results.length - 1]?.value as Redis;
    /** Redis traffic of one overview, on the client and on the invalidation connection. */
    const overview = async () => {
      const sub = invalidations();
      const main = countTraffic(client);
      // counted once connected (the first overview waits for it to connect)
      const second = sub?.status === 'ready' ? countTraffic(sub) : undefined;
      const snapshots = await provider.listQueues();
      main.restore();
      second?.restore();
      return {
        snapshots: new Map(snapshots.map(s => [s.name, s])),
        writes: main.counts.writes,
        pings: second?.counts.writes ?? 0,
      };
    };
    /**
     * Overviews until change tracking runs (it starts in the background) and every queue
     * is registered: answers the first one that sent only the PING.
     */
    const warm = async () => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const result = await overview();
        if (result.writes === 0 && result.pings === 1) return result;
        await new Promise(resolve => setTimeout(resolve, 10));
      }
      throw new Error('change tracking did not start');
    };
    return { client, provider, invalidations, overview, warm, logger };
  }

  afterAll(async () => {
    await Promise.all(open.map(p => p.close()));
    await queues.close();
    await deleteKeys(admin, prefix);
    admin.disconnect();
  });

  const countsOf = async (queue: Queue) => {
    const c = await queue.getJobCounts();
    return {
      waiting: c.waiting + c.prioritized,
      active: c.active,
      delayed: c.delayed,
      failed: c.failed,
      completed: c.completed,
    };
  };

  it('answers an unchanged overview with one PING and no other command', async () => {
    const queue = queues.queue('unchanged');
    await queue.add('send-email', { to: 'a@x.test' });
    const { overview, warm } = await start([queue.name]);
    const first = await overview();
    expect(first.snapshots.get(queue.name)?.counts.waiting).toBe(1);
    const second = await warm();
    expect(second).toMatchObject({ writes: 0, pings: 1 });
    expect(second.snapshots).toEqual(first.snapshots);
    // the answer is a copy: changing it changes nothing kept
    second.snapshots.get(queue.name)!.counts.waiting = 99;
    expect((await overview()).snapshots.get(queue.name)?.counts.waiting).toBe(
      1,
    );
  });

  it('shows a change by any client in the very next overview and reads only that queue', async () => {
    const [a, b, c] = ['changes-a', 'changes-b', 'changes-c'].map(name =>
      queues.queue(name),
    );
    await a.addBulk([
      { name: 'send-email', data: {} },
      { name: 'send-email', data: {} },
    ]);
    await b.add('send-email', {});
    await c.add('send-email', {}, { delay: 3_600_000 });
    const { provider, overview, warm } = await start([a.name, b.name, c.name]);
    await warm();

    // a job added from another connection, listed at once (no waiting for the message)
    await b.add('send-email', {}, { priority: 3 });
    const commands = await monitorCommands(prefix, () => provider.listQueues());
    const reads = commands.filter(([name]) => name !== 'exists');
    expect(new Set(reads.map(([, key]) => key.split(':')[1]))).toEqual(
      new Set([b.name]),
    );
    // and of it only the key written: a prioritized job changes `prioritized` alone
    expect(new Set(reads.map(([name]) => name))).toEqual(
      new Set(['zcard', 'zrange', 'hget']),
    );
    expect(commands).toContainEqual([
      'exists',
      `${prefix}:${b.name}:prioritized`,
    ]);
    const afterAdd = await overview();
    expect(afterAdd.writes).toBe(0);
    expect(afterAdd.snapshots.get(b.name)?.counts).toEqual(await countsOf(b));
    expect(afterAdd.snapshots.get(b.name)?.counts.waiting).toBe(2);
    // Redis reports a key once: the key it reported is tracked again by that read
    await b.add('send-email', {}, { priority: 4 });
    expect((await overview()).snapshots.get(b.name)?.counts.waiting).toBe(3);

    // a worker finishes b's jobs; a drain (which BullMQ announces to no one) empties a;
    // a delayed job of c is promoted
    const worker = queues.worker(b.name, async () => 'sent');
    await finished(worker, 3);
    await worker.close();
    await a.drain();
    await (await c.getJobs(['delayed']))[0]!.promote();
    const after = await overview();
    expect(after.writes).toBe(1);
    for (const queue of [a, b, c]) {
      expect(after.snapshots.get(queue.name)?.counts).toEqual(
        await countsOf(queue),
      );
    }
    expect(after.snapshots.get(a.name)?.counts.waiting).toBe(0);
    expect(after.snapshots.get(b.name)?.counts.completed).toBe(3);
    expect(after.snapshots.get(c.name)?.counts).toMatchObject({
      waiting: 1,
      delayed: 0,
    });
    expect(after.snapshots.get(b.name)?.oldestWaitingAt).toBeUndefined();

    // a pause from another connection
    await c.pause();
    expect((await overview()).snapshots.get(c.name)?.paused).toBe(true);
  });

  it('reads everything again when the invalidation connection is lost, changes made meanwhile included', async () => {
    const queue = queues.queue('lost-connection');
    await queue.add('send-email', {});
    const { invalidations, overview, warm } = await start([queue.name]);
    await warm();

    const sub = invalidations();
    const closed = new Promise(resolve => sub.once('close', resolve));
    await admin.client('KILL', 'ID', String(await clientId(admin, sub)));
    await closed;
    await queue.add('send-email', {});
    const after = await overview();
    expect(after.writes).toBe(1);
    expect(after.snapshots.get(queue.name)?.counts.waiting).toBe(2);
    // tracking starts again on a new connection: unchanged overviews are free again
    expect((await warm()).snapshots.get(queue.name)?.counts.waiting).toBe(2);
    expect(invalidations()).not.toBe(sub);
  });

  it('never answers stale counts: 30 writes, each listed by the overview right after it', async () => {
    const queue = queues.queue('barrier');
    const { overview, warm } = await start([queue.name]);
    await warm();
    for (let i = 1; i <= 30; i++) {
      await queue.add('send-email', { i });
      const { snapshots } = await overview();
      expect(snapshots.get(queue.name)?.counts.waiting).toBe(i);
    }
  });

  it('shows a write to two overviews that run at the same time, the sampler call included', async () => {
    const names = Array.from({ length: 300 }, (_, i) => `concurrent-${i}`);
    const queue = queues.queue(names[7]);
    await queue.add('send-email', {});
    const { provider, warm } = await start(names);
    await warm();
    for (let round = 2; round <= 11; round++) {
      await queue.add('send-email', {});
      const [first, second] = await Promise.all([
        provider.listQueues(round % 2 === 0 ? { totals: true } : undefined),
        provider.listQueues(),
      ]);
      for (const snapshots of [first, second]) {
        expect(snapshots.find(s => s.name === queue.name)?.counts.waiting).toBe(
          round,
        );
      }
    }
  });

  it('reads again what a failed overview left unread', async () => {
    const [queue, broken] = [queues.queue('fails-a'), queues.queue('fails-b')];
    await queue.add('send-email', {});
    const { provider, overview, warm } = await start([queue.name, broken.name]);
    await warm();
    await queue.add('send-email', {});
    // b's `active` key of the wrong type: the script (and so the overview) fails
    const activeKey = `${prefix}:${broken.name}:active`;
    await admin.set(activeKey, 'not a list');
    await expect(provider.listQueues()).rejects.toThrow(/WRONGTYPE/);
    await admin.del(activeKey);
    const after = await overview();
    expect(after.snapshots.get(queue.name)?.counts.waiting).toBe(2);
    // and its keys are tracked again: the next write is seen too
    await queue.add('send-email', {});
    expect((await overview()).snapshots.get(queue.name)?.counts.waiting).toBe(
      3,
    );
  });

  it('starts tracking again when the client reconnects', async () => {
    const queue = queues.queue('reconnects');
    await queue.add('send-email', {});
    const { client, overview, warm } = await start([queue.name]);
    await warm();
    const ready = new Promise(resolve => client.once('ready', resolve));
    await admin.client('KILL', 'ID', String(await client.client('ID')));
    await ready;
    await queue.add('send-email', {});
    expect((await overview()).snapshots.get(queue.name)?.counts.waiting).toBe(
      2,
    );
    expect((await warm()).snapshots.get(queue.name)?.counts.waiting).toBe(2);
    await queue.add('send-email', {});
    expect((await overview()).snapshots.get(queue.name)?.counts.waiting).toBe(
      3,
    );
  });

  it('forgets everything on FLUSHDB (in a database of its own)', async () => {
    const db = `${REDIS_URL}/9`;
    const producer = new Queue('flushed', {
      connection: { ...REDIS_CONNECTION, db: 9 },
      prefix,
    });
    try {
      await producer.add('send-email', {});
      const { overview, warm } = await start([producer.name], db);
      await warm();
      const flusher = new Redis(db);
      await flusher.flushdb();
      flusher.disconnect();
      expect(
        (await overview()).snapshots.get(producer.name)?.counts.waiting,
      ).toBe(0);
      await producer.add('send-email', {});
      expect((await warm()).snapshots.get(producer.name)?.counts.waiting).toBe(
        1,
      );
    } finally {
      await producer.close();
    }
  });

  it('agrees with BullMQ after every step of a random mix of operations', async () => {
    const mix = ['mix-a', 'mix-b', 'mix-c'].map(name => queues.queue(name));
    const workers = mix.map(
      queue =>
        new Worker(queue.name, null, {
          connection: { ...REDIS_CONNECTION, maxRetriesPerRequest: null },
          prefix,
        }),
    );
    const { overview, warm } = await start(mix.map(q => q.name));
    await warm();
    // mulberry32: the same sequence on every run
    let seed = 7;
    const random = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
    const operations: Array<
      (queue: Queue, worker: Worker) => Promise<unknown>
    > = [
      queue => queue.add('send-email', {}),
      queue => queue.add('send-email', {}, { priority: 1 + random(3) }),
      queue => queue.add('send-email', {}, { delay: 3_600_000 }),
      async queue => (await queue.getJobs(['delayed']))[0]?.promote(),
      async queue =>
        (await queue.getJobs(['waiting', 'prioritized']))[0]?.remove(),
      // a worker takes a job and finishes it, or fails it
      async (_, worker) => {
        const job = await worker.getNextJob('token', { block: false });
        if (!job) return;
        if (random(2) === 0) await job.moveToCompleted('sent', 'token', false);
        else await job.moveToFailed(new Error('bounced'), 'token', false);
      },
      async (_, worker) => worker.getNextJob('token', { block: false }),
      async queue =>
        (await queue.isPaused()) ? queue.resume() : queue.pause(),
      queue => queue.clean(0, 10, 'completed'),
      queue => (random(4) === 0 ? queue.drain() : Promise.resolve()),
    ];
    try {
      for (let step = 0; step < 80; step++) {
        const index = random(mix.length);
        await operations[random(operations.length)](mix[index], workers[index]);
        const { snapshots } = await overview();
        for (const queue of mix) {
          const waiting = await queue.getJobs(['waiting', 'prioritized']);
          const oldest = waiting.length
            ? new Date(
                Math.min(...waiting.map(j => j!.timestamp)),
              ).toISOString()
            : undefined;
          expect({ step, ...snapshots.get(queue.name) }).toMatchObject({
            step,
            counts: await countsOf(queue),
            paused: await queue.isPaused(),
            oldestWaitingAt: oldest,
          });
        }
      }
    } finally {
      await Promise.all(workers.map(worker => worker.close(true)));
    }
  });

  it('reads every queue on every call when Redis refuses CLIENT TRACKING (ACL)', async () => {
    const user = `opstest-notrack-${randomBytes(4).toString('hex')}`;
    await admin.call(
      'ACL',
      'SETUSER',
      user,
      'on',
      'nopass',
      '~*',
      '&*',
      '+@all',
      '-client',
    );
    try {
      const queue = queues.queue('no-tracking');
      await queue.add('send-email', {});
      const { overview, logger } = await start(
        [queue.name],
        `redis://${user}:any@127.0.0.1:6379`,
      );
      expect((await overview()).snapshots.get(queue.name)?.counts.waiting).toBe(
        1,
      );
      await queue.add('send-email', {});
      const second = await overview();
      expect(second.writes).toBe(1);
      expect(second.snapshots.get(queue.name)?.counts.waiting).toBe(2);
      // tracking gives up in the background; overviews keep reading every queue
      for (let i = 0; i < 100 && !logger.info.mock.calls.length; i++) {
        await new Promise(resolve => setTimeout(resolve, 10));
      }
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringContaining('Redis refused CLIENT TRACKING'),
      );
      expect((await overview()).writes).toBe(1);
    } finally {
      await admin.call('ACL', 'DELUSER', user);
    }
  });
});

/** The server-side id of a subscribed connection (which cannot ask CLIENT ID itself). */
async function clientId(admin: Redis, connection: Redis): Promise<number> {
  const { localPort } = (
    connection as unknown as { stream: { localPort: number } }
  ).stream;
  const list = (await admin.call('CLIENT', 'LIST', 'TYPE', 'pubsub')) as string;
  const line = list
    .split('\n')
    .find(l => new RegExp(`addr=\\S+:${localPort} `).test(l));
  if (!line) throw new Error(`no pubsub client on local port ${localPort}`);
  return Number(/id=(\d+)/.exec(line)![1]);
}
