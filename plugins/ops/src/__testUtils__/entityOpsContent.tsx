import { Entity } from '@backstage/catalog-model';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import { OpsApi, opsApiRef } from '../api';
import { EntityOpsContent } from '../components/infrastructure/EntityOpsContent';
import { annotatedEntity } from './entities';

/**
 * A permission API whose `authorize` (a jest mock) answers `result` to every
 * request. usePermission caches decisions per module registry, so one test
 * file can only see one decision.
 */
export function mockProbePermission(result: 'ALLOW' | 'DENY') {
  const authorize = jest.fn().mockResolvedValue({ result });
  const permissions = mockApis.permission.mock({ authorize });
  return { authorize, permissions };
}

/** Renders `EntityOpsContent` for `entity` (default: an annotated one). */
export async function renderEntityOpsContent(options: {
  opsApi: OpsApi;
  permissions: PermissionApi;
  entity?: Entity;
}) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [opsApiRef, options.opsApi],
        [permissionApiRef, options.permissions],
      ]}
    >
      <EntityProvider entity={options.entity ?? annotatedEntity}>
        <EntityOpsContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}
