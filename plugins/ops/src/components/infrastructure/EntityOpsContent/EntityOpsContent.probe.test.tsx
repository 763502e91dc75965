import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OpsApi } from '../../../api';
import { makeFakeOpsApi } from '../../../__testUtils__/fixtures';
import {
  mockProbePermission,
  renderEntityOpsContent,
} from '../../../__testUtils__/entityOpsContent';

// usePermission caches decisions in a module-global SWR cache: this file is
// the ALLOW case, EntityOpsContent.test.tsx the DENY case.
const { authorize, permissions } = mockProbePermission('ALLOW');

const renderContent = (opsApi: OpsApi) =>
  renderEntityOpsContent({ opsApi, permissions });

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
