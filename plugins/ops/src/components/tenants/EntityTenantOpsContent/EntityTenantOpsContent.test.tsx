import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { annotatedEntity } from '../../../__testUtils__/entities';
import { makeFakeOpsApi } from '../../../__testUtils__/fixtures';
import { mockPermissions, renderOps } from '../../../__testUtils__/renderOps';
import { acmeEntity } from '../../../__testUtils__/tenantFixtures';
import { OpsApi } from '../../../api';
import { EntityTenantOpsContent } from './EntityTenantOpsContent';

// a plain reader: no overrides, no personal data
const { permissions } = mockPermissions(() => 'DENY');

const renderContent = (opsApi: OpsApi, routeEntries?: string[]) =>
  renderOps(<EntityTenantOpsContent />, {
    opsApi,
    permissions,
    entity: acmeEntity,
    routeEntries,
  });

describe('EntityTenantOpsContent', () => {
  it('opens on the queues: the tenant’s spike alert, queues and samples', async () => {
    const opsApi = makeFakeOpsApi();
    await renderContent(opsApi);

    expect(screen.getByRole('tab', { name: 'Queues' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const alerts = await screen.findByRole('region', {
      name: 'Open spike alerts',
    });
    expect(within(alerts).getByRole('alert')).toHaveTextContent(
      /412\/min vs baseline 9\/min/,
    );
    expect(opsApi.getQueueOverview).toHaveBeenCalledWith({ tenantId: 'acme' });
    expect(
      within(screen.getByRole('table', { name: 'Queues' })).getByText(
        'outbound-email-acme',
      ),
    ).toBeInTheDocument();
    // only the tenant's own queues, even if the source answers more
    expect(screen.queryByText('outbound-email-globex')).not.toBeInTheDocument();
    expect(
      await screen.findByRole('region', { name: 'Recipient patterns' }),
    ).toBeInTheDocument();
    expect(opsApi.getQueueHistory).toHaveBeenCalledWith({
      range: '24h',
      tenantId: 'acme',
    });
    // a plain reader: no pause, no notice
    expect(
      screen.queryByRole('button', { name: 'Emergency Pause Queue' }),
    ).not.toBeInTheDocument();
  });

  it('shows the overview: catalog facts, the platform view and deliverability against the fleet', async () => {
    const fake = makeFakeOpsApi();
    const platformView = await fake.getTenant('acme');
    const opsApi = makeFakeOpsApi({
      // the platform has suspended acme; the catalog has not caught up yet
      getTenant: jest.fn().mockResolvedValue({
        ...platformView,
        tenant: { ...platformView.tenant, status: 'suspended' },
      }),
    });
    await renderContent(opsApi, ['/?section=overview']);

    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const catalog = screen.getByRole('group', { name: 'Catalog facts' });
    expect(within(catalog).getByText('Enterprise')).toBeInTheDocument();
    expect(within(catalog).getByText('Active')).toBeInTheDocument();
    expect(
      within(catalog).getByRole('link', { name: 'account-emea' }),
    ).toHaveAttribute('href', '/catalog/default/group/account-emea');
    expect(
      within(catalog).getByRole('link', { name: 'ops@acme.example' }),
    ).toHaveAttribute('href', 'mailto:ops@acme.example');
    expect(within(catalog).getByText(/Wile E\. Coyote/)).toBeInTheDocument();
    expect(within(catalog).getByText('eu-west-1')).toBeInTheDocument();

    const platform = await screen.findByRole('group', {
      name: 'Platform facts',
    });
    expect(within(platform).getByText('o***@acme.example')).toBeInTheDocument();
    expect(within(platform).getByText('Suspended')).toBeInTheDocument();
    expect(
      within(platform).getAllByText(/the catalog says otherwise/),
    ).toHaveLength(1);
    expect(opsApi.getTenant).toHaveBeenCalledWith('acme');

    const totals = await screen.findByRole('table', {
      name: 'Deliverability totals',
    });
    expect(
      within(totals)
        .getAllByRole('row')
        .map(row => Array.from(row.children).map(cell => cell.textContent)),
    ).toEqual([
      ['', 'Tenant', 'Fleet'],
      ['Sent', '3,000', '30,000'],
      ['Delivery rate', '98.0 %', '99.0 %'],
      ['Bounce rate', '2.00 %', '1.00 %'],
      ['Complaint rate', '0.102 %', '0.030 %'],
    ]);
    for (const chart of [
      'volume-chart',
      'delivery-rate-chart',
      'bounce-rate-chart',
      'complaint-rate-chart',
    ]) {
      expect(screen.getByTestId(chart)).toBeInTheDocument();
    }
    expect(opsApi.getTenantDeliverability).toHaveBeenCalledWith('acme', {
      range: '7d',
    });

    await userEvent.click(screen.getByRole('button', { name: '30d' }));
    await waitFor(() =>
      expect(opsApi.getTenantDeliverability).toHaveBeenLastCalledWith('acme', {
        range: '30d',
      }),
    );
  });

  it('switches to features, users and timeline', async () => {
    const opsApi = makeFakeOpsApi();
    await renderContent(opsApi);

    await userEvent.click(screen.getByRole('tab', { name: 'Features' }));
    expect(
      await screen.findByRole('table', { name: 'Features' }),
    ).toBeInTheDocument();
    expect(opsApi.getTenantFlags).toHaveBeenCalledWith('acme');

    await userEvent.click(screen.getByRole('tab', { name: 'Users' }));
    const users = await screen.findByRole('table', { name: 'Tenant users' });
    expect(within(users).getAllByText('j***@acme.example')).toHaveLength(2);
    expect(
      within(users).getByRole('link', { name: 'Jane Roe' }),
    ).toHaveAttribute('href', '/ops/users/u-1');
    expect(opsApi.listTenantUsers).toHaveBeenCalledWith('acme', {
      reveal: false,
    });
    expect(
      screen.queryByLabelText(/reveal personal data/i),
    ).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Timeline' }));
    const timeline = await screen.findByRole('table', { name: 'Timeline' });
    expect(within(timeline).getByText('Flag override set')).toBeInTheDocument();
    expect(
      within(timeline).getByText('ai-composer: no override → off'),
    ).toBeInTheDocument();
    expect(
      within(timeline).getByText('Breaks their approval workflow'),
    ).toBeInTheDocument();
    expect(within(timeline).getByText('jane')).toBeInTheDocument();
  });

  it('opens the section named in the URL', async () => {
    const opsApi = makeFakeOpsApi();
    await renderContent(opsApi, ['/?section=features']);
    expect(screen.getByRole('tab', { name: 'Features' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(
      await screen.findByRole('table', { name: 'Features' }),
    ).toBeInTheDocument();
    expect(opsApi.getTenantDeliverability).not.toHaveBeenCalled();
  });

  it('shows a failing source as a banner and a refused timeline in its section only', async () => {
    const opsApi = makeFakeOpsApi({
      getTenantTimeline: jest
        .fn()
        .mockRejectedValue(new Error('Missing permission ops.audit.read')),
      getTenantDeliverability: jest.fn().mockResolvedValue({
        tenant: { id: 'acme', entityRef: 'tenant:default/acme' },
        range: '7d',
        bucketSeconds: 3600,
        from: new Date().toISOString(),
        to: new Date().toISOString(),
        buckets: [],
        totals: {
          tenant: {
            sent: 0,
            delivered: 0,
            bounced: 0,
            complaints: 0,
            deliveryRate: null,
            bounceRate: null,
            complaintRate: null,
          },
          fleet: {
            sent: 0,
            delivered: 0,
            bounced: 0,
            complaints: 0,
            deliveryRate: null,
            bounceRate: null,
            complaintRate: null,
          },
        },
        sources: [
          {
            id: 'example-platform',
            status: 'degraded',
            error: 'timed out after 5 s',
          },
        ],
      }),
    });
    await renderContent(opsApi, ['/?section=overview']);
    expect(
      await screen.findByText('Source “example-platform” is degraded'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('This tenant sent no email in the last 7d.'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Timeline' }));
    expect(
      (await screen.findAllByText(/Missing permission ops\.audit\.read/))
        .length,
    ).toBeGreaterThan(0);
    expect(screen.getByRole('tab', { name: 'Overview' })).toBeInTheDocument();
  });

  it('explains itself on an entity that is not a tenant', async () => {
    const opsApi = makeFakeOpsApi();
    await renderOps(<EntityTenantOpsContent />, {
      opsApi,
      permissions,
      entity: annotatedEntity,
    });
    expect(screen.getByText('Not a tenant')).toBeInTheDocument();
    expect(opsApi.getTenantFlags).not.toHaveBeenCalled();
    expect(opsApi.getTenantDeliverability).not.toHaveBeenCalled();
  });
});
