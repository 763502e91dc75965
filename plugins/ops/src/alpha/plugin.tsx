import { createFrontendPlugin, RouteRef } from '@backstage/frontend-plugin-api';
import { convertLegacyRouteRefs } from '@backstage/core-compat-api';
import SpeedIcon from '@material-ui/icons/Speed';
import { entityContentRouteRef, rootRouteRef } from '../routes';
import { opsApi } from './apis';
import { entityOpsHealthCard } from './entityCards';
import { entityOpsContent } from './entityContents';
import { opsInfrastructurePage, opsPage } from './pages';

// the legacy route refs, so useRouteRef(rootRouteRef) works in both systems
const routes: { root: RouteRef; entityContent: RouteRef } =
  convertLegacyRouteRefs({
    root: rootRouteRef,
    entityContent: entityContentRouteRef,
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
    entityOpsContent,
    entityOpsHealthCard,
  ],
});
