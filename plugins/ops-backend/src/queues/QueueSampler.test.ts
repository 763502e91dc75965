import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/databases';
import {
  InMemoryQueueProvider,
  queueSnapshot,
} from '../__testUtils__/InMemoryQueueProvider';
import { DatabaseQueueStore } from './DatabaseQueueStore';
import { defaultSpikeOptions } from './detectSpike';
import { QueueSampler } from './QueueSampler';
import { QueueSources } from './QueueSources';
import { HOUR_MS, MINUTE_MS } from './QueueStore';
import { SpikeMonitor } from './SpikeMonitor';
import { SpikeNotifier } from './SpikeNotifier';

jest.setTimeout(120_000);

const T0 = Date.parse('2026-11-26T00:00:00.000Z');
const STEP = 30_000;

describe('QueueSampler', () => {
  const databases = createTestDatabases();

  describe.each(databases.ids)('on %p', id => {
    async function setup() {
      const store = DatabaseQueueStore.create(await databases.init(id));
      const provider = new InMemoryQueueProvider('platform', {
        queues: [
          queueSnapshot('outbound-email-acme', { tenantId: 'acme' }),
          queueSnapshot('outbound-email-globex', { tenantId: 'globex' }),
          queueSnapshot('maintenance'),
        ],
      });
      const down = new InMemoryQueueProvider('bullmq');
      const send = jest.fn(async () => {});
      const logger = mockServices.logger.mock();
      const spikes = new SpikeMonitor({
        store,
        tenants: {
          id: 'tenants:catalog',
          getTenants: async () =>
            new Map([
              [
                'acme',
                { tier: 'free' as const, ownerRef: 'group:default/team-acme' },
              ],
              ['globex', { tier: 'enterprise' as const }],
            ]),
        },
        notifier: new SpikeNotifier(
          { send },
          ['group:default/ops-admins'],
          logger,
        ),
        options: {
          ...defaultSpikeOptions,
          windowMinutes: 5,
          baselineHours: 24,
        },
        logger,
      });
      const sampler = new QueueSampler({
        sources: new QueueSources([provider, down]),
        store,
        spikes,
        logger,
      });
      const totals = { acme: 0, globex: 0 };
      /** Runs sampling rounds every `step` ms while each tenant enqueues at the given rate. */
      async function run(
        from: number,
        minutes: number,
        perMinute: { acme: number; globex: number },
        step = STEP,
      ) {
        const results = [];
        for (let t = from; t < from + minutes * MINUTE_MS; t += step) {
          totals.acme += (perMinute.acme * step) / MINUTE_MS;
          totals.globex += (perMinute.globex * step) / MINUTE_MS;
          provider.setQueue('outbound-email-acme', {
            totals: { enqueued: totals.acme },
          });
          provider.setQueue('outbound-email-globex', {
            totals: { enqueued: totals.globex },
          });
          results.push(await sampler.sampleRound(t));
        }
        return results;
      }
      return { store, provider, down, send, sampler, run };
    }

    it('derives rates from counter deltas and skips a source that is down', async () => {
      const { store, down, sampler, provider } = await setup();
      down.failWith = new Error('connect ECONNREFUSED 127.0.0.1:6379');
      provider.setQueue('outbound-email-acme', {
        totals: { enqueued: 1000, completed: 900 },
        oldestWaitingAt: new Date(T0 - 60_000).toISOString(),
      });
      await sampler.sampleRound(T0);
      provider.setQueue('outbound-email-acme', {
        totals: { enqueued: 1060, completed: 930 },
      });
      const result = await sampler.sampleRound(T0 + STEP);
      expect(result.queues).toBe(3);
      expect(result.sources).toEqual([
        {
          id: 'bullmq',
          status: 'degraded',
          error: 'connect ECONNREFUSED 127.0.0.1:6379',
        },
        { id: 'platform', status: 'ok' },
      ]);
      const latest = await store.latestSamples(T0);
      expect(latest.get('platform:outbound-email-acme')?.deltas).toEqual({
        enqueued: 60,
        processed: 30,
        failed: 0,
        intervalMs: STEP,
      });
      // a reset of the source's counters counts what happened since
      provider.setQueue('outbound-email-acme', {
        totals: { enqueued: 12, completed: 2 },
      });
      await sampler.sampleRound(T0 + 2 * STEP);
      expect(
        (await store.latestSamples(T0)).get('platform:outbound-email-acme')
          ?.deltas,
      ).toMatchObject({ enqueued: 12, processed: 2 });
    });

    it('asks the sources for the cumulative totals', async () => {
      const { sampler, provider } = await setup();
      const listed = jest.spyOn(provider, 'listQueues');
      await sampler.sampleRound(T0);
      expect(listed).toHaveBeenCalledWith({ totals: true });
    });

    it('opens a spike for a small tenant against its own baseline, not for a big steady one, and resolves it', async () => {
      const { store, run, send } = await setup();
      // six hours of normal traffic: acme 4/min, globex 900/min
      // (sampled every 5 minutes to keep the test short)
      await run(T0, 6 * 60, { acme: 4, globex: 900 }, 5 * MINUTE_MS);
      expect(await store.listAlerts({ limit: 10 })).toEqual([]);

      // acme is compromised: 400/min; globex has a busy but normal stretch
      const spikeStart = T0 + 6 * HOUR_MS;
      await run(spikeStart, 6, { acme: 400, globex: 1500 });
      const [alert] = await store.listAlerts({ status: 'open', limit: 10 });
      expect(alert).toMatchObject({
        tenantId: 'acme',
        severity: 'medium',
        status: 'open',
        ratePerMinute: 400,
        baselinePerMinute: 4,
      });
      // the rate when it opened: the window's median had just crossed the threshold
      expect(alert.message).toMatch(
        /^[\d.]+\/min vs baseline 4\/min \([\d.]+x\)$/,
      );
      expect(send).toHaveBeenCalledTimes(1);
      expect(send).toHaveBeenCalledWith({
        recipients: {
          type: 'entity',
          entityRef: ['group:default/team-acme', 'group:default/ops-admins'],
        },
        payload: expect.objectContaining({
          title: 'Queue spike: tenant acme',
          link: '/ops/queues?tenantId=acme',
          severity: 'normal',
          topic: 'ops-queue-spike',
        }),
      });

      // it goes on, harder: one alert, its peak follows
      await run(spikeStart + 6 * MINUTE_MS, 6, { acme: 800, globex: 900 });
      const open = await store.listAlerts({ status: 'open', limit: 10 });
      expect(open.map(a => [a.id, a.peakRatePerMinute])).toEqual([
        [alert.id, 800],
      ]);
      expect(send).toHaveBeenCalledTimes(1);

      // back to normal
      await run(spikeStart + 12 * MINUTE_MS, 6, { acme: 4, globex: 900 });
      expect(await store.listAlerts({ status: 'open', limit: 10 })).toEqual([]);
      expect(await store.listAlerts({ limit: 10 })).toEqual([
        expect.objectContaining({ id: alert.id, status: 'resolved' }),
      ]);
      const [resolved] = await store.listAlerts({ limit: 10 });
      expect(resolved.resolvedAt).toBeGreaterThan(spikeStart + 12 * MINUTE_MS);
    });

    it('judges a young tenant against the minutes before the window', async () => {
      const { store, run } = await setup();
      await run(T0, 20, { acme: 2, globex: 0 });
      await run(T0 + 20 * MINUTE_MS, 5, { acme: 300, globex: 0 });
      expect(await store.listAlerts({ status: 'open', limit: 10 })).toEqual([
        expect.objectContaining({ tenantId: 'acme', baselinePerMinute: 2 }),
      ]);
    });

    it('deletes expired samples, rollups and resolved alerts', async () => {
      const { sampler, store, run } = await setup();
      await run(T0, 2, { acme: 2, globex: 2 });
      const deleted = await sampler.enforceRetention(
        {
          rawRetentionMs: HOUR_MS,
          hourlyRetentionMs: HOUR_MS,
          alertRetentionMs: HOUR_MS,
        },
        T0 + 3 * HOUR_MS,
        5,
      );
      expect(deleted).toBe(12 + 3);
      expect((await store.latestSamples(0)).size).toBe(0);
    });
  });
});
