import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { opsPermissions } from '@opsconsole/backstage-plugin-ops-common';
import {
  HealthTargetProvider,
  LogProvider,
  opsLogProvidersExtensionPoint,
  opsHealthTargetProvidersExtensionPoint,
  opsPlatformProvidersExtensionPoint,
  PlatformAdminProvider,
  opsQueueProvidersExtensionPoint,
  QueueProvider,
} from '@opsconsole/backstage-plugin-ops-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { AuditService } from './audit/AuditService';
import { DatabaseAuditStore } from './audit/DatabaseAuditStore';
import { connectDatabase } from './database/migrations';
import { CatalogHealthTargetProvider } from './health/CatalogHealthTargetProvider';
import { DatabaseHealthStore } from './health/DatabaseHealthStore';
import { readHealthConfig } from './health/healthConfig';
import { HealthService } from './health/HealthService';
import { createPlatformSources } from './platform/createPlatformSources';
import { createRouter } from './router';
import { createFlags } from './flags/createFlags';
import { createLogs } from './logs/createLogs';
import { opsSelfLogSinkServiceRef } from './logs/selfIngest';
import { createQueues } from './queues/createQueues';
import { createSamples } from './queues/samples/createSamples';
import { createNotices } from './notices/createNotices';
import { createOfrepRouter } from './ofrep/ofrepRouter';
import { registerTenantResource } from './permissions/registerTenantResource';
import { TenantsService } from './tenants/TenantsService';
import { UsersService } from './users/UsersService';

/**
 * The Ops Console backend plugin.
 * @public
 */
export const opsPlugin = createBackendPlugin({
  pluginId: 'ops',
  register(env) {
    const healthTargetProviders: HealthTargetProvider[] = [];
    env.registerExtensionPoint(opsHealthTargetProvidersExtensionPoint, {
      addProvider(...providers) {
        healthTargetProviders.push(...providers);
      },
    });
    const platformProviders: PlatformAdminProvider[] = [];
    env.registerExtensionPoint(opsPlatformProvidersExtensionPoint, {
      addProvider(...providers) {
        platformProviders.push(...providers);
      },
    });

    const queueProviders: QueueProvider[] = [];
    env.registerExtensionPoint(opsQueueProvidersExtensionPoint, {
      addProvider(...providers) {
        queueProviders.push(...providers);
      },
    });

    const logProviders: LogProvider[] = [];
    env.registerExtensionPoint(opsLogProvidersExtensionPoint, {
      addProvider(...providers) {
        logProviders.push(...providers);
      },
    });

    env.registerInit({
      deps: {
        auth: coreServices.auth,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        lifecycle: coreServices.lifecycle,
        notifications: notificationService,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        selfLogSink: opsSelfLogSinkServiceRef,
      },
      async init(deps) {
        const { config, logger, scheduler } = deps;
        deps.permissionsRegistry.addPermissions(opsPermissions);
        registerTenantResource(deps);
        const db = await connectDatabase(deps.database);

        const healthConfig = readHealthConfig(config);
        const health = new HealthService({
          ...healthConfig,
          store: DatabaseHealthStore.create(db),
          providers: [
            new CatalogHealthTargetProvider(deps.catalog, deps.auth),
            ...healthTargetProviders,
          ],
          logger: logger.child({ capability: 'health' }),
        });
        const audit = new AuditService(
          deps.auditor,
          DatabaseAuditStore.create(db),
        );
        const { flags, evaluator } = await createFlags({
          ...deps,
          db,
          logger: logger.child({ capability: 'flags' }),
        });
        const platform = createPlatformSources({
          config,
          logger: logger.child({ capability: 'platform' }),
          providers: platformProviders,
        });
        const logs = await createLogs({
          ...deps,
          db,
          logger: logger.child({ capability: 'logs' }),
          providers: logProviders,
        });
        const queues = await createQueues({
          ...deps,
          db,
          audit,
          logger: logger.child({ capability: 'queues' }),
          providers: queueProviders,
        });
        const samples = await createSamples({
          ...deps,
          db,
          sources: queues.sources,
          logger: logger.child({ capability: 'queue-samples' }),
        });
        const notices = createNotices({
          config,
          db,
          platform,
          logger: logger.child({ capability: 'notices' }),
        });
        const users = new UsersService({ sources: platform });
        const tenants = new TenantsService({ sources: platform, audit });

        await scheduler.scheduleTask({
          id: 'ops-health-probe-round',
          scope: 'global',
          ...healthConfig.schedule,
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

        // OFREP first: it answers in its own error format, outside the validated router
        deps.httpRouter.use(
          createOfrepRouter({
            ...deps,
            evaluator,
            logger: logger.child({ capability: 'ofrep' }),
          }),
        );
        // OTLP log ingest: its own error format and body handling, outside the validated router
        deps.httpRouter.use(logs.otlpRouter);
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            health,
            audit,
            flags,
            users,
            tenants,
            logs: logs.routes,
            queues: queues.routes,
            samples,
            notices,
          }),
        );
      },
    });
  },
});
