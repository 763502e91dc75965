import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { opsApiRef } from '../../api';
import { makeFakeOpsApi } from '../../__testUtils__/fixtures';
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
  });
});
