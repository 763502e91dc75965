import { Route, Routes } from 'react-router-dom';
import { OpsApi } from '../api';
import { FlagsPage } from '../components/flags/FlagsPage';
import { UsersPage } from '../components/users/UsersPage';
import { mockPermissions, renderOps } from './renderOps';
import { tenantEntities } from './tenantFixtures';

type Permissions = ReturnType<typeof mockPermissions>['permissions'];

/** Renders the Flags tab at /ops/flags/<key>, the catalog holding the tenants. */
export function renderFlagPage(
  opsApi: OpsApi,
  permissions: Permissions,
  key = 'ai-composer',
) {
  return renderOps(
    <Routes>
      <Route path="/ops/flags/*" element={<FlagsPage />} />
    </Routes>,
    {
      opsApi,
      permissions,
      catalogEntities: tenantEntities,
      routeEntries: [`/ops/flags/${key}`],
    },
  );
}

/** Renders the Users tab at /ops/users<path>. */
export function renderUsersPage(
  opsApi: OpsApi,
  permissions: Permissions,
  path = '',
) {
  return renderOps(
    <Routes>
      <Route path="/ops/users/*" element={<UsersPage />} />
    </Routes>,
    { opsApi, permissions, routeEntries: [`/ops/users${path}`] },
  );
}
