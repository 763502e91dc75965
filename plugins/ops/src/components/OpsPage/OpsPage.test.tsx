import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { opsApiRef } from '../../api';
import { makeFakeOpsApi } from '../../__testUtils__/fixtures';
import { rootRouteRef } from '../../routes';
import { OpsPage } from './OpsPage';

describe('OpsPage', () => {
  it('renders the Ops Console header, the Infrastructure tab and the fleet', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[opsApiRef, makeFakeOpsApi()]]}>
        <OpsPage />
      </TestApiProvider>,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(
      screen.getByRole('heading', { name: 'Ops Console' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Infrastructure' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(
      await screen.findByRole('list', { name: 'Health targets' }),
    ).toBeInTheDocument();
    for (const tab of ['Tenants', 'Flags', 'Users']) {
      expect(screen.getByRole('tab', { name: tab })).toHaveAttribute(
        'aria-selected',
        'false',
      );
    }
  });

  it('serves the Flags tab at /flags with links to each flag', async () => {
    const opsApi = makeFakeOpsApi();
    await renderInTestApp(
      <TestApiProvider apis={[[opsApiRef, opsApi]]}>
        <Routes>
          <Route path="/ops/*" element={<OpsPage />} />
        </Routes>
      </TestApiProvider>,
      {
        mountedRoutes: {
          '/catalog/:namespace/:kind/:name': entityRouteRef,
          '/ops': rootRouteRef,
        },
        routeEntries: ['/ops/flags'],
      },
    );
    expect(screen.getByRole('tab', { name: 'Flags' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(
      await screen.findByRole('link', { name: 'Beta: AI Composer' }),
    ).toHaveAttribute('href', '/ops/flags/ai-composer');
  });
});
