import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Entity } from '@backstage/catalog-model';
import { OpsApi } from '../../../api';
import { plainEntity } from '../../../__testUtils__/entities';
import { entityHealth, makeFakeOpsApi } from '../../../__testUtils__/fixtures';
import {
  mockProbePermission,
  renderEntityOpsContent,
} from '../../../__testUtils__/entityOpsContent';

// usePermission caches decisions in a module-global SWR cache, so every test
// in this file sees the same decision: DENY. The ALLOW case lives in
// EntityOpsContent.probe.test.tsx (jest gives each file its own modules).
const { authorize, permissions } = mockProbePermission('DENY');

const renderContent = (options: { opsApi: OpsApi; entity?: Entity }) =>
  renderEntityOpsContent({ ...options, permissions });

describe('EntityOpsContent', () => {
  it('renders status, checks, failures and the history charts', async () => {
    const opsApi = makeFakeOpsApi();
    await renderContent({ opsApi });

    const checks = await screen.findByRole('table', { name: 'Checks' });
    const rows = within(checks).getAllByRole('row');
    expect(rows).toHaveLength(3); // header + 2 checks
    expect(
      within(rows[1]).getByText('sqlite:responseTime'),
    ).toBeInTheDocument();
    expect(within(rows[1]).getByText('datastore')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Warn')).toBeInTheDocument();
    expect(within(rows[1]).getByText('250 ms')).toBeInTheDocument();
    expect(within(rows[2]).getByText('86400 s')).toBeInTheDocument();

    expect(screen.getByText('3 hours ago')).toBeInTheDocument(); // since
    expect(screen.getByText(/upstream timed out/)).toBeInTheDocument();
    expect(screen.getByText(/HTTP 503/)).toBeInTheDocument();

    expect(await screen.findByTestId('latency-chart')).toBeInTheDocument();
    expect(screen.getByTestId('availability-chart')).toBeInTheDocument();

    expect(opsApi.getEntityHealth).toHaveBeenCalledWith(
      'component:default/mail-api',
    );
    expect(opsApi.getEntityHistory).toHaveBeenCalledWith(
      'component:default/mail-api',
      { range: '24h' },
    );
  });

  it('loads the history of the selected range', async () => {
    const opsApi = makeFakeOpsApi();
    await renderContent({ opsApi });
    await screen.findByTestId('latency-chart');

    await userEvent.click(screen.getByRole('button', { name: '7d' }));
    await waitFor(() =>
      expect(opsApi.getEntityHistory).toHaveBeenLastCalledWith(
        'component:default/mail-api',
        { range: '7d' },
      ),
    );
    expect(screen.getByRole('button', { name: '7d' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('hides "Probe now" without the probe permission', async () => {
    await renderContent({ opsApi: makeFakeOpsApi() });
    await screen.findByRole('table', { name: 'Checks' });
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: expect.objectContaining({ name: 'ops.health.probe' }),
        }),
      ),
    );
    // let the DENY decision reach the component
    await act(async () => {
      await authorize.mock.results[0].value;
    });
    expect(screen.getByText('Current status')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /probe now/i }),
    ).not.toBeInTheDocument();
  });

  it('shows a banner for a degraded source', async () => {
    const opsApi = makeFakeOpsApi({
      getEntityHealth: jest.fn().mockResolvedValue({
        ...entityHealth,
        sources: [
          { id: 'prober', status: 'degraded', error: 'probe round overran' },
        ],
      }),
    });
    await renderContent({ opsApi });
    expect(
      await screen.findByText('Source “prober” is degraded'),
    ).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Checks' })).toBeInTheDocument();
  });

  it('explains the annotation when the entity lacks it', async () => {
    const opsApi = makeFakeOpsApi();
    await renderContent({ opsApi, entity: plainEntity });
    expect(
      screen.getAllByText(/opsconsole\.io\/health-url/).length,
    ).toBeGreaterThan(0);
    expect(opsApi.getEntityHealth).not.toHaveBeenCalled();
  });

  it('shows the error when health cannot be loaded', async () => {
    const opsApi = makeFakeOpsApi({
      getEntityHealth: jest
        .fn()
        .mockRejectedValue(new Error('not a health target')),
    });
    await renderContent({ opsApi });
    expect(
      (await screen.findAllByText(/not a health target/)).length,
    ).toBeGreaterThan(0);
  });
});
