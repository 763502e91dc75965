import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { opsApiFactory } from './api';
import {
  entityContentRouteRef,
  entityLogsContentRouteRef,
  flagRouteRef,
  queuesRouteRef,
  flagsRouteRef,
  logsRouteRef,
  rootRouteRef,
  tenantContentRouteRef,
  tenantsRouteRef,
  userRouteRef,
  usersRouteRef,
} from './routes';

/**
 * The Ops Console plugin for the legacy frontend system. For the new frontend
 * system use the default export of `@opsconsole/backstage-plugin-ops/alpha`.
 *
 * @public
 */
export const opsPlugin = createPlugin({
  id: 'ops',
  apis: [opsApiFactory],
  routes: {
    root: rootRouteRef,
    entityContent: entityContentRouteRef,
    tenantContent: tenantContentRouteRef,
    entityLogsContent: entityLogsContentRouteRef,
    logs: logsRouteRef,
    queues: queuesRouteRef,
    tenants: tenantsRouteRef,
    flags: flagsRouteRef,
    flag: flagRouteRef,
    users: usersRouteRef,
    user: userRouteRef,
  },
});

/**
 * The Ops Console page: `<Route path="/ops" element={<OpsPage />} />`.
 *
 * @public
 */
export const OpsPage = opsPlugin.provide(
  createRoutableExtension({
    name: 'OpsPage',
    component: () => import('./components/OpsPage').then(m => m.OpsPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The Operations tab of an entity page; mount it with
 * `<EntityLayout.Route path="/ops" title="Operations" if={isOpsHealthAvailable}>`.
 *
 * @public
 */
export const EntityOpsContent = opsPlugin.provide(
  createRoutableExtension({
    name: 'EntityOpsContent',
    component: () =>
      import('./components/infrastructure/EntityOpsContent').then(
        m => m.EntityOpsContent,
      ),
    mountPoint: entityContentRouteRef,
  }),
);

/**
 * The tenant management tab of a Tenant entity (overview, features, users,
 * timeline); mount it with
 * `<EntityLayout.Route path="/tenant" title="Tenant Management" if={isTenantEntity}>`.
 *
 * @public
 */
export const EntityTenantOpsContent = opsPlugin.provide(
  createRoutableExtension({
    name: 'EntityTenantOpsContent',
    component: () =>
      import('./components/tenants/EntityTenantOpsContent').then(
        m => m.EntityTenantOpsContent,
      ),
    mountPoint: tenantContentRouteRef,
  }),
);

/**
 * The Logs tab of an entity page: the log viewer limited to the entity's
 * service (`opsconsole.io/log-service`, else the entity name); mount it with
 * `<EntityLayout.Route path="/logs" title="Logs">`.
 *
 * @public
 */
export const EntityLogsContent = opsPlugin.provide(
  createRoutableExtension({
    name: 'EntityLogsContent',
    component: () =>
      import('./components/logs/EntityLogsContent').then(
        m => m.EntityLogsContent,
      ),
    mountPoint: entityLogsContentRouteRef,
  }),
);

/**
 * Compact health card for the entity overview page.
 *
 * @public
 */
export const EntityOpsHealthCard = opsPlugin.provide(
  createComponentExtension({
    name: 'EntityOpsHealthCard',
    component: {
      lazy: () =>
        import('./components/infrastructure/EntityOpsHealthCard').then(
          m => m.EntityOpsHealthCard,
        ),
    },
  }),
);
