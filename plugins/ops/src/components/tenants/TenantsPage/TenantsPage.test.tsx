import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeFakeOpsApi } from '../../../__testUtils__/fixtures';
import { renderOps } from '../../../__testUtils__/renderOps';
import { annotatedEntity } from '../../../__testUtils__/entities';
import { tenantEntities } from '../../../__testUtils__/tenantFixtures';
import { TenantsPage } from './TenantsPage';

const tenantNames = () =>
  within(screen.getByRole('table', { name: 'Tenants' }))
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).getAllByRole('cell')[0].textContent);

describe('TenantsPage', () => {
  it('lists the Tenant entities with tier, status, owner and a link to each', async () => {
    await renderOps(<TenantsPage />, {
      opsApi: makeFakeOpsApi(),
      // a component too: only tenants are listed
      catalogEntities: [...tenantEntities, annotatedEntity],
    });
    await screen.findByRole('table', { name: 'Tenants' });
    expect(tenantNames()).toEqual([
      'Acme Corp',
      'Globex',
      'Initech',
      'Umbrella',
    ]);

    const acme = screen.getByRole('link', { name: 'Acme Corp' });
    expect(acme).toHaveAttribute('href', '/catalog/default/tenant/acme');
    const row = acme.closest('tr')!;
    expect(within(row).getByText('Enterprise')).toBeInTheDocument();
    expect(within(row).getByText('Active')).toBeInTheDocument();
    expect(
      within(row).getByRole('link', { name: 'account-emea' }),
    ).toHaveAttribute('href', '/catalog/default/group/account-emea');
    expect(within(row).getByText('Wile E. Coyote')).toBeInTheDocument();
  });

  it('filters by tier, status, owner and search, and clears the filters', async () => {
    await renderOps(<TenantsPage />, {
      opsApi: makeFakeOpsApi(),
      catalogEntities: tenantEntities,
    });
    await screen.findByRole('table', { name: 'Tenants' });

    await userEvent.selectOptions(screen.getByLabelText('Tier'), 'enterprise');
    expect(tenantNames()).toEqual(['Acme Corp', 'Umbrella']);
    expect(screen.getByText(/Showing 2 of 4 tenants/)).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'trial');
    expect(
      screen.queryByRole('table', { name: 'Tenants' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText('No tenants match the filters'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    expect(tenantNames()).toHaveLength(4);

    await userEvent.selectOptions(
      screen.getByLabelText('Owner'),
      'group:default/account-emea',
    );
    expect(tenantNames()).toEqual(['Acme Corp', 'Umbrella']);
    await userEvent.selectOptions(screen.getByLabelText('Owner'), '');

    await userEvent.type(screen.getByLabelText('Search'), 'init');
    expect(tenantNames()).toEqual(['Initech']);
    expect(
      within(screen.getByRole('table')).getByText('Suspended'),
    ).toBeInTheDocument();
  });

  it('explains where tenants come from when the catalog has none', async () => {
    await renderOps(<TenantsPage />, {
      opsApi: makeFakeOpsApi(),
      catalogEntities: [],
    });
    expect(
      await screen.findByText('No tenants in the catalog'),
    ).toBeInTheDocument();
  });
});
