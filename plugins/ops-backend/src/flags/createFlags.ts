import {
  HttpAuthService,
  LifecycleService,
  LoggerService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { Knex } from 'knex';
import { Capability } from '../routerTypes';
import { TenantDirectory } from '../tenants/TenantDirectory';
import { DatabaseFlagsStore } from './DatabaseFlagsStore';
import { FlagEvaluator } from './FlagEvaluator';
import { readFlagsConfig } from './flagsConfig';
import { FlagSnapshotCache } from './FlagSnapshotCache';
import { FlagsService } from './FlagsService';
import { LastEvaluationRecorder } from './LastEvaluationRecorder';
import { createOfrepRouter } from './ofrep/ofrepRouter';
import { seedFlagsIfEmpty } from './seedFlags';

/**
 * Wires the flags capability: store, in-memory snapshot for OFREP, last-evaluation
 * recorder (flushed every second and on shutdown), management service, dev seed, and the
 * OFREP evaluation router.
 */
export async function createFlags(deps: {
  db: Knex;
  config: Config;
  logger: LoggerService;
  scheduler: SchedulerService;
  lifecycle: LifecycleService;
  tenantDirectory: TenantDirectory;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): Promise<Capability<{ flags: FlagsService }>> {
  const { logger } = deps;
  const config = readFlagsConfig(deps.config);
  const store = DatabaseFlagsStore.create(deps.db);
  const snapshots = new FlagSnapshotCache(store, {
    ttlMs: config.cacheTtlMs,
    logger,
  });
  const recorder = new LastEvaluationRecorder(store, logger);
  const flags = new FlagsService({
    store,
    snapshots,
    recorder,
    tenants: deps.tenantDirectory,
  });

  if (config.seed) {
    const created = await seedFlagsIfEmpty(store, flags);
    if (created > 0)
      logger.info(`Seeded ${created} dev flags (ops.flags.seed)`);
  }

  await deps.scheduler.scheduleTask({
    id: 'ops-flags-evaluations-flush',
    scope: 'local',
    frequency: { seconds: 1 },
    timeout: { seconds: 30 },
    fn: async () => {
      await recorder.flush();
    },
  });
  deps.lifecycle.addShutdownHook(async () => {
    await recorder.flush().catch(() => undefined);
  });

  const ofrepRouter = createOfrepRouter({
    httpAuth: deps.httpAuth,
    permissions: deps.permissions,
    evaluator: new FlagEvaluator(snapshots, recorder),
    logger: logger.child({ capability: 'ofrep' }),
  });
  return { routes: { flags }, ownRouters: [ofrepRouter] };
}
