import {
  HttpAuthService,
  LifecycleService,
  LoggerService,
  PermissionsRegistryService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { LogProvider } from '@opsconsole/backstage-plugin-ops-node';
import { Knex } from 'knex';
import { Capability } from '../routerTypes';
import { TenantDirectory } from '../tenants/TenantDirectory';
import { DatabaseLogStore } from './DatabaseLogStore';
import { createLogsAccess } from './logsAccess';
import { readLogsConfig } from './logsConfig';
import { LogsRoutesDeps } from './logsRoutes';
import { LogsService } from './LogsService';
import { LogWriter } from './LogWriter';
import { createOtlpRouter } from './otlp/otlpRouter';
import { drainSelfLogs } from './selfIngest/drainSelfLogs';
import { SelfLogSink } from './selfIngest/SelfLogSink';

/**
 * Wires the logs capability: the store, the batched writer (flushed at shutdown), the
 * backend's own log lines drained into it, the retention task, the OTLP/HTTP ingest router,
 * and the read service over the store and the providers of `opsLogProvidersExtensionPoint`.
 */
export async function createLogs(deps: {
  db: Knex;
  config: Config;
  logger: LoggerService;
  scheduler: SchedulerService;
  lifecycle: LifecycleService;
  tenantDirectory: TenantDirectory;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
  providers: LogProvider[];
  /** The backend's own log lines (stored when `ops.logs.selfIngest.enabled`). */
  selfLogSink?: SelfLogSink;
}): Promise<Capability<{ logs: LogsRoutesDeps }>> {
  const { logger } = deps;
  const config = readLogsConfig(deps.config);
  const store = DatabaseLogStore.create(deps.db);
  const writer = new LogWriter(store, config, logger);
  const selfLogs = deps.selfLogSink?.enabled
    ? drainSelfLogs(deps.selfLogSink, writer)
    : undefined;
  deps.lifecycle.addShutdownHook(async () => {
    await selfLogs?.stop();
    await writer.close();
  });

  await deps.scheduler.scheduleTask({
    id: 'ops-logs-retention',
    scope: 'global',
    frequency: { minutes: 10 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      const started = Date.now();
      const deleted = await store.deleteOlderThan(
        started - config.retentionMs,
        5000,
      );
      logger.info(
        `Log retention removed ${deleted} records in ${
          Date.now() - started
        } ms`,
      );
    },
  });

  const service = new LogsService({
    providers: [store, ...deps.providers],
    onCommit: listener => writer.onCommit(listener),
  });
  const otlpRouter = createOtlpRouter({
    ...deps,
    writer,
    maxBodyBytes: config.maxBodyBytes,
  });
  return {
    routes: {
      logs: {
        service,
        access: createLogsAccess(deps),
        exportMaxRecords: config.exportMaxRecords,
      },
    },
    ownRouters: [otlpRouter],
  };
}
