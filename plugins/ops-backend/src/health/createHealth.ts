import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { HealthTargetProvider } from '@opsconsole/backstage-plugin-ops-node';
import { Knex } from 'knex';
import { Capability } from '../routerTypes';
import { CatalogHealthTargetProvider } from './CatalogHealthTargetProvider';
import { DatabaseHealthStore } from './DatabaseHealthStore';
import { readHealthConfig } from './healthConfig';
import { HealthService } from './HealthService';

/**
 * Wires the health capability: the store, the prober over the catalog's targets and those of
 * `opsHealthTargetProvidersExtensionPoint`, the probe round and the retention of samples and
 * rollups (both scheduled, `scope: 'global'`, so one replica probes each round).
 */
export async function createHealth(deps: {
  db: Knex;
  config: Config;
  logger: LoggerService;
  scheduler: SchedulerService;
  catalog: CatalogService;
  auth: AuthService;
  /** Providers added by modules through `opsHealthTargetProvidersExtensionPoint`. */
  providers: HealthTargetProvider[];
}): Promise<Capability<{ health: HealthService }>> {
  const { logger, scheduler } = deps;
  const config = readHealthConfig(deps.config);
  const health = new HealthService({
    ...config,
    store: DatabaseHealthStore.create(deps.db),
    providers: [
      new CatalogHealthTargetProvider(deps.catalog, deps.auth),
      ...deps.providers,
    ],
    logger,
  });

  await scheduler.scheduleTask({
    id: 'ops-health-probe-round',
    scope: 'global',
    ...config.schedule,
    fn: () => health.runProbeRound().then(() => undefined),
  });
  await scheduler.scheduleTask({
    id: 'ops-health-retention',
    scope: 'global',
    frequency: { hours: 1 },
    timeout: { minutes: 15 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      const deleted = await health.enforceRetention();
      logger.info(`Health retention removed ${deleted} expired rows`);
    },
  });
  return { routes: { health } };
}
