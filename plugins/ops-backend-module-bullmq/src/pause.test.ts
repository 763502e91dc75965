import { Job } from 'bullmq';
import { Redis } from 'ioredis';
import { BullMqQueueProvider } from './BullMqQueueProvider';
import { createBullMqRedisClient } from './redisClient';
import {
  deleteKeys,
  finished,
  REDIS_URL,
  TestQueues,
  uniquePrefix,
} from './__testUtils__/redis';

jest.setTimeout(30_000);

describe('BullMqQueueProvider pause and resume with real workers', () => {
  const prefix = uniquePrefix();
  const queues = new TestQueues(prefix);
  const admin = new Redis(REDIS_URL);
  const provider = new BullMqQueueProvider({
    redis: createBullMqRedisClient(REDIS_URL, { connectTimeoutMs: 2000 }),
    prefix,
  });

  afterAll(async () => {
    await provider.close();
    await queues.close();
    await deleteKeys(admin, prefix);
    admin.disconnect();
  });

  it("stops one tenant's worker only, keeps its jobs, and drains them after resume", async () => {
    const acme = queues.queue('outbound-email-acme');
    const globex = queues.queue('outbound-email-globex');
    const processed = { acme: [] as string[], globex: [] as string[] };
    const acmeWorker = queues.worker(acme.name, async (job: Job) => {
      processed.acme.push(job.data.to);
    });
    const globexWorker = queues.worker(globex.name, async (job: Job) => {
      processed.globex.push(job.data.to);
    });
    await Promise.all([
      acmeWorker.waitUntilReady(),
      globexWorker.waitUntilReady(),
    ]);

    expect(await provider.pauseTenant('acme')).toBe(true);
    expect(await acme.isPaused()).toBe(true);
    expect(await globex.isPaused()).toBe(false);

    const mails = (tenant: string) =>
      Array.from({ length: 20 }, (_, i) => ({
        name: 'send-email',
        data: { to: `user${i}@${tenant}.test` },
      }));
    const globexDone = finished(globexWorker, 20);
    await acme.addBulk(mails('acme'));
    await globex.addBulk(mails('globex'));

    // the other tenant's queue keeps flowing while acme is paused
    await globexDone;
    expect(processed.globex).toHaveLength(20);
    expect(processed.acme).toEqual([]);
    const paused = (await provider.listQueues()).find(
      q => q.tenantId === 'acme',
    );
    expect(paused).toMatchObject({
      paused: true,
      counts: { waiting: 20, active: 0, completed: 0 },
    });

    // resume: every paused job is processed, none lost
    const acmeDone = finished(acmeWorker, 20);
    expect(await provider.resumeTenant('acme')).toBe(true);
    await acmeDone;
    expect(processed.acme.sort()).toEqual(
      mails('acme')
        .map(m => m.data.to)
        .sort(),
    );
    const resumed = (await provider.listQueues()).find(
      q => q.tenantId === 'acme',
    );
    expect(resumed).toMatchObject({
      paused: false,
      counts: { waiting: 0, active: 0, completed: 20, failed: 0 },
    });
  });

  it('pauses a queue created after the last discovery', async () => {
    await provider.listQueues(); // discovery cached without initech
    const initech = queues.queue('outbound-email-initech');
    await initech.add('send-email', { to: 'a@initech.test' });
    expect(await provider.pauseTenant('initech')).toBe(true);
    expect(await initech.isPaused()).toBe(true);
    expect(await provider.resumeTenant('initech')).toBe(true);
    expect(await initech.isPaused()).toBe(false);
  });

  it('answers false for a tenant without queues; shared queues are never paused', async () => {
    const shared = queues.queue('transactional');
    await shared.add('receipt', {});
    expect(await provider.pauseTenant('nobody')).toBe(false);
    expect(await provider.resumeTenant('nobody')).toBe(false);
    expect(await shared.isPaused()).toBe(false);
  });
});
