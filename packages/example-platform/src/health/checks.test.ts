import {
  openPlatformDatabase,
  PlatformDatabase,
} from '../db/openPlatformDatabase';
import { checkEventLoop } from './eventLoopCheck';
import { EventLoopDelaySampler } from './eventLoopSampler';
import { checkMemory } from './memoryCheck';
import { checkQueueBacklog } from './queueBacklogCheck';
import { checkSqlite } from './sqliteCheck';
import { statusFromThresholds, worstStatus } from './status';

const MIB = 1024 * 1024;

describe('health checks', () => {
  let database: PlatformDatabase;

  beforeEach(() => {
    database = openPlatformDatabase(':memory:');
  });

  afterEach(() => {
    database.close();
  });

  describe('sqlite:responseTime', () => {
    it('times a real query', () => {
      const result = checkSqlite(database.repository, 250);
      expect(result).toMatchObject({
        componentType: 'datastore',
        observedUnit: 'ms',
        status: 'pass',
      });
      expect(result.observedValue as number).toBeGreaterThanOrEqual(0);
      expect(result.observedValue as number).toBeLessThan(250);
    });

    it('warns when slower than the threshold', () => {
      expect(checkSqlite(database.repository, -1).status).toBe('warn');
    });

    it('fails when the query throws', () => {
      database.close();
      const result = checkSqlite(database.repository, 250);
      expect(result.status).toBe('fail');
      expect(result.output).toMatch(/^SELECT 1 failed: .*not open/);
    });
  });

  describe('memory:utilization', () => {
    it('reports heap used and RSS in MiB against their thresholds', () => {
      const [heap, rss] = checkMemory(
        { heapWarnMiB: 100, rssWarnMiB: 300 },
        { heapUsed: 50 * MIB, rss: 400 * MIB },
      );
      expect(heap).toMatchObject({
        componentId: 'heapUsed',
        observedValue: 50,
        observedUnit: 'MiB',
        status: 'pass',
      });
      expect(rss).toMatchObject({
        componentId: 'rss',
        observedValue: 400,
        status: 'warn',
      });
      expect(rss.output).toBe('rss is above 300 MiB');
    });

    it('measures this process by default', () => {
      const [heap] = checkMemory({ heapWarnMiB: 1e6, rssWarnMiB: 1e6 });
      expect(heap.observedValue as number).toBeGreaterThan(1);
    });
  });

  describe('eventloop:delay', () => {
    const thresholds = { eventLoopWarnMs: 100, eventLoopFailMs: 1000 };
    const fixed = (ms: number) => ({ p99: () => ({ ms, samples: 10 }) });

    it.each([
      [5, 'pass'],
      [150, 'warn'],
      [1500, 'fail'],
    ])('%s ms is %s', (ms, status) => {
      expect(checkEventLoop(fixed(ms), thresholds)).toMatchObject({
        observedValue: ms,
        observedUnit: 'ms',
        status,
      });
    });

    it('measures a blocked event loop', async () => {
      const sampler = new EventLoopDelaySampler({ resolutionMs: 10 });
      try {
        await new Promise(resolve => setTimeout(resolve, 50));
        const blockUntil = Date.now() + 250;
        while (Date.now() < blockUntil) {
          // busy-wait: block the event loop
        }
        await new Promise(resolve => setTimeout(resolve, 30));
        const result = checkEventLoop(sampler, thresholds);
        expect(result.observedValue as number).toBeGreaterThan(150);
        expect(result.status).toBe('warn');
      } finally {
        sampler.stop();
      }
    });
  });

  describe('queue:backlog', () => {
    const enqueue = (n: number) =>
      database.repository.enqueueMessages(
        Array.from({ length: n }, (_, i) => ({
          tenantId: 'acme',
          sender: 'noreply@acme.example.com',
          recipient: `r${i}@example.net`,
          subject: 'hi',
        })),
      );
    const thresholds = { backlogWarn: 2, backlogFail: 4 };

    it('counts queued messages against the thresholds', async () => {
      expect(
        await checkQueueBacklog(database.repository, thresholds),
      ).toMatchObject({
        observedValue: 0,
        observedUnit: 'messages',
        componentType: 'component',
        status: 'pass',
      });
      enqueue(3);
      expect(
        await checkQueueBacklog(database.repository, thresholds),
      ).toMatchObject({
        observedValue: 3,
        status: 'warn',
      });
      enqueue(2);
      const failing = await checkQueueBacklog(database.repository, thresholds);
      expect(failing).toMatchObject({ observedValue: 5, status: 'fail' });
      expect(failing.output).toContain('5 messages waiting (above 4)');
    });

    it('stops counting messages once they are delivered', async () => {
      enqueue(3);
      database.repository.deliverBatch(2, () => 'sent');
      expect(
        (await checkQueueBacklog(database.repository, thresholds))
          .observedValue,
      ).toBe(1);
    });

    it('fails when the queue cannot be read', async () => {
      database.close();
      expect(
        await checkQueueBacklog(database.repository, thresholds),
      ).toMatchObject({
        status: 'fail',
        observedValue: null,
      });
    });
  });

  describe('status helpers', () => {
    it('orders statuses pass < warn < fail', () => {
      expect(worstStatus([])).toBe('pass');
      expect(worstStatus(['pass', 'warn', 'pass'])).toBe('warn');
      expect(worstStatus(['warn', 'fail', 'pass'])).toBe('fail');
    });

    it('compares against thresholds exclusively', () => {
      expect(statusFromThresholds(100, 100, 200)).toBe('pass');
      expect(statusFromThresholds(101, 100, 200)).toBe('warn');
      expect(statusFromThresholds(201, 100, 200)).toBe('fail');
    });
  });
});
