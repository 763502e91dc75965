import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { opsPermissions } from '@opsconsole/backstage-plugin-ops-common';
import {
  opsHealthTargetProvidersExtensionPoint,
  opsLogProvidersExtensionPoint,
  opsPlatformProvidersExtensionPoint,
  opsQueueProvidersExtensionPoint,
} from '@opsconsole/backstage-plugin-ops-node';
import { createAudit } from './audit/createAudit';
import { connectDatabase } from './database/migrations';
import { createFlags } from './flags/createFlags';
import { createHealth } from './health/createHealth';
import { createLogs } from './logs/createLogs';
import { opsSelfLogSinkServiceRef } from './logs/selfIngest';
import { createNotices } from './notices/createNotices';
import { registerTenantResource } from './permissions/registerTenantResource';
import { createPlatformSources } from './platform/createPlatformSources';
import { createQueues } from './queues/createQueues';
import { registerProviderPoint } from './registerProviderPoint';
import { createRouter } from './router';
import { createTenants } from './tenants/createTenants';
import { TenantDirectory } from './tenants/TenantDirectory';
import { createUsers } from './users/createUsers';

/**
 * The Ops Console backend plugin.
 * @public
 */
export const opsPlugin = createBackendPlugin({
  pluginId: 'ops',
  register(env) {
    const healthTargetProviders = registerProviderPoint(
      env,
      opsHealthTargetProvidersExtensionPoint,
    );
    const platformProviders = registerProviderPoint(
      env,
      opsPlatformProvidersExtensionPoint,
    );
    const queueProviders = registerProviderPoint(
      env,
      opsQueueProvidersExtensionPoint,
    );
    const logProviders = registerProviderPoint(
      env,
      opsLogProvidersExtensionPoint,
    );

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
        const { httpRouter, logger } = deps;
        deps.permissionsRegistry.addPermissions(opsPermissions);
        const tenantDirectory = new TenantDirectory(deps);
        registerTenantResource({ ...deps, tenantDirectory });
        const db = await connectDatabase(deps.database);
        const capability = (name: string) => ({
          ...deps,
          db,
          tenantDirectory,
          logger: logger.child({ capability: name }),
        });

        const health = await createHealth({
          ...capability('health'),
          providers: healthTargetProviders,
        });
        const audit = createAudit(capability('audit'));
        const flags = await createFlags(capability('flags'));
        const platform = createPlatformSources({
          ...capability('platform'),
          providers: platformProviders,
        });
        const logs = await createLogs({
          ...capability('logs'),
          providers: logProviders,
        });
        const queues = await createQueues({
          ...capability('queues'),
          audit: audit.service,
          providers: queueProviders,
        });
        const notices = createNotices({ ...capability('notices'), platform });
        const users = createUsers({ platform });
        const tenants = createTenants({ platform, audit: audit.service });
        const capabilities = [
          health,
          audit,
          flags,
          logs,
          queues,
          notices,
          users,
          tenants,
        ];

        // OFREP (flags) and OTLP (logs) answer in their own error formats with their own body
        // handling, so they are mounted before, and outside, the validated router.
        for (const { ownRouters = [] } of capabilities) {
          for (const ownRouter of ownRouters) httpRouter.use(ownRouter);
        }
        httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            ...health.routes,
            ...audit.routes,
            ...flags.routes,
            ...logs.routes,
            ...queues.routes,
            ...notices.routes,
            ...users.routes,
            ...tenants.routes,
          }),
        );
      },
    });
  },
});
