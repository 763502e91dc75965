import { act, screen, waitFor, within } from '@testing-library/react';
import { makeFakeOpsApi } from '../../../__testUtils__/fixtures';
import { mockPermissions } from '../../../__testUtils__/renderOps';
import { renderFlagPage } from '../../../__testUtils__/renderPages';

// a plain reader: ops.flags.read only (usePermission caches per file)
const { authorize, permissions } = mockPermissions(() => 'DENY');

describe('FlagDetailPage for a reader', () => {
  it('hides "Change global state" and the override row actions', async () => {
    await renderFlagPage(makeFakeOpsApi(), permissions);
    await screen.findByRole('table', { name: 'Overrides' });
    await waitFor(() => expect(authorize).toHaveBeenCalledTimes(2));
    await act(async () => {
      await Promise.all(authorize.mock.results.map(result => result.value));
    });
    expect(
      authorize.mock.calls.map(([request]) => request.permission.name).sort(),
    ).toEqual(['ops.flags.manage', 'ops.tenant.flags.override']);
    expect(
      screen.queryByRole('button', { name: 'Change global state' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /override for globex/ }),
    ).not.toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Overrides' })).getByText(
        'Design partner of the beta',
      ),
    ).toBeInTheDocument();
  });
});
