import { createTestDatabases } from '../__testUtils__/databases';
import {
  InMemoryQueueProvider,
  queueSnapshot,
} from '../__testUtils__/InMemoryQueueProvider';
import { TenantInfoSource } from '../tenants/TenantDirectory';
import { DatabaseQueueStore } from './DatabaseQueueStore';
import { QueueService } from './QueueService';
import { QueueSources } from './QueueSources';
import { MINUTE_MS, QueueSampleRecord } from './QueueStore';

jest.setTimeout(60_000);

const NOW = Date.parse('2026-11-26T10:00:00.000Z');

const stored = (
  queueId: string,
  ts: number,
  deltas: QueueSampleRecord['deltas'],
  waiting = 0,
): QueueSampleRecord => ({
  queueId,
  source: 'platform',
  name: queueId.split(':')[1],
  tenantId: queueId.split('-').pop(),
  ts,
  counts: { waiting, active: 0, delayed: 0, failed: 0, completed: 0 },
  paused: false,
  totals: {},
  deltas,
});

describe('QueueService', () => {
  const databases = createTestDatabases();

  describe.each(databases.ids)('on %p', id => {
    async function setup() {
      const store = DatabaseQueueStore.create(await databases.init(id));
      const platform = new InMemoryQueueProvider('platform', {
        queues: [
          queueSnapshot('outbound-email-acme', {
            tenantId: 'acme',
            counts: {
              waiting: 900,
              active: 4,
              delayed: 0,
              failed: 1,
              completed: 50,
            },
            oldestWaitingAt: new Date(NOW - 120_000).toISOString(),
          }),
          queueSnapshot('outbound-email-globex', { tenantId: 'globex' }),
          queueSnapshot('maintenance'),
        ],
      });
      const bullmq = new InMemoryQueueProvider('bullmq');
      bullmq.failWith = new Error('connect ECONNREFUSED 127.0.0.1:6379');
      const tenants: TenantInfoSource & { fail?: boolean } = {
        id: 'tenants:catalog',
        async getTenants() {
          if (this.fail) throw new Error('catalog unavailable');
          return new Map([['acme', { tier: 'enterprise' as const }]]);
        },
      };
      const service = new QueueService({
        sources: new QueueSources([platform, bullmq]),
        store,
        tenants,
        maxAutoResumeHours: 48,
      });
      return { store, service, tenants, platform };
    }

    it('answers the queues of the sources that work, sorted by anomaly, with stored rates and open spikes', async () => {
      const { store, service } = await setup();
      await store.insertSamples([
        stored('platform:outbound-email-acme', NOW - 30_000, {
          enqueued: 200,
          processed: 10,
          failed: 10,
          intervalMs: 30_000,
        }),
      ]);
      await store.insertAlert({
        id: 'a1',
        tenantId: 'acme',
        severity: 'critical',
        status: 'open',
        startedAt: NOW - MINUTE_MS,
        ratePerMinute: 400,
        peakRatePerMinute: 400,
        baselinePerMinute: 4,
        message: '400/min vs baseline 4/min (100x)',
      });
      const overview = await service.getOverview({}, NOW);
      expect(overview.sources).toEqual([
        {
          id: 'bullmq',
          status: 'degraded',
          error: 'connect ECONNREFUSED 127.0.0.1:6379',
        },
        { id: 'platform', status: 'ok' },
        { id: 'tenants:catalog', status: 'ok' },
      ]);
      expect(overview.queues.map(q => [q.id, q.anomalyScore])).toEqual([
        ['platform:outbound-email-acme', 106],
        ['platform:maintenance', 0],
        ['platform:outbound-email-globex', 0],
      ]);
      expect(overview.queues[0]).toMatchObject({
        name: 'outbound-email-acme',
        source: 'platform',
        tenantId: 'acme',
        tenantEntityRef: 'tenant:default/acme',
        tenantTier: 'enterprise',
        paused: false,
        oldestWaitingAgeSeconds: 120,
        enqueuedPerMinute: 400,
        processedPerMinute: 20,
        failedPerMinute: 20,
        spike: { id: 'a1', status: 'open' },
      });
      expect(overview.queues[1].enqueuedPerMinute).toBeUndefined();
      expect(overview.alerts.map(a => a.id)).toEqual(['a1']);
      expect(overview.sampledAt).toBe('2026-11-26T10:00:00.000Z');
      // for the pause dialog: the latest auto-resume a pause may have
      expect(overview.maxAutoResumeHours).toBe(48);
    });

    it('filters by tenant and source, and refuses an unknown source', async () => {
      const { service } = await setup();
      const acme = await service.getOverview({ tenantId: 'acme' }, NOW);
      expect(acme.queues.map(q => q.name)).toEqual(['outbound-email-acme']);
      const platform = await service.getOverview({ source: 'platform' }, NOW);
      expect(platform.sources.map(s => s.id)).toEqual([
        'platform',
        'tenants:catalog',
      ]);
      await expect(
        service.getOverview({ source: 'rabbit' }, NOW),
      ).rejects.toMatchObject({
        name: 'InputError',
        message:
          'Unknown queue source "rabbit"; the sources are: platform, bullmq',
      });
    });

    it('still answers without tiers when the catalog fails', async () => {
      const { service, tenants } = await setup();
      tenants.fail = true;
      const overview = await service.getOverview({}, NOW);
      expect(overview.queues).toHaveLength(3);
      expect(overview.queues[0].tenantTier).toBeUndefined();
      expect(overview.sources).toContainEqual({
        id: 'tenants:catalog',
        status: 'degraded',
        error: 'catalog unavailable',
      });
    });

    it('answers history summed over the matching queues', async () => {
      const { store, service } = await setup();
      const d = { enqueued: 30, processed: 15, failed: 0, intervalMs: 30_000 };
      await store.insertSamples([
        stored('platform:outbound-email-acme', NOW - 2 * MINUTE_MS, d, 10),
        stored('platform:outbound-email-globex', NOW - 2 * MINUTE_MS, d, 5),
      ]);
      await store.insertSamples([
        stored('platform:outbound-email-acme', NOW - 90_000, d, 20),
      ]);
      const all = await service.getHistory({ range: '1h' }, NOW);
      expect(all).toEqual({
        range: '1h',
        bucketSeconds: 60,
        points: [
          {
            start: '2026-11-26T09:58:00.000Z',
            depth: 25,
            waiting: 25,
            failed: 0,
            enqueuedPerMinute: 120,
            processedPerMinute: 60,
            failedPerMinute: 0,
          },
        ],
      });
      const acme = await service.getHistory(
        { range: '24h', tenantId: 'acme' },
        NOW,
      );
      expect(acme).toMatchObject({
        range: '24h',
        bucketSeconds: 900,
        tenantId: 'acme',
        points: [{ start: '2026-11-26T09:45:00.000Z', depth: 20 }],
      });
      const week = await service.getHistory(
        { range: '7d', queueId: 'platform:outbound-email-globex' },
        NOW,
      );
      expect(week.points).toEqual([
        expect.objectContaining({
          start: '2026-11-26T09:00:00.000Z',
          depth: 5,
          enqueuedPerMinute: 60,
        }),
      ]);
    });
  });
});
