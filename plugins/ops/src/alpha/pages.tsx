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
 * The Infrastructure tab (`/ops/infrastructure`). Later areas (queues, logs,
 * tenants, flags) are further sub-pages of {@link opsPage}.
 */
export const opsInfrastructurePage = SubPageBlueprint.make({
  name: 'infrastructure',
  params: {
    path: 'infrastructure',
    title: 'Infrastructure',
    loader: () =>
      import('../components/InfrastructurePage').then(m => (
        <Content>
          <m.InfrastructurePage />
        </Content>
      )),
  },
});
