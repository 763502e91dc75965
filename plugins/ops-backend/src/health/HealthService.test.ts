import { mockServices } from '@backstage/backend-test-utils';
import { HealthTargetProvider } from '@opsconsole/backstage-plugin-ops-node';
import { createTestDatabases } from '../__testUtils__/databases';
import { startHealthServer } from '../__testUtils__/healthServer';
import { AllowedHosts } from './allowedHosts';
import { DatabaseHealthStore } from './DatabaseHealthStore';
import { HealthService } from './HealthService';

jest.setTimeout(60_000);

describe('HealthService', () => {
  const databases = createTestDatabases();
  let server: Awaited<ReturnType<typeof startHealthServer>>;
  beforeAll(async () => {
    server = await startHealthServer();
  });
  afterAll(() => server.close());

  describe.each(databases.ids)('on %p', id => {
    it('keeps the last known targets of a failing source and reports it degraded', async () => {
      const store = DatabaseHealthStore.create(await databases.init(id));
      let broken = false;
      const flaky: HealthTargetProvider = {
        id: 'registry',
        async getTargets() {
          if (broken) throw new Error('registry unreachable');
          return [
            {
              entityRef: 'component:default/a',
              kind: 'Component',
              title: 'a',
              url: server.url,
            },
          ];
        },
      };
      let now = Date.parse('2026-11-25T10:00:00Z');
      const service = new HealthService({
        store,
        providers: [flaky],
        allowedHosts: new AllowedHosts(['127.0.0.1']),
        logger: mockServices.logger.mock(),
        timeoutMs: 2000,
        concurrency: 4,
        intervalMs: 30_000,
        rawRetentionMs: 48 * 3600_000,
        hourlyRetentionMs: 35 * 86400_000,
        dailyRetentionMs: 400 * 86400_000,
        fleetCacheMs: 0,
        now: () => now,
      });

      expect((await service.getFleetSummary()).sources).toEqual([
        {
          id: 'prober',
          status: 'degraded',
          error: 'no probe round has run yet',
        },
      ]);

      await service.runProbeRound();
      broken = true;
      now += 30_000;
      await service.runProbeRound();
      const summary = await service.getFleetSummary();
      expect(summary.targets.map(t => [t.entityRef, t.status])).toEqual([
        ['component:default/a', 'pass'],
      ]);
      expect(summary.targets[0].windows['24h']).toEqual({
        samples: 2,
        uptime: 1,
        errorRate: 0,
      });
      expect(summary.sources).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            id: 'targets:registry',
            status: 'degraded',
            error: expect.stringContaining('registry unreachable'),
          }),
          expect.objectContaining({ id: 'prober', status: 'ok' }),
        ]),
      );

      now += 10 * 60_000; // the prober has been silent for 10 minutes
      const stale = await service.getFleetSummary();
      expect(stale.sources.find(s => s.id === 'prober')).toMatchObject({
        status: 'degraded',
      });

      // the summary's version moves on with every probe (fleetCacheMs 0: with every call);
      // the route encodes and tags each version once (http/encodedJson)
      const version = service.fleetSummaryVersion();
      expect(service.fleetSummaryVersion()).toBeGreaterThan(version);

      // retention removes raw samples older than the window but keeps rollups
      now += 49 * 3600_000;
      expect(await service.enforceRetention(1)).toBe(2);
    });
  });
});
