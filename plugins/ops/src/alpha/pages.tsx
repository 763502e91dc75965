import { Content } from '@backstage/core-components';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  PageBlueprint,
  SubPageBlueprint,
} from '@backstage/frontend-plugin-api';
import { rootRouteRef } from '../routes';

/**
 * The Ops Console page at `/ops`. It has no content of its own: its header
 * (the plugin title) shows one tab per sub-page below.
 */
export const opsPage = PageBlueprint.make({
  params: {
    path: '/ops',
    routeRef: convertLegacyRouteRef(rootRouteRef),
  },
});

/**
 * The Infrastructure tab (`/ops/infrastructure`), the first tab of
 * {@link opsPage}. Keep the sub-page paths as they are (or change the route
 * refs in routes.ts with them): links between the pages resolve through them.
 */
export const opsInfrastructurePage = SubPageBlueprint.make({
  name: 'infrastructure',
  params: {
    path: 'infrastructure',
    title: 'Infrastructure',
    loader: () =>
      import('../components/infrastructure/InfrastructurePage').then(m => (
        <Content>
          <m.InfrastructurePage />
        </Content>
      )),
  },
});

/**
 * The Queues tab (`/ops/queues`): Queue Health, with spike alerts, every
 * queue, history, and the emergency pause of one tenant.
 */
export const opsQueuesPage = SubPageBlueprint.make({
  name: 'queues',
  params: {
    path: 'queues',
    title: 'Queues',
    loader: () =>
      import('../components/queues/QueuesPage').then(m => (
        <Content>
          <m.QueuesPage />
        </Content>
      )),
  },
});

/** The Tenants tab (`/ops/tenants`): Tenant entities with search and filters. */
export const opsTenantsPage = SubPageBlueprint.make({
  name: 'tenants',
  params: {
    path: 'tenants',
    title: 'Tenants',
    loader: () =>
      import('../components/tenants/TenantsPage').then(m => (
        <Content>
          <m.TenantsPage />
        </Content>
      )),
  },
});

/** The Flags tab (`/ops/flags`, one flag at `/ops/flags/:key`). */
export const opsFlagsPage = SubPageBlueprint.make({
  name: 'flags',
  params: {
    path: 'flags',
    title: 'Flags',
    loader: () =>
      import('../components/flags/FlagsPage').then(m => (
        <Content>
          <m.FlagsPage />
        </Content>
      )),
  },
});

/** The Users tab (`/ops/users`, one user at `/ops/users/:userId`). */
export const opsUsersPage = SubPageBlueprint.make({
  name: 'users',
  params: {
    path: 'users',
    title: 'Users',
    loader: () =>
      import('../components/users/UsersPage').then(m => (
        <Content>
          <m.UsersPage />
        </Content>
      )),
  },
});

/** The Logs tab (`/ops/logs?q=&range=`): the log viewer. */
export const opsLogsPage = SubPageBlueprint.make({
  name: 'logs',
  params: {
    path: 'logs',
    title: 'Logs',
    loader: () =>
      import('../components/logs/LogsPage').then(m => (
        <Content>
          <m.LogsPage />
        </Content>
      )),
  },
});
