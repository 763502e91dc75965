import { ReactElement } from 'react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { Entity } from '@backstage/catalog-model';
import { OpsApi } from '../api';
import { renderOps } from './renderOps';

/** Shows the current URL's search, so tests can read the shareable state. */
export function LocationSearch() {
  const location = useLocation();
  return <output aria-label="Location search">{location.search}</output>;
}

/** Renders `element` at `path` (default the log viewer at /ops/logs). */
export function renderLogs(
  element: ReactElement,
  options: {
    opsApi: OpsApi;
    search?: string;
    path?: string;
    entity?: Entity;
    catalogEntities?: Entity[];
  },
) {
  const path = options.path ?? '/ops/logs';
  return renderOps(
    <Routes>
      <Route
        path={`${path}/*`}
        element={
          <>
            {element}
            <LocationSearch />
          </>
        }
      />
    </Routes>,
    {
      opsApi: options.opsApi,
      entity: options.entity,
      catalogEntities: options.catalogEntities,
      routeEntries: [`${path}${options.search ?? ''}`],
    },
  );
}
