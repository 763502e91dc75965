import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import { FleetSummary } from '@opsconsole/backstage-plugin-ops-common';
import { OpsApi, opsApiRef } from '../../../api';
import { fleet, makeFakeOpsApi } from '../../../__testUtils__/fixtures';
import { InfrastructurePage } from './InfrastructurePage';

async function renderPage(opsApi: OpsApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[opsApiRef, opsApi]]}>
      <InfrastructurePage />
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

// the grid's items (cards); failing checks inside a card are nested lists
const cards = () =>
  Array.from(screen.getByRole('list', { name: 'Health targets' }).children);
const statusOf = (label: HTMLElement) =>
  label.closest('[data-status]')?.getAttribute('data-status');
const cardTitles = () => cards().map(card => card.getAttribute('aria-label'));

describe('InfrastructurePage', () => {
  it('renders one card per target, worst first, with status chips and links', async () => {
    await renderPage(makeFakeOpsApi());

    expect(
      await screen.findByRole('list', { name: 'Health targets' }),
    ).toBeInTheDocument();
    expect(cardTitles()).toEqual([
      'MTA relay',
      'Bounce processor',
      'Queue database',
      'Mail API',
    ]);

    const mta = screen.getByRole('listitem', { name: 'MTA relay' });
    expect(statusOf(within(mta).getByText('Fail'))).toBe('fail');
    expect(
      within(mta).getByRole('link', { name: 'MTA relay' }),
    ).toHaveAttribute('href', '/catalog/default/component/mta-relay');
    expect(within(mta).getByText('smtp:connections')).toBeInTheDocument();
    expect(within(mta).getByText(/connection refused/)).toBeInTheDocument();
    expect(within(mta).getByText(/HTTP 503/)).toBeInTheDocument();
    expect(within(mta).getByText('12 minutes ago')).toBeInTheDocument();

    const mailApi = screen.getByRole('listitem', { name: 'Mail API' });
    expect(statusOf(within(mailApi).getByText('Pass'))).toBe('pass');
    expect(within(mailApi).getByText(/24 h 99\.93 %/)).toBeInTheDocument();
    expect(within(mailApi).getByText(/p95 120 ms/)).toBeInTheDocument();
    expect(within(mailApi).getAllByTestId('uptime-bar')).toHaveLength(24);

    const bounce = screen.getByRole('listitem', { name: 'Bounce processor' });
    expect(within(bounce).getByText('Misconfigured')).toBeInTheDocument();
    expect(
      within(bounce).getByText(
        'host bounce.internal is not in ops.health.allowedHosts',
      ),
    ).toBeInTheDocument();
  });

  it('summarises status counts', async () => {
    await renderPage(makeFakeOpsApi());
    expect(
      await screen.findByRole('button', { name: 'Fail: 1' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pass: 1' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Warn: 1' })).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Misconfigured: 1' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Unknown: 0' }),
    ).toBeInTheDocument();
  });

  it('filters by status, owner, system and search', async () => {
    await renderPage(makeFakeOpsApi());
    await screen.findByRole('list', { name: 'Health targets' });

    await userEvent.click(screen.getByRole('button', { name: 'Fail: 1' }));
    expect(cardTitles()).toEqual(['MTA relay']);
    await userEvent.click(screen.getByRole('button', { name: 'Warn: 1' }));
    expect(cardTitles()).toEqual(['MTA relay', 'Queue database']);
    await userEvent.click(screen.getByRole('button', { name: 'Fail: 1' }));
    await userEvent.click(screen.getByRole('button', { name: 'Warn: 1' }));
    expect(cardTitles()).toHaveLength(4);

    await userEvent.selectOptions(
      screen.getByLabelText('Owner'),
      'group:default/infra',
    );
    expect(cardTitles()).toEqual(['MTA relay', 'Queue database']);
    await userEvent.selectOptions(
      screen.getByLabelText('System'),
      'system:default/queues',
    );
    expect(cardTitles()).toEqual(['Queue database']);
    await userEvent.selectOptions(screen.getByLabelText('Owner'), '');
    await userEvent.selectOptions(screen.getByLabelText('System'), '');

    await userEvent.type(screen.getByLabelText('Search'), 'bounce');
    expect(cardTitles()).toEqual(['Bounce processor']);
    await userEvent.clear(screen.getByLabelText('Search'));
    await userEvent.type(screen.getByLabelText('Search'), 'nothing-like-this');
    expect(
      screen.queryByRole('list', { name: 'Health targets' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText('No targets match the filters'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    expect(cardTitles()).toHaveLength(4);
  });

  it('shows a banner per degraded source and still renders the grid', async () => {
    const degraded: FleetSummary = {
      ...fleet,
      sources: [
        { id: 'prober', status: 'ok' },
        { id: 'catalog', status: 'degraded', error: 'catalog timed out' },
      ],
    };
    await renderPage(
      makeFakeOpsApi({
        getFleetSummary: jest.fn().mockResolvedValue(degraded),
      }),
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Source “catalog” is degraded');
    expect(alert).toHaveTextContent('catalog timed out');
    expect(cards()).toHaveLength(4);
  });

  it('shows how to add the annotation when there are no targets', async () => {
    await renderPage(
      makeFakeOpsApi({
        getFleetSummary: jest.fn().mockResolvedValue({ ...fleet, targets: [] }),
      }),
    );
    expect(
      await screen.findByText('No health targets yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/https:\/\/mail-api\.example\.com\/health/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'Health targets' }),
    ).not.toBeInTheDocument();
  });

  it('shows skeletons while loading and an error panel when the first load fails', async () => {
    let reject: (error: Error) => void = () => {};
    const getFleetSummary = jest.fn(
      () =>
        new Promise<FleetSummary>((_resolve, r) => {
          reject = r;
        }),
    );
    await renderPage(makeFakeOpsApi({ getFleetSummary }));
    expect(screen.getByTestId('fleet-skeleton')).toBeInTheDocument();

    const response = new Response(
      JSON.stringify({
        error: {
          name: 'NotAllowedError',
          message: 'Missing permission ops.health.read',
        },
        request: { method: 'GET', url: '/api/ops/health/fleet' },
        response: { statusCode: 403 },
      }),
      {
        status: 403,
        statusText: 'Forbidden',
        headers: { 'Content-Type': 'application/json' },
      },
    );
    reject(await ResponseError.fromResponse(response));
    expect(
      (await screen.findAllByText(/Missing permission ops\.health\.read/))
        .length,
    ).toBeGreaterThan(0);
    expect(screen.getByText('403: NotAllowedError')).toBeInTheDocument();
    expect(screen.queryByTestId('fleet-skeleton')).not.toBeInTheDocument();
  });

  it('keeps showing the grid when a refresh fails and refreshes on demand', async () => {
    const getFleetSummary = jest
      .fn()
      .mockResolvedValueOnce(fleet)
      .mockRejectedValueOnce(new Error('backend restarting'))
      .mockResolvedValue(fleet);
    await renderPage(makeFakeOpsApi({ getFleetSummary }));
    await screen.findByRole('list', { name: 'Health targets' });

    await userEvent.click(screen.getByRole('button', { name: 'Refresh now' }));
    expect(
      await screen.findByText(/Could not refresh: backend restarting/),
    ).toBeInTheDocument();
    expect(cards()).toHaveLength(4);

    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Refresh now' })).toBeEnabled(),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Refresh now' }));
    await waitFor(() =>
      expect(screen.queryByText(/Could not refresh/)).not.toBeInTheDocument(),
    );
    expect(getFleetSummary).toHaveBeenCalledTimes(3);
  });

  it('reloads every 15 s until auto refresh is turned off', async () => {
    jest.useFakeTimers();
    try {
      const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
      const opsApi = makeFakeOpsApi();
      await renderPage(opsApi);
      await screen.findByRole('list', { name: 'Health targets' });
      expect(opsApi.getFleetSummary).toHaveBeenCalledTimes(1);

      await act(async () => {
        jest.advanceTimersByTime(15_000);
      });
      expect(opsApi.getFleetSummary).toHaveBeenCalledTimes(2);

      const toggle = screen.getByRole('checkbox', {
        name: 'Auto refresh (15 s)',
      });
      expect(toggle).toBeChecked();
      await user.click(toggle);
      expect(toggle).not.toBeChecked();
      await act(async () => {
        jest.advanceTimersByTime(60_000);
      });
      expect(opsApi.getFleetSummary).toHaveBeenCalledTimes(2);
      expect(cards()).toHaveLength(4);
    } finally {
      jest.useRealTimers();
    }
  });
});
