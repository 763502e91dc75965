import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseHealthStore } from './DatabaseHealthStore';
import { DAY_S, HOUR_S } from './HealthStore';
import { ProbeOutcome } from './probeTarget';

jest.setTimeout(60_000);

const T0 = Date.parse('2026-11-25T10:00:00Z');
const target = (name: string, providerId = 'catalog') => ({
  entityRef: `component:default/${name}`,
  kind: 'Component',
  title: name,
  url: `http://127.0.0.1/${name}`,
  owner: 'group:default/team',
  providerId,
});
const outcome = (
  time: number,
  status: ProbeOutcome['status'],
  latencyMs = 10,
): ProbeOutcome => ({
  time,
  status,
  isError: status === 'fail',
  httpStatus: status === 'fail' ? 503 : 200,
  latencyMs,
  checks: [
    {
      name: 'db:responseTime',
      status: status === 'fail' ? 'fail' : 'pass',
      observedValue: 1,
    },
  ],
  error: status === 'fail' ? 'HTTP 503' : undefined,
});

describe('DatabaseHealthStore', () => {
  const databases = createTestDatabases();

  describe.each(databases.ids)('on %p', id => {
    let store: DatabaseHealthStore;
    beforeEach(async () => {
      store = DatabaseHealthStore.create(await databases.init(id));
    });

    it('upserts targets, keeps probe state, and removes vanished ones per provider', async () => {
      await store.upsertTargets(
        [target('a'), target('b'), target('x', 'other')],
        T0,
      );
      await store.recordProbes([
        { entityRef: 'component:default/a', outcome: outcome(T0, 'pass') },
      ]);
      await store.upsertTargets(
        [{ ...target('a'), title: 'A renamed' }],
        T0 + 1,
      );
      const a = await store.getTarget('component:default/a');
      expect(a).toMatchObject({
        title: 'A renamed',
        status: 'pass',
        statusSince: T0,
        lastHttpStatus: 200,
      });
      expect(a!.checks).toHaveLength(1);

      expect(
        await store.removeTargetsExcept(
          ['catalog'],
          new Set(['component:default/a']),
        ),
      ).toBe(1);
      expect((await store.listTargets()).map(t => t.entityRef)).toEqual([
        'component:default/a',
        'component:default/x',
      ]);
    });

    it('moves statusSince only when the status changes', async () => {
      await store.upsertTargets([target('a')], T0);
      const ref = 'component:default/a';
      await store.recordProbes([
        { entityRef: ref, outcome: outcome(T0, 'pass') },
      ]);
      await store.recordProbes([
        { entityRef: ref, outcome: outcome(T0 + 30_000, 'pass') },
      ]);
      expect((await store.getTarget(ref))!.statusSince).toBe(T0);
      await store.recordProbes([
        { entityRef: ref, outcome: outcome(T0 + 60_000, 'fail') },
      ]);
      expect(await store.getTarget(ref)).toMatchObject({
        status: 'fail',
        statusSince: T0 + 60_000,
        reason: 'HTTP 503',
      });
    });

    it('folds samples into hourly and daily rollups across rounds', async () => {
      await store.upsertTargets([target('a')], T0);
      const ref = 'component:default/a';
      await store.recordProbes([
        { entityRef: ref, outcome: outcome(T0, 'pass', 5) },
      ]);
      await store.recordProbes([
        { entityRef: ref, outcome: outcome(T0 + 1000, 'fail', 50) },
      ]);
      await store.recordProbes([
        { entityRef: ref, outcome: outcome(T0 + HOUR_S * 1000, 'pass', 7) },
      ]);
      const hourly = await store.readRollups({
        resolutionS: HOUR_S,
        since: 0,
        entityRef: ref,
      });
      expect(
        hourly.map(r => [r.bucketStart, r.samples, r.failures, r.errors]),
      ).toEqual([
        [T0, 2, 1, 1],
        [T0 + HOUR_S * 1000, 1, 0, 0],
      ]);
      expect(hourly[0].latencyMax).toBe(5); // errors do not count as latency
      const daily = await store.readRollups({ resolutionS: DAY_S, since: 0 });
      expect(daily).toHaveLength(1);
      expect(daily[0]).toMatchObject({
        samples: 3,
        failures: 1,
        latencyCount: 2,
        latencySum: 12,
      });
      expect(daily[0].histogram.reduce((x, y) => x + y, 0)).toBe(2);
    });

    it('reads rollups of a chunk of targets', async () => {
      await store.upsertTargets([target('a'), target('b'), target('c')], T0);
      await store.recordProbes(
        ['a', 'b', 'c'].map(n => ({
          entityRef: `component:default/${n}`,
          outcome: outcome(T0, 'pass'),
        })),
      );
      const rows = await store.readRollups({
        resolutionS: HOUR_S,
        since: 0,
        entityRefs: ['component:default/a', 'component:default/c'],
      });
      expect(rows.map(r => r.entityRef).sort()).toEqual([
        'component:default/a',
        'component:default/c',
      ]);
    });

    it('does not sample misconfigured targets but records why', async () => {
      await store.upsertTargets([target('a')], T0);
      const ref = 'component:default/a';
      await store.recordProbes([
        {
          entityRef: ref,
          outcome: {
            time: T0,
            status: 'misconfigured',
            isError: false,
            error: 'host not allowed',
            checks: [],
          },
        },
      ]);
      expect(await store.getTarget(ref)).toMatchObject({
        status: 'misconfigured',
        reason: 'host not allowed',
      });
      expect(await store.readSamples(ref, 0)).toEqual([]);
    });

    it('lists recent failures newest first and deletes expired rows in batches', async () => {
      await store.upsertTargets([target('a')], T0);
      const ref = 'component:default/a';
      for (let i = 0; i < 5; i++) {
        await store.recordProbes([
          {
            entityRef: ref,
            outcome: outcome(T0 + i * 1000, i % 2 ? 'fail' : 'pass'),
          },
        ]);
      }
      expect((await store.recentFailures(ref, 10)).map(s => s.ts)).toEqual([
        T0 + 3000,
        T0 + 1000,
      ]);
      expect(await store.deleteSamplesBefore(T0 + 2500, 2)).toBe(2);
      expect(await store.deleteSamplesBefore(T0 + 2500, 2)).toBe(1);
      expect((await store.readSamples(ref, 0)).map(s => s.ts)).toEqual([
        T0 + 3000,
        T0 + 4000,
      ]);
      expect(await store.deleteRollupsBefore(HOUR_S, T0 + 1, 100)).toBe(1);
      expect(
        await store.readRollups({ resolutionS: HOUR_S, since: 0 }),
      ).toEqual([]);
    });

    it('stores stats and source status', async () => {
      await store.upsertTargets([target('a')], T0);
      const stats = {
        windows: {
          '24h': { samples: 3, uptime: 2 / 3, errorRate: 1 / 3 },
          '7d': { samples: 3, uptime: 2 / 3, errorRate: 1 / 3 },
          '30d': { samples: 3, uptime: 2 / 3, errorRate: 1 / 3 },
        },
        latencyP50Ms: 5,
        latencyP95Ms: 9,
        uptimeBars: [1, null],
      };
      await store.saveStats(new Map([['component:default/a', stats]]));
      expect((await store.getTarget('component:default/a'))!.stats).toEqual(
        stats,
      );
      await store.setSource({
        id: 'targets:catalog',
        status: 'degraded',
        error: 'boom',
        updatedAt: new Date(T0).toISOString(),
      });
      await store.setSource({
        id: 'targets:catalog',
        status: 'ok',
        updatedAt: new Date(T0 + 1).toISOString(),
      });
      expect(await store.listSources()).toEqual([
        {
          id: 'targets:catalog',
          status: 'ok',
          error: undefined,
          updatedAt: new Date(T0 + 1).toISOString(),
        },
      ]);
    });
  });
});
