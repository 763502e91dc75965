import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseQueueStore } from './DatabaseQueueStore';
import { HOUR_MS, MINUTE_MS, QueueSampleRecord } from './QueueStore';

jest.setTimeout(60_000);

const T0 = Date.parse('2026-11-26T10:00:00.000Z');

const sample = (
  queueId: string,
  ts: number,
  over: Partial<QueueSampleRecord> = {},
): QueueSampleRecord => ({
  queueId,
  source: queueId.split(':')[0],
  name: queueId.split(':')[1],
  tenantId: queueId.split('-').pop(),
  ts,
  counts: { waiting: 5, active: 1, delayed: 0, failed: 2, completed: 10 },
  paused: false,
  totals: { enqueued: 100 },
  deltas: { enqueued: 30, processed: 20, failed: 1, intervalMs: 30_000 },
  ...over,
});

describe('DatabaseQueueStore', () => {
  const databases = createTestDatabases();

  describe.each(databases.ids)('on %p', id => {
    let store: DatabaseQueueStore;
    beforeEach(async () => {
      store = DatabaseQueueStore.create(await databases.init(id));
    });

    it('answers the latest sample of each queue, with every field', async () => {
      await store.insertSamples([
        sample('platform:outbound-email-acme', T0),
        sample('platform:outbound-email-globex', T0),
      ]);
      await store.insertSamples([
        sample('platform:outbound-email-acme', T0 + 30_000, {
          paused: true,
          oldestWaitingAt: T0 - 5_000,
          totals: { enqueued: 130, completed: 50, failed: 3 },
        }),
      ]);
      const latest = await store.latestSamples(T0 - HOUR_MS);
      expect([...latest.keys()].sort()).toEqual([
        'platform:outbound-email-acme',
        'platform:outbound-email-globex',
      ]);
      expect(latest.get('platform:outbound-email-acme')).toEqual(
        sample('platform:outbound-email-acme', T0 + 30_000, {
          paused: true,
          oldestWaitingAt: T0 - 5_000,
          totals: { enqueued: 130, completed: 50, failed: 3 },
        }),
      );
      expect((await store.latestSamples(T0 + 1)).size).toBe(1);
    });

    it('sums samples into history buckets with the state at the end of each bucket', async () => {
      const q = 'platform:outbound-email-acme';
      await store.insertSamples([sample(q, T0)]);
      await store.insertSamples([
        sample(q, T0 + 30_000, {
          counts: {
            waiting: 9,
            active: 2,
            delayed: 1,
            failed: 3,
            completed: 0,
          },
        }),
      ]);
      await store.insertSamples([sample(q, T0 + 60_000)]);
      await store.insertSamples([sample('platform:other-globex', T0)]);
      const rows = await store.sampleBuckets({
        from: T0,
        to: T0 + 2 * MINUTE_MS,
        bucketMs: MINUTE_MS,
        tenantId: 'acme',
      });
      expect(rows.sort((a, b) => a.bucketStart - b.bucketStart)).toEqual([
        {
          queueId: q,
          bucketStart: T0,
          enqueued: 60,
          processed: 40,
          failed: 2,
          intervalMs: 60_000,
          counts: { waiting: 9, active: 2, delayed: 1, failed: 3 },
        },
        {
          queueId: q,
          bucketStart: T0 + MINUTE_MS,
          enqueued: 30,
          processed: 20,
          failed: 1,
          intervalMs: 30_000,
          counts: { waiting: 5, active: 1, delayed: 0, failed: 2 },
        },
      ]);
      const byQueue = await store.sampleBuckets({
        from: T0,
        to: T0 + HOUR_MS,
        bucketMs: HOUR_MS,
        queueId: 'platform:other-globex',
      });
      expect(byQueue.map(r => r.enqueued)).toEqual([30]);
    });

    it('rolls samples up per hour', async () => {
      const q = 'platform:outbound-email-acme';
      for (let i = 0; i < 4; i++) {
        await store.insertSamples([
          sample(q, T0 + i * 20 * MINUTE_MS, {
            counts: {
              waiting: i,
              active: 1,
              delayed: 0,
              failed: 0,
              completed: 0,
            },
          }),
        ]);
      }
      const rows = await store.rollupBuckets({
        from: T0,
        to: T0 + 2 * HOUR_MS,
      });
      expect(rows.sort((a, b) => a.bucketStart - b.bucketStart)).toEqual([
        expect.objectContaining({
          bucketStart: T0,
          enqueued: 90,
          intervalMs: 90_000,
          counts: { waiting: 2, active: 1, delayed: 0, failed: 0 },
        }),
        expect.objectContaining({ bucketStart: T0 + HOUR_MS, enqueued: 30 }),
      ]);
      const hourly = await store.tenantHourlyEnqueues({
        from: T0,
        to: T0 + HOUR_MS,
      });
      expect(hourly).toEqual([
        {
          tenantId: 'acme',
          queueId: q,
          bucketStart: T0,
          enqueued: 90,
          intervalMs: 90_000,
        },
      ]);
    });

    it('answers enqueues per tenant queue and minute', async () => {
      await store.insertSamples([
        sample('platform:a-acme', T0),
        sample('platform:b-globex', T0),
      ]);
      await store.insertSamples([sample('platform:a-acme', T0 + 30_000)]);
      const rows = await store.tenantMinuteEnqueues({
        from: T0,
        to: T0 + MINUTE_MS,
        tenantIds: ['acme'],
      });
      expect(rows).toEqual([
        {
          tenantId: 'acme',
          queueId: 'platform:a-acme',
          bucketStart: T0,
          enqueued: 60,
          intervalMs: 60_000,
        },
      ]);
      expect(
        await store.tenantMinuteEnqueues({
          from: T0,
          to: T0 + 1,
          tenantIds: [],
        }),
      ).toEqual([]);
    });

    it('keeps spike alerts open and resolved', async () => {
      const alert = {
        id: 'a1',
        tenantId: 'acme',
        severity: 'critical' as const,
        status: 'open' as const,
        startedAt: T0,
        ratePerMinute: 400,
        peakRatePerMinute: 400,
        baselinePerMinute: 3,
        message: '400/min vs baseline 3/min',
      };
      await store.insertAlert(alert);
      await store.insertAlert({
        ...alert,
        id: 'a2',
        tenantId: 'globex',
        startedAt: T0 + 1,
      });
      expect(
        (await store.listAlerts({ status: 'open', limit: 10 })).map(a => a.id),
      ).toEqual(['a2', 'a1']);
      await store.updateAlert('a1', {
        status: 'resolved',
        resolvedAt: T0 + HOUR_MS,
        peakRatePerMinute: 900,
      });
      expect(await store.listAlerts({ tenantId: 'acme', limit: 10 })).toEqual([
        {
          ...alert,
          status: 'resolved',
          resolvedAt: T0 + HOUR_MS,
          peakRatePerMinute: 900,
        },
      ]);
      expect(await store.deleteResolvedAlertsBefore(T0 + 2 * HOUR_MS, 10)).toBe(
        1,
      );
      expect((await store.listAlerts({ limit: 10 })).map(a => a.id)).toEqual([
        'a2',
      ]);
    });

    it('stores pauses and finds the ones due for auto-resume', async () => {
      const pause = {
        tenantId: 'acme',
        paused: true,
        reason: 'spam',
        pausedBy: 'user:default/admin',
        pausedAt: T0,
        autoResumeAt: T0 + HOUR_MS,
        updatedAt: T0,
      };
      await store.savePause(pause);
      await store.savePause({
        tenantId: 'globex',
        paused: true,
        pausedAt: T0,
        updatedAt: T0,
      });
      expect(await store.getPause('acme')).toEqual(pause);
      expect((await store.listPauses({})).length).toBe(2);
      expect(await store.duePauses(T0 + HOUR_MS - 1)).toEqual([]);
      expect(
        (await store.duePauses(T0 + HOUR_MS)).map(p => p.tenantId),
      ).toEqual(['acme']);
      await store.savePause({
        tenantId: 'acme',
        paused: false,
        updatedAt: T0 + 1,
      });
      expect(await store.getPause('acme')).toEqual({
        tenantId: 'acme',
        paused: false,
        updatedAt: T0 + 1,
      });
      expect((await store.listPauses({ tenantId: 'acme' })).length).toBe(0);
    });

    it('resumes a pause only while it is still the current one', async () => {
      const due = {
        tenantId: 'acme',
        paused: true,
        reason: 'spam',
        pausedBy: 'user:default/admin',
        pausedAt: T0,
        autoResumeAt: T0 + HOUR_MS,
        updatedAt: T0,
      };
      // resumed and paused anew (no auto-resume) since `due` was read
      const newer = {
        ...due,
        pausedAt: T0 + 10,
        autoResumeAt: undefined,
        updatedAt: T0 + 10,
      };
      await store.savePause(newer);
      expect(await store.resumePauseIfCurrent(due, T0 + HOUR_MS)).toBe(false);
      expect(await store.getPause('acme')).toEqual({
        ...newer,
        autoResumeAt: undefined,
      });
      expect(await store.resumePauseIfCurrent(newer, T0 + HOUR_MS)).toBe(true);
      expect(await store.getPause('acme')).toEqual({
        tenantId: 'acme',
        paused: false,
        updatedAt: T0 + HOUR_MS,
      });
      // a resumed pause is not resumed twice
      expect(await store.resumePauseIfCurrent(newer, T0 + HOUR_MS)).toBe(false);
    });

    it('claims a pause only for a tenant that is not paused, one claim of many at once', async () => {
      const claim = (pausedBy: string, pausedAt = T0) => ({
        tenantId: 'acme',
        paused: true,
        reason: `by ${pausedBy}`,
        pausedBy,
        pausedAt,
        updatedAt: pausedAt,
      });
      const claims = Array.from({ length: 8 }, (_, i) => claim(`user:${i}`));
      const won = await Promise.all(claims.map(c => store.claimPause(c)));
      expect(won.filter(Boolean)).toHaveLength(1);
      const winner = claims[won.indexOf(true)];
      expect(await store.getPause('acme')).toEqual(winner);
      expect(await store.claimPause(claim('user:late', T0 + 1))).toBe(false);

      // resumed: the next claim wins again, over the resumed row
      expect(await store.resumePauseIfCurrent(winner, T0 + 2)).toBe(true);
      const next = claim('user:next', T0 + 3);
      expect(await store.claimPause(next)).toBe(true);
      expect(await store.getPause('acme')).toEqual(next);
    });

    it('releases a claimed pause only while it is current, back to the previous state', async () => {
      const claim = {
        tenantId: 'acme',
        paused: true,
        reason: 'spam',
        pausedBy: 'user:a',
        pausedAt: T0,
        autoResumeAt: T0 + HOUR_MS,
        updatedAt: T0,
      };
      // no row before: the release removes it
      expect(await store.claimPause(claim)).toBe(true);
      await store.releasePause(claim, undefined);
      expect(await store.getPause('acme')).toBeUndefined();

      // a resumed row before: the release restores it
      const previous = { tenantId: 'acme', paused: false, updatedAt: T0 - 1 };
      await store.savePause(previous);
      expect(await store.claimPause(claim)).toBe(true);
      await store.releasePause(claim, previous);
      expect(await store.getPause('acme')).toEqual(previous);

      // replaced meanwhile by someone else's pause: that pause stays
      expect(await store.claimPause(claim)).toBe(true);
      const other = { ...claim, pausedBy: 'user:b', reason: 'other' };
      await store.savePause(other);
      await store.releasePause(claim, previous);
      expect(await store.getPause('acme')).toEqual(other);
    });

    it('deletes old samples and rollups in batches', async () => {
      for (let i = 0; i < 5; i++) {
        await store.insertSamples([
          sample('platform:a-acme', T0 + i * HOUR_MS),
          sample('platform:b-globex', T0 + i * HOUR_MS),
        ]);
      }
      expect(await store.deleteSamplesBefore(T0 + 3 * HOUR_MS, 4)).toBe(4);
      expect(await store.deleteSamplesBefore(T0 + 3 * HOUR_MS, 4)).toBe(2);
      expect(await store.deleteSamplesBefore(T0 + 3 * HOUR_MS, 4)).toBe(0);
      expect(await store.deleteRollupsBefore(T0 + 3 * HOUR_MS, 4)).toBe(4);
      expect(await store.deleteRollupsBefore(T0 + 3 * HOUR_MS, 4)).toBe(2);
      expect(await store.deleteRollupsBefore(T0 + 3 * HOUR_MS, 4)).toBe(0);
      expect(
        (await store.rollupBuckets({ from: 0, to: T0 + 10 * HOUR_MS })).length,
      ).toBe(4);
    });
  });
});
