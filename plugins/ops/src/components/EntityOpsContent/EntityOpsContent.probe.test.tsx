import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { OpsApi, opsApiRef } from '../../api';
import { annotatedEntity } from '../../testUtils/entities';
import { makeFakeOpsApi } from '../../testUtils/fixtures';
import { EntityOpsContent } from './EntityOpsContent';

// usePermission caches decisions in a module-global SWR cache: this file is
// the ALLOW case, EntityOpsContent.test.tsx the DENY case.
const authorize = jest.fn().mockResolvedValue({ result: 'ALLOW' });
const permissions = mockApis.permission.mock({ authorize });

async function renderContent(opsApi: OpsApi) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [opsApiRef, opsApi],
        [permissionApiRef, permissions],
      ]}
    >
      <EntityProvider entity={annotatedEntity}>
        <EntityOpsContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('EntityOpsContent with the probe permission', () => {
  it('shows "Probe now", probes, reports the result and reloads', async () => {
    const opsApi = makeFakeOpsApi();
    await renderContent(opsApi);

    const button = await screen.findByRole('button', { name: /probe now/i });
    expect(authorize).toHaveBeenCalledWith(
      expect.objectContaining({
        permission: expect.objectContaining({ name: 'ops.health.probe' }),
      }),
    );
    expect(opsApi.getEntityHealth).toHaveBeenCalledTimes(1);
    expect(opsApi.probeEntity).not.toHaveBeenCalled();

    await userEvent.click(button);

    expect(opsApi.probeEntity).toHaveBeenCalledWith(
      'component:default/mail-api',
    );
    expect(
      await screen.findByText('Probe result: Pass · HTTP 200 · 37 ms'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(opsApi.getEntityHealth).toHaveBeenCalledTimes(2),
    );
    expect(opsApi.getEntityHistory).toHaveBeenCalledTimes(2);
  });

  it('reports a failed probe', async () => {
    const opsApi = makeFakeOpsApi({
      probeEntity: jest
        .fn()
        .mockRejectedValue(new Error('Missing permission ops.health.probe')),
    });
    await renderContent(opsApi);
    await userEvent.click(
      await screen.findByRole('button', { name: /probe now/i }),
    );
    expect(
      await screen.findByText(
        'Probe failed: Missing permission ops.health.probe',
      ),
    ).toBeInTheDocument();
  });
});
