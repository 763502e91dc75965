import { Route, Routes, useLocation } from 'react-router-dom';
import { OpsApi } from '../api';
import { QueuesPage } from '../components/queues/QueuesPage';
import { mockPermissions, renderOps } from './renderOps';

type Permissions = ReturnType<typeof mockPermissions>['permissions'];

/** Shows the current URL's query, for tests of filters synced to the URL. */
function LocationSearch() {
  const location = useLocation();
  return <output aria-label="Location search">{location.search}</output>;
}

/** Renders Queue Health at /ops/queues<search>. */
export function renderQueuesPage(
  opsApi: OpsApi,
  permissions: Permissions,
  search = '',
) {
  return renderOps(
    <>
      <Routes>
        <Route path="/ops/queues" element={<QueuesPage />} />
      </Routes>
      <LocationSearch />
    </>,
    { opsApi, permissions, routeEntries: [`/ops/queues${search}`] },
  );
}
