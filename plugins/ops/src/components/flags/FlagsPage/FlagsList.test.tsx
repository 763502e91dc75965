import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeFakeOpsApi } from '../../../__testUtils__/fixtures';
import { renderOps } from '../../../__testUtils__/renderOps';
import { FlagsList } from './FlagsList';

describe('FlagsList', () => {
  it('lists every flag with its type, global state and number of overrides', async () => {
    const opsApi = makeFakeOpsApi();
    await renderOps(<FlagsList />, { opsApi });

    const table = await screen.findByRole('table', { name: 'Flags' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);

    const ai = screen.getByTestId('flag-row-ai-composer');
    expect(
      within(ai).getByRole('link', { name: 'Beta: AI Composer' }),
    ).toHaveAttribute('href', '/ops/flags/ai-composer');
    expect(within(ai).getByText('ai-composer')).toBeInTheDocument();
    expect(within(ai).getByText('boolean')).toBeInTheDocument();
    expect(within(ai).getByText('Rollout 50 % → On')).toBeInTheDocument();
    expect(within(ai).getByText('Default Off')).toBeInTheDocument();
    expect(within(ai).getByLabelText('Overrides')).toHaveTextContent('2');
    expect(within(ai).queryByText('Kill switch on')).not.toBeInTheDocument();

    const retry = screen.getByTestId('flag-row-bounce-retry-limit');
    expect(within(retry).getByText('Kill switch on')).toBeInTheDocument();
    expect(within(retry).getByText('No rollout')).toBeInTheDocument();
    expect(within(retry).getByLabelText('Overrides')).toHaveTextContent('1');

    expect(opsApi.listFlags).toHaveBeenCalledWith({ includeArchived: false });
  });

  it('searches by name or key and asks for archived flags on demand', async () => {
    const opsApi = makeFakeOpsApi();
    await renderOps(<FlagsList />, { opsApi });
    await screen.findByRole('table', { name: 'Flags' });

    await userEvent.type(screen.getByLabelText('Search'), 'retry');
    expect(
      screen.getByTestId('flag-row-bounce-retry-limit'),
    ).toBeInTheDocument();
    expect(
      screen.queryByTestId('flag-row-ai-composer'),
    ).not.toBeInTheDocument();

    await userEvent.clear(screen.getByLabelText('Search'));
    await userEvent.type(screen.getByLabelText('Search'), 'zzz');
    expect(screen.getByText('No flag matches “zzz”.')).toBeInTheDocument();

    await userEvent.click(screen.getByLabelText('Show archived'));
    await waitFor(() =>
      expect(opsApi.listFlags).toHaveBeenLastCalledWith({
        includeArchived: true,
      }),
    );
  });

  it('shows the backend error when the flags cannot be loaded', async () => {
    const opsApi = makeFakeOpsApi({
      listFlags: jest
        .fn()
        .mockRejectedValue(new Error('Missing permission ops.flags.read')),
    });
    await renderOps(<FlagsList />, { opsApi });
    expect(
      (await screen.findAllByText(/Missing permission ops\.flags\.read/))
        .length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('explains where flags come from when there are none', async () => {
    const opsApi = makeFakeOpsApi({
      listFlags: jest.fn().mockResolvedValue({ flags: [] }),
    });
    await renderOps(<FlagsList />, { opsApi });
    expect(await screen.findByText('No feature flags yet')).toBeInTheDocument();
  });
});
