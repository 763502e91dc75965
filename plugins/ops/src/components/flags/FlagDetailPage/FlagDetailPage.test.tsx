import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeFakeOpsApi } from '../../../__testUtils__/fixtures';
import { mockPermissions } from '../../../__testUtils__/renderOps';
import { renderFlagPage } from '../../../__testUtils__/renderPages';

// an ops admin: may manage flags and override them for every tenant
const { permissions } = mockPermissions(() => 'ALLOW');

describe('FlagDetailPage', () => {
  it('shows the flag, its overrides and its change history', async () => {
    const opsApi = makeFakeOpsApi();
    await renderFlagPage(opsApi, permissions);

    expect(await screen.findByText('Beta: AI Composer')).toBeInTheDocument();
    expect(opsApi.getFlag).toHaveBeenCalledWith('ai-composer');
    expect(screen.getByText('50 % get On, the rest Off')).toBeInTheDocument();
    expect(screen.getByText('on = on · off = off')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← All flags' })).toHaveAttribute(
      'href',
      '/ops/flags',
    );

    const overrides = screen.getByRole('table', { name: 'Overrides' });
    const [, globex] = within(overrides).getAllByRole('row');
    expect(
      within(globex).getByRole('link', { name: 'globex' }),
    ).toHaveAttribute('href', '/catalog/default/tenant/globex');
    expect(within(globex).getByText('on')).toBeInTheDocument();
    expect(
      within(globex).getByText('Design partner of the beta'),
    ).toBeInTheDocument();
    expect(within(globex).getByText('jane')).toBeInTheDocument();
    expect(
      await within(globex).findByRole('button', {
        name: 'Remove override for globex',
      }),
    ).toBeInTheDocument();

    const history = screen.getByRole('table', { name: 'Change history' });
    const [, update, overrideSet] = within(history).getAllByRole('row');
    expect(within(update).getByText('Changed')).toBeInTheDocument();
    expect(
      within(update).getByText('rolloutPercentage 20 → 50'),
    ).toBeInTheDocument();
    expect(within(update).getByText('Widen the beta')).toBeInTheDocument();
    expect(within(overrideSet).getByText('Override set')).toBeInTheDocument();
    expect(within(overrideSet).getByText('variant on')).toBeInTheDocument();
  });

  it('changes the global state with a reason after confirming the preview count', async () => {
    const opsApi = makeFakeOpsApi({
      previewFlagChange: jest.fn().mockResolvedValue({
        flagKey: 'ai-composer',
        tenantsCompared: 12,
        tenantsChanged: 5,
        changes: [],
        sources: [],
      }),
    });
    await renderFlagPage(opsApi, permissions);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Change global state' }),
    );
    const dialog = screen.getByRole('dialog');
    const review = within(dialog).getByRole('button', {
      name: 'Review change',
    });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /reason/i }),
      'Incident 42: composer sends drafts',
    );
    expect(review).toBeDisabled(); // nothing changed yet
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: /kill switch/i }),
    );
    expect(review).toBeEnabled();

    await userEvent.click(review);
    expect(
      await within(dialog).findByText('5 tenants of 12 will change answer.'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(/Kill switch: off → on/),
    ).toBeInTheDocument();
    expect(opsApi.previewFlagChange).toHaveBeenCalledWith('ai-composer', {
      change: { killSwitch: true },
    });

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Apply change' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(opsApi.updateFlag).toHaveBeenCalledWith('ai-composer', {
      reason: 'Incident 42: composer sends drafts',
      change: { killSwitch: true },
    });
    await waitFor(() => expect(opsApi.getFlag).toHaveBeenCalledTimes(2));
    expect(
      screen.getByText('Changed “Beta: AI Composer” for every tenant'),
    ).toBeInTheDocument();
  });

  it('refuses a rollout percentage outside 0–100', async () => {
    const opsApi = makeFakeOpsApi();
    await renderFlagPage(opsApi, permissions);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Change global state' }),
    );
    const dialog = screen.getByRole('dialog');
    const percentage = within(dialog).getByRole('spinbutton', {
      name: 'Rollout percentage',
    });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /reason/i }),
      'x',
    );
    await userEvent.clear(percentage);
    await userEvent.type(percentage, '150');
    expect(
      within(dialog).getByText('A number from 0 to 100'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Review change' }),
    ).toBeDisabled();

    await userEvent.clear(percentage);
    await userEvent.type(percentage, '0');
    expect(
      within(dialog).getByRole('button', { name: 'Review change' }),
    ).toBeEnabled();
  });

  it('removes an override from the overrides table', async () => {
    const opsApi = makeFakeOpsApi();
    await renderFlagPage(opsApi, permissions);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Remove override for globex' }),
    );
    const dialog = screen.getByRole('dialog');
    expect(
      within(dialog).getByText(
        'Remove the override of “Beta: AI Composer” for globex',
      ),
    ).toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /reason/i }),
      'Beta partner left',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Review change' }),
    );
    await within(dialog).findByTestId('preview-count');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Remove override' }),
    );
    await waitFor(() =>
      expect(opsApi.removeFlagOverride).toHaveBeenCalledWith(
        'ai-composer',
        'globex',
        {
          reason: 'Beta partner left',
        },
      ),
    );
  });

  it('shows the backend error of an unknown flag', async () => {
    const opsApi = makeFakeOpsApi({
      getFlag: jest.fn().mockRejectedValue(new Error("Flag 'nope' not found")),
    });
    await renderFlagPage(opsApi, permissions, 'nope');
    expect(
      (await screen.findAllByText(/Flag 'nope' not found/)).length,
    ).toBeGreaterThan(0);
  });
});
