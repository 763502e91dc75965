import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeFakeOpsApi } from '../../../__testUtils__/fixtures';
import { mockPermissions } from '../../../__testUtils__/renderOps';
import { renderUsersPage } from '../../../__testUtils__/renderPages';

// without ops.users.pii.read (usePermission caches per file: the reveal case
// is UserSearch.reveal.test.tsx)
const { authorize, permissions } = mockPermissions(() => 'DENY');

describe('UserSearch', () => {
  it('searches from 2 characters and shows masked results with tenant, role, status and last login', async () => {
    const opsApi = makeFakeOpsApi();
    await renderUsersPage(opsApi, permissions);

    const input = screen.getByRole('textbox', { name: 'Email, name or id' });
    const search = screen.getByRole('button', { name: 'Search' });
    await userEvent.type(input, 'j');
    expect(search).toBeDisabled();
    await userEvent.type(input, '{enter}');
    expect(opsApi.searchUsers).not.toHaveBeenCalled();

    await userEvent.type(input, 'ane{enter}');
    const results = await screen.findByRole('table', { name: 'Users found' });
    expect(opsApi.searchUsers).toHaveBeenCalledWith({
      query: 'jane',
      reveal: false,
    });

    const [, jane, janeAtGlobex] = within(results).getAllByRole('row');
    expect(
      within(jane).getByRole('link', { name: 'Jane Roe' }),
    ).toHaveAttribute('href', '/ops/users/u-1');
    expect(within(jane).getByTestId('user-email')).toHaveTextContent(
      'j***@acme.example',
    );
    expect(within(jane).getByRole('link', { name: 'acme' })).toHaveAttribute(
      'href',
      '/catalog/default/tenant/acme',
    );
    expect(within(jane).getByText('admin')).toBeInTheDocument();
    expect(within(jane).getByText('Active')).toBeInTheDocument();
    expect(within(jane).getByText('2 hours ago')).toBeInTheDocument();
    expect(within(janeAtGlobex).getByTestId('user-email')).toHaveTextContent(
      'j***@globex.example',
    );
    expect(screen.getByText(/Emails are masked/)).toBeInTheDocument();
  });

  it('offers no reveal without ops.users.pii.read', async () => {
    const opsApi = makeFakeOpsApi();
    await renderUsersPage(opsApi, permissions, '?q=jane');
    await screen.findByRole('table', { name: 'Users found' });
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: expect.objectContaining({ name: 'ops.users.pii.read' }),
        }),
      ),
    );
    await act(async () => {
      await Promise.all(authorize.mock.results.map(result => result.value));
    });
    expect(
      screen.queryByLabelText(/reveal personal data/i),
    ).not.toBeInTheDocument();
    expect(opsApi.searchUsers).toHaveBeenCalledTimes(1);
    expect(opsApi.searchUsers).toHaveBeenCalledWith({
      query: 'jane',
      reveal: false,
    });
  });

  it('says when nothing matches and shows a degraded platform', async () => {
    const opsApi = makeFakeOpsApi({
      searchUsers: jest.fn().mockResolvedValue({
        query: 'nobody',
        users: [],
        revealed: false,
        sources: [
          {
            id: 'eu-platform',
            status: 'unavailable',
            error: 'connection refused',
          },
        ],
      }),
    });
    await renderUsersPage(opsApi, permissions, '?q=nobody');
    expect(
      await screen.findByText('No user matches “nobody”.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Source “eu-platform” is unavailable'),
    ).toBeInTheDocument();
  });
});
