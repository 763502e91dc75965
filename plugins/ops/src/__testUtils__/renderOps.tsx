import { ReactElement } from 'react';
import { Entity } from '@backstage/catalog-model';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import { OpsApi, opsApiRef } from '../api';
import { rootRouteRef } from '../routes';

type Decision = 'ALLOW' | 'DENY';

/**
 * A permission API deciding each request with `decide` (by permission name and
 * resource ref). usePermission caches decisions per module registry (one per
 * test file), so within a file a given permission + resource must always get
 * the same answer.
 */
export function mockPermissions(
  decide: (request: { name: string; resourceRef?: string }) => Decision,
) {
  const authorize = jest.fn(
    async (request: Parameters<PermissionApi['authorize']>[0]) =>
      ({
        result: decide({
          name: request.permission.name,
          resourceRef: (request as { resourceRef?: string }).resourceRef,
        }),
      } as Awaited<ReturnType<PermissionApi['authorize']>>),
  );
  return { authorize, permissions: mockApis.permission.mock({ authorize }) };
}

/**
 * Renders an ops component in a legacy test app with the ops, permission and
 * catalog APIs, the Ops Console mounted at /ops (so links between its pages
 * resolve) and catalog entity pages mounted.
 */
export async function renderOps(
  element: ReactElement,
  options: {
    opsApi: OpsApi;
    permissions?: ReturnType<typeof mockPermissions>['permissions'];
    catalogEntities?: Entity[];
    entity?: Entity;
    routeEntries?: string[];
  },
) {
  const permissions =
    options.permissions ?? mockPermissions(() => 'DENY').permissions;
  const content = options.entity ? (
    <EntityProvider entity={options.entity}>{element}</EntityProvider>
  ) : (
    element
  );
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [opsApiRef, options.opsApi],
        [permissionApiRef, permissions],
        [catalogApiRef, catalogApiMock({ entities: options.catalogEntities })],
      ]}
    >
      {content}
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/ops': rootRouteRef,
      },
      routeEntries: options.routeEntries,
    },
  );
}
