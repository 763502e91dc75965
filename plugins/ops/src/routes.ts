import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** Root of the Ops Console pages (`/ops`). */
export const rootRouteRef = createRouteRef({ id: 'ops' });

/** The Operations tab of an entity page. */
export const entityContentRouteRef = createRouteRef({
  id: 'ops:entity-content',
});

/** The tenant management tab of a Tenant entity page. */
export const tenantContentRouteRef = createRouteRef({
  id: 'ops:tenant-content',
});

/** The Logs tab of an entity page. */
export const entityLogsContentRouteRef = createRouteRef({
  id: 'ops:entity-logs-content',
});

// Below the Ops Console page: the sub-page paths of alpha/pages.tsx and the
// legacy OpsPage tabs.

/** Queue Health (`/ops/queues`; `?tenantId=` filters to one tenant). */
export const queuesRouteRef = createSubRouteRef({
  id: 'ops:queues',
  parent: rootRouteRef,
  path: '/queues',
});

/** The Tenants list (`/ops/tenants`). */
export const tenantsRouteRef = createSubRouteRef({
  id: 'ops:tenants',
  parent: rootRouteRef,
  path: '/tenants',
});

/** The Flags list (`/ops/flags`). */
export const flagsRouteRef = createSubRouteRef({
  id: 'ops:flags',
  parent: rootRouteRef,
  path: '/flags',
});

/** One flag (`/ops/flags/:key`). */
export const flagRouteRef = createSubRouteRef({
  id: 'ops:flag',
  parent: rootRouteRef,
  path: '/flags/:key',
});

/** The user search (`/ops/users`). */
export const usersRouteRef = createSubRouteRef({
  id: 'ops:users',
  parent: rootRouteRef,
  path: '/users',
});

/** One user (`/ops/users/:userId`). */
export const userRouteRef = createSubRouteRef({
  id: 'ops:user',
  parent: rootRouteRef,
  path: '/users/:userId',
});

/** The log viewer (`/ops/logs?q=&range=` or `&from=&to=`). */
export const logsRouteRef = createSubRouteRef({
  id: 'ops:logs',
  parent: rootRouteRef,
  path: '/logs',
});
