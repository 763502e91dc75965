import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResponseError } from '@backstage/errors';
import { makeFakeOpsApi } from '../../../__testUtils__/fixtures';
import { acmeSpike, queueOverview } from '../../../__testUtils__/queueFixtures';
import { mockPermissions } from '../../../__testUtils__/renderOps';
import { renderQueuesPage } from '../../../__testUtils__/renderQueues';

// a plain reader (the operator's actions are in QueuesPage.actions.test.tsx;
// usePermission caches decisions per file)
const { permissions } = mockPermissions(() => 'DENY');

const queueNames = () =>
  within(screen.getByRole('table', { name: 'Queues' }))
    .getAllByRole('row')
    .slice(1)
    .map(row => row.querySelector('td')?.textContent);

const search = () => screen.getByRole('status', { name: 'Location search' });

describe('QueuesPage', () => {
  it('shows every queue, most anomalous first, with counts, rates, age and state', async () => {
    const opsApi = makeFakeOpsApi();
    await renderQueuesPage(opsApi, permissions);

    await screen.findByRole('table', { name: 'Queues' });
    expect(queueNames()).toEqual([
      'outbound-email-acme',
      'webhooks',
      'outbound-email-acme-eu',
      'outbound-email-globex',
    ]);
    const acme = screen.getByTestId('queue-bullmq:outbound-email-acme');
    expect(
      Array.from(acme.querySelectorAll('td')).map(cell => cell.textContent),
    ).toEqual([
      'outbound-email-acme',
      'acme',
      'bullmq',
      '1,200',
      '5',
      '34',
      '2',
      '800',
      '412/min',
      '60/min',
      '3 h 5 min',
      'Spike · Critical',
    ]);
    expect(within(acme).getByRole('link', { name: 'acme' })).toHaveAttribute(
      'href',
      '/catalog/default/tenant/acme',
    );
    const webhooks = screen.getByTestId('queue-platform:webhooks');
    expect(within(webhooks).getByText('shared')).toBeInTheDocument();
    expect(
      within(
        screen.getByTestId('queue-bullmq:outbound-email-acme-eu'),
      ).getByText('Paused'),
    ).toBeInTheDocument();
    expect(opsApi.getQueueOverview).toHaveBeenCalledWith(undefined);
    expect(opsApi.getQueueHistory).toHaveBeenCalledWith({
      range: '24h',
      tenantId: undefined,
    });
    expect(screen.getByTestId('queue-depth-chart')).toBeInTheDocument();
    expect(screen.getByTestId('queue-throughput-chart')).toBeInTheDocument();

    // sorting by another column, and back
    await userEvent.click(screen.getByRole('button', { name: 'Queue' }));
    expect(queueNames()).toEqual([
      'outbound-email-acme',
      'outbound-email-acme-eu',
      'outbound-email-globex',
      'webhooks',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'State' }));
    expect(queueNames()[0]).toBe('outbound-email-acme');
  });

  it('puts open spike alerts on top with the rate against the baseline and a link to the tenant', async () => {
    const opsApi = makeFakeOpsApi({
      getQueueOverview: jest.fn().mockResolvedValue({
        ...queueOverview,
        alerts: [
          {
            ...acmeSpike,
            id: 'low',
            tenantId: 'globex',
            severity: 'low',
            tenantEntityRef: 'tenant:default/globex',
            ratePerMinute: 50,
            peakRatePerMinute: 50,
            baselinePerMinute: 10,
          },
          acmeSpike,
          { ...acmeSpike, id: 'old', status: 'resolved' },
        ],
      }),
    });
    await renderQueuesPage(opsApi, permissions);

    const alerts = await screen.findByRole('region', {
      name: 'Open spike alerts',
    });
    const banners = within(alerts).getAllByRole('alert');
    expect(banners.map(banner => banner.getAttribute('data-severity'))).toEqual(
      ['critical', 'low'],
    );
    expect(banners[0]).toHaveTextContent(
      /412\/min vs baseline 9\/min \(peak 530\/min\), since \d+ minutes ago/,
    );
    expect(
      within(banners[0]).getByRole('link', { name: 'acme' }),
    ).toHaveAttribute('href', '/catalog/default/tenant/acme');
    expect(banners[1]).toHaveTextContent(/50\/min vs baseline 10\/min, since/);
    expect(banners[0]).toHaveClass('MuiAlert-standardError');
    expect(banners[1]).toHaveClass('MuiAlert-standardInfo');

    // "Investigate" filters the page to the tenant
    await userEvent.click(
      within(banners[0]).getByRole('button', { name: 'Investigate acme' }),
    );
    expect(search()).toHaveTextContent('?tenantId=acme');
    expect(
      await screen.findByRole('region', { name: 'Tenant acme' }),
    ).toBeInTheDocument();
  });

  it('filters by tenant ID, synced to ?tenantId=, and shows the tenant panel on an exact match', async () => {
    const opsApi = makeFakeOpsApi();
    await renderQueuesPage(opsApi, permissions);
    await screen.findByRole('table', { name: 'Queues' });

    const tenant = screen.getByRole('textbox', { name: 'Tenant ID' });
    await userEvent.type(tenant, 'acm');
    expect(queueNames()).toEqual([
      'outbound-email-acme',
      'outbound-email-acme-eu',
    ]);
    expect(search()).toHaveTextContent('?tenantId=acm');
    expect(screen.getByText('Showing 2 of 4 queues.')).toBeInTheDocument();
    // not a tenant yet: no panel, the history of every queue
    expect(
      screen.queryByRole('region', { name: /^Tenant / }),
    ).not.toBeInTheDocument();

    await userEvent.type(tenant, 'e');
    expect(search()).toHaveTextContent('?tenantId=acme');
    const panel = await screen.findByRole('region', { name: 'Tenant acme' });
    await waitFor(() =>
      expect(opsApi.getQueueHistory).toHaveBeenLastCalledWith({
        range: '24h',
        tenantId: 'acme',
      }),
    );
    expect(screen.getByText('Queues of tenant acme')).toBeInTheDocument();

    // redacted samples with recipient patterns, payloads behind an expander
    const patterns = await within(panel).findByRole('region', {
      name: 'Recipient patterns',
    });
    expect(opsApi.getTenantQueueSamples).toHaveBeenCalledWith(
      'acme',
      undefined,
    );
    expect(
      within(patterns).getByRole('group', { name: 'New recipients' }),
    ).toHaveTextContent('94 %');
    expect(
      within(patterns).getByRole('group', { name: 'Unique recipients' }),
    ).toHaveTextContent('48');
    const domains = within(patterns).getByRole('list', {
      name: 'Top recipient domains',
    });
    expect(within(domains).getAllByRole('listitem')[0]).toHaveTextContent(
      'gmail.example30 · 60 %',
    );
    expect(screen.queryByLabelText('Payload of job job-1')).toBeNull();
    await userEvent.click(
      within(panel).getByRole('button', { name: 'Show payload of job job-1' }),
    );
    expect(screen.getByLabelText('Payload of job job-1')).toHaveTextContent(
      '"to": "j***@gmail.example"',
    );
    // a plain reader can neither pause nor notify nor unredact
    expect(
      within(panel).queryByRole('button', { name: 'Emergency Pause Queue' }),
    ).not.toBeInTheDocument();
    expect(
      within(panel).queryByRole('button', { name: 'Notify tenant admin' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/Show unredacted/)).not.toBeInTheDocument();
    // the notices sent to the admin are for those who may notify the tenant
    expect(
      within(panel).queryByRole('list', { name: 'Notices' }),
    ).not.toBeInTheDocument();
    expect(opsApi.listTenantNotices).not.toHaveBeenCalled();

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    expect(queueNames()).toHaveLength(4);
    expect(search()).toHaveTextContent(/^$/);
  });

  it('opens filtered from the URL and filters by source and state', async () => {
    const opsApi = makeFakeOpsApi();
    await renderQueuesPage(opsApi, permissions, '?tenantId=ACME');
    expect(
      await screen.findByRole('region', { name: 'Tenant acme' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Tenant ID' })).toHaveValue(
      'ACME',
    );
    await userEvent.clear(screen.getByRole('textbox', { name: 'Tenant ID' }));

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'State' }),
      'paused',
    );
    expect(queueNames()).toEqual(['outbound-email-acme-eu']);
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'State' }),
      'failing',
    );
    // failing now: acme keeps 2 failed jobs but fails none per minute
    expect(queueNames()).toEqual(['webhooks']);
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Source' }),
      'platform',
    );
    expect(queueNames()).toEqual(['webhooks']);
    expect(search()).toHaveTextContent('?state=failing&source=platform');
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'State' }),
      'spiking',
    );
    expect(screen.getByText('No queues match the filters')).toBeInTheDocument();
  });

  it('shows a degraded source as a banner while the other sources still show', async () => {
    const opsApi = makeFakeOpsApi({
      getQueueOverview: jest.fn().mockResolvedValue({
        ...queueOverview,
        sources: [
          { id: 'bullmq', status: 'ok' },
          {
            id: 'platform',
            status: 'unavailable',
            error: 'connect ECONNREFUSED 127.0.0.1:7010',
          },
        ],
        queues: queueOverview.queues.filter(q => q.source === 'bullmq'),
      }),
    });
    await renderQueuesPage(opsApi, permissions);
    expect(
      await screen.findByText('Source “platform” is unavailable'),
    ).toBeInTheDocument();
    expect(screen.getByText(/ECONNREFUSED/)).toBeInTheDocument();
    expect(queueNames()).toHaveLength(3);
  });

  it('explains how to configure a source when no queue is reported', async () => {
    const opsApi = makeFakeOpsApi({
      getQueueOverview: jest.fn().mockResolvedValue({
        ...queueOverview,
        queues: [],
        alerts: [],
      }),
    });
    await renderQueuesPage(opsApi, permissions);
    expect(
      await screen.findByText('No queues reported by any source'),
    ).toBeInTheDocument();
    expect(screen.getByText(/redisUrl/)).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Queues' })).toBeNull();
  });

  it('shows the error of a refused overview', async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'NotAllowedError',
          message: 'Missing permission ops.queues.read',
        },
        request: { method: 'GET', url: '/api/ops/queues' },
        response: { statusCode: 403 },
      }),
      { status: 403, headers: { 'Content-Type': 'application/json' } },
    );
    const opsApi = makeFakeOpsApi({
      getQueueOverview: jest
        .fn()
        .mockRejectedValue(await ResponseError.fromResponse(response)),
    });
    await renderQueuesPage(opsApi, permissions);
    expect(
      (await screen.findAllByText(/Missing permission ops\.queues\.read/))
        .length,
    ).toBeGreaterThan(0);
    expect(screen.getByText('403: NotAllowedError')).toBeInTheDocument();
    expect(screen.queryByTestId('queues-skeleton')).not.toBeInTheDocument();
  });
});
