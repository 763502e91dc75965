import {
  createFrontendPlugin,
  RouteRef,
  SubRouteRef,
} from '@backstage/frontend-plugin-api';
import { convertLegacyRouteRefs } from '@backstage/core-compat-api';
import SpeedIcon from '@material-ui/icons/Speed';
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
} from '../routes';
import { opsApi } from './apis';
import { entityOpsHealthCard } from './entityCards';
import {
  entityLogsContent,
  entityOpsContent,
  entityTenantOpsContent,
} from './entityContents';
import {
  opsFlagsPage,
  opsInfrastructurePage,
  opsLogsPage,
  opsPage,
  opsQueuesPage,
  opsTenantsPage,
  opsUsersPage,
} from './pages';

// the legacy route refs, so useRouteRef(...) works in both systems
const routes: {
  root: RouteRef;
  entityContent: RouteRef;
  tenantContent: RouteRef;
  entityLogsContent: RouteRef;
  logs: SubRouteRef;
  queues: SubRouteRef;
  tenants: SubRouteRef;
  flags: SubRouteRef;
  flag: SubRouteRef<{ key: string }>;
  users: SubRouteRef;
  user: SubRouteRef<{ userId: string }>;
} = convertLegacyRouteRefs({
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
});

/**
 * The Ops Console plugin for the new frontend system.
 *
 * @alpha
 */
export const opsPlugin = createFrontendPlugin({
  pluginId: 'ops',
  title: 'Ops Console',
  icon: <SpeedIcon />,
  info: { packageJson: () => import('../../package.json') },
  routes,
  extensions: [
    opsApi,
    opsPage,
    opsInfrastructurePage,
    opsQueuesPage,
    opsTenantsPage,
    opsFlagsPage,
    opsUsersPage,
    opsLogsPage,
    entityOpsContent,
    entityTenantOpsContent,
    entityLogsContent,
    entityOpsHealthCard,
  ],
});
