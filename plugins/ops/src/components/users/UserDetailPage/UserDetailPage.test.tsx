import { screen, within } from '@testing-library/react';
import { makeFakeOpsApi } from '../../../__testUtils__/fixtures';
import { mockPermissions } from '../../../__testUtils__/renderOps';
import { renderUsersPage } from '../../../__testUtils__/renderPages';

const { permissions } = mockPermissions(() => 'DENY');

describe('UserDetailPage', () => {
  it('shows the account, memberships, login pattern, unusual sources and login history', async () => {
    const opsApi = makeFakeOpsApi();
    await renderUsersPage(opsApi, permissions, '/u-1');

    expect(await screen.findByText('Jane Roe')).toBeInTheDocument();
    expect(opsApi.getUser).toHaveBeenCalledWith('u-1', { reveal: false });
    expect(screen.getByTestId('user-email')).toHaveTextContent(
      'j***@acme.example',
    );
    expect(screen.getByRole('link', { name: '← User search' })).toHaveAttribute(
      'href',
      '/ops/users',
    );

    const memberships = screen.getByRole('table', {
      name: 'Tenant memberships',
    });
    const tenants = within(memberships)
      .getAllByRole('link')
      .map(link => [link.textContent, link.getAttribute('href')]);
    expect(tenants).toEqual([
      ['acme', '/catalog/default/tenant/acme'],
      ['globex', '/catalog/default/tenant/globex'],
    ]);

    expect(screen.getByTestId('login-pattern-chart')).toBeInTheDocument();
    const unusual = screen.getByRole('list', { name: 'Unusual login sources' });
    expect(
      within(unusual).getByText('Unusual country: KP'),
    ).toBeInTheDocument();
    expect(
      within(unusual).getByText(
        /No earlier login from this country in 30 days/,
      ),
    ).toBeInTheDocument();

    const history = screen.getByRole('table', { name: 'Login history' });
    const [, fromKp, fromDe] = within(history).getAllByRole('row');
    expect(fromKp).toHaveAttribute('data-unusual', 'true');
    expect(within(fromKp).getByText('Failed')).toBeInTheDocument();
    expect(within(fromKp).getByText('unusual source')).toBeInTheDocument();
    expect(within(fromKp).getByText('198.51.*.*')).toBeInTheDocument();
    expect(fromDe).not.toHaveAttribute('data-unusual');
    expect(within(fromDe).getByText('Succeeded')).toBeInTheDocument();
    expect(
      within(fromDe).queryByText('unusual source'),
    ).not.toBeInTheDocument();
  });

  it('shows the backend error for an unknown user', async () => {
    const opsApi = makeFakeOpsApi({
      getUser: jest.fn().mockRejectedValue(new Error("No user 'u-404'")),
    });
    await renderUsersPage(opsApi, permissions, '/u-404');
    expect(
      (await screen.findAllByText(/No user 'u-404'/)).length,
    ).toBeGreaterThan(0);
  });
});
