import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UserSearchResult } from '@opsconsole/backstage-plugin-ops-common';
import { makeFakeOpsApi } from '../../../__testUtils__/fixtures';
import { mockPermissions } from '../../../__testUtils__/renderOps';
import { searchResult } from '../../../__testUtils__/userFixtures';
import { renderUsersPage } from '../../../__testUtils__/renderPages';

// with ops.users.pii.read
const { permissions } = mockPermissions(() => 'ALLOW');

const emails = () =>
  within(screen.getByRole('table', { name: 'Users found' }))
    .getAllByTestId('user-email')
    .map(cell => cell.textContent);

describe('UserSearch with ops.users.pii.read', () => {
  it('reveals personal data on request, and masks it again at once', async () => {
    let resolveMasked: (result: UserSearchResult) => void = () => {};
    const searchUsers = jest
      .fn()
      .mockResolvedValueOnce(searchResult(false))
      .mockResolvedValueOnce(searchResult(true))
      .mockImplementationOnce(
        () =>
          new Promise<UserSearchResult>(resolve => {
            resolveMasked = resolve;
          }),
      );
    const opsApi = makeFakeOpsApi({ searchUsers });
    await renderUsersPage(opsApi, permissions, '?q=jane');

    await screen.findByRole('table', { name: 'Users found' });
    expect(emails()).toEqual(['j***@acme.example', 'j***@globex.example']);

    const reveal = await screen.findByLabelText(/reveal personal data/i);
    await userEvent.click(reveal);
    await waitFor(() =>
      expect(emails()).toEqual([
        'jane.roe@acme.example',
        'jane@globex.example',
      ]),
    );
    expect(searchUsers).toHaveBeenLastCalledWith({
      query: 'jane',
      reveal: true,
    });
    expect(screen.getByText(/this reveal was audited/)).toBeInTheDocument();

    await userEvent.click(reveal);
    // the masked answer is still on its way: the unmasked one is gone already
    expect(screen.queryByText('jane.roe@acme.example')).not.toBeInTheDocument();
    resolveMasked(searchResult(false));
    await waitFor(() =>
      expect(emails()).toEqual(['j***@acme.example', 'j***@globex.example']),
    );
    expect(searchUsers).toHaveBeenLastCalledWith({
      query: 'jane',
      reveal: false,
    });
  });
});
