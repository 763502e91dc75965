import { screen } from '@testing-library/react';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import opsPlugin from './alpha';
import { opsApiRef } from './api';
import { makeFakeOpsApi } from './__testUtils__/fixtures';
import { mockElementSize } from './__testUtils__/layout';

mockElementSize();

describe('opsPlugin logs (new frontend system)', () => {
  it('serves the log viewer at /ops/logs with the query of the URL', async () => {
    const opsApi = makeFakeOpsApi();
    renderTestApp({
      features: [opsPlugin],
      apis: [[opsApiRef, opsApi]],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name':
          convertLegacyRouteRef(entityRouteRef),
      },
      initialRouteEntries: ['/ops/logs?q=level%3E%3Derror'],
    });
    expect(
      await screen.findByRole('table', { name: 'Log records' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Logs' })).toBeInTheDocument();
    expect(opsApi.searchLogs).toHaveBeenCalledWith(
      expect.objectContaining({ query: 'level>=error' }),
    );
  });
});
