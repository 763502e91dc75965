import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResponseError } from '@backstage/errors';
import { aiComposer } from '../../../__testUtils__/flagFixtures';
import { makeFakeOpsApi } from '../../../__testUtils__/fixtures';
import { mockPermissions, renderOps } from '../../../__testUtils__/renderOps';
import { tenantEntities } from '../../../__testUtils__/tenantFixtures';
import { OpsApi } from '../../../api';
import {
  FlagOverrideDialog,
  FlagOverrideDialogProps,
} from './FlagOverrideDialog';

// acme may be changed, initech may not
const { permissions } = mockPermissions(({ resourceRef }) =>
  resourceRef === 'tenant:default/initech' ? 'DENY' : 'ALLOW',
);

async function renderDialog(
  opsApi: OpsApi,
  props: Partial<FlagOverrideDialogProps> = {},
) {
  const onDone = jest.fn();
  const onClose = jest.fn();
  await renderOps(
    <FlagOverrideDialog
      flag={aiComposer}
      mode="set"
      tenantId="acme"
      onDone={onDone}
      onClose={onClose}
      {...props}
    />,
    { opsApi, permissions, catalogEntities: tenantEntities },
  );
  return { onDone, onClose, dialog: screen.getByRole('dialog') };
}

const reviewButton = () =>
  screen.getByRole('button', { name: 'Review change' });
const reasonField = () => screen.getByRole('textbox', { name: /reason/i });

describe('FlagOverrideDialog', () => {
  it('needs a variant and a reason, confirms with the preview count, then sets the override', async () => {
    const opsApi = makeFakeOpsApi();
    const { onDone, dialog } = await renderDialog(opsApi);

    expect(
      within(dialog).getByText('Set “Beta: AI Composer” for acme'),
    ).toBeInTheDocument();
    expect(reviewButton()).toBeDisabled();

    await userEvent.click(screen.getByRole('radio', { name: 'Off' }));
    expect(reviewButton()).toBeDisabled(); // no reason yet
    await userEvent.type(reasonField(), '   ');
    expect(reviewButton()).toBeDisabled(); // blank is no reason
    await userEvent.type(reasonField(), 'Breaks their approval workflow');
    expect(reviewButton()).toBeEnabled();
    expect(opsApi.previewFlagChange).not.toHaveBeenCalled();

    await userEvent.click(reviewButton());
    expect(
      await screen.findByText('1 tenant of 12 will change answer.'),
    ).toBeInTheDocument();
    expect(opsApi.previewFlagChange).toHaveBeenCalledWith('ai-composer', {
      override: { tenantId: 'acme', variant: 'off' },
    });
    expect(
      within(
        screen.getByRole('list', { name: 'Tenants that change answer' }),
      ).getByText('acme: on → off'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/acme will get Off \(variant “off”\)/),
    ).toBeInTheDocument();
    expect(opsApi.setFlagOverride).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Set override' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(opsApi.setFlagOverride).toHaveBeenCalledWith('ai-composer', 'acme', {
      variant: 'off',
      reason: 'Breaks their approval workflow',
    });
  });

  it('removes an override with a reason', async () => {
    const opsApi = makeFakeOpsApi({
      previewFlagChange: jest.fn().mockResolvedValue({
        flagKey: 'ai-composer',
        tenantsCompared: 12,
        tenantsChanged: 0,
        changes: [],
        sources: [],
      }),
    });
    const { onDone } = await renderDialog(opsApi, {
      mode: 'remove',
      override: {
        flagKey: 'ai-composer',
        tenantId: 'acme',
        variant: 'off',
        reason: 'incident 42',
        actor: 'user:default/jane',
        updatedAt: new Date().toISOString(),
      },
    });
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(screen.getByText(/Current override: Off/)).toBeInTheDocument();
    expect(reviewButton()).toBeDisabled();

    await userEvent.type(reasonField(), 'Fixed on their side');
    await userEvent.click(reviewButton());
    expect(
      await screen.findByText('No tenant will change answer (12 compared).'),
    ).toBeInTheDocument();
    expect(opsApi.previewFlagChange).toHaveBeenCalledWith('ai-composer', {
      override: { tenantId: 'acme', variant: null },
    });

    await userEvent.click(
      screen.getByRole('button', { name: 'Remove override' }),
    );
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(opsApi.removeFlagOverride).toHaveBeenCalledWith(
      'ai-composer',
      'acme',
      {
        reason: 'Fixed on their side',
      },
    );
    expect(opsApi.setFlagOverride).not.toHaveBeenCalled();
  });

  it('lets an urgent change through when the preview fails, and shows a failed change', async () => {
    const forbidden = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'NotAllowedError',
            message: 'Missing permission ops.tenant.flags.override',
          },
          request: {
            method: 'PUT',
            url: '/api/ops/flags/ai-composer/overrides/acme',
          },
          response: { statusCode: 403 },
        }),
        { status: 403, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    const opsApi = makeFakeOpsApi({
      previewFlagChange: jest
        .fn()
        .mockRejectedValue(new Error('catalog timed out')),
      setFlagOverride: jest.fn().mockRejectedValue(forbidden),
    });
    const { onDone } = await renderDialog(opsApi);

    await userEvent.click(screen.getByRole('radio', { name: 'Off' }));
    await userEvent.type(reasonField(), 'Breaks their approval workflow');
    await userEvent.click(reviewButton());
    expect(
      await screen.findByText(
        /Could not work out how many tenants change answer: catalog timed out/,
      ),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Set override' }));
    expect(
      await screen.findByText('Missing permission ops.tenant.flags.override'),
    ).toBeInTheDocument();
    expect(onDone).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('on the flag page picks the tenant and refuses tenants the user may not change', async () => {
    const opsApi = makeFakeOpsApi();
    await renderDialog(opsApi, {
      tenantId: undefined,
      excludeTenants: ['globex'],
    });

    const picker = screen.getByRole('textbox', { name: /tenant/i });
    await userEvent.click(picker);
    const options = await screen.findAllByRole('option');
    expect(options.map(option => option.textContent)).toEqual([
      'Acme Corp (acme)',
      'Initech (initech)',
      'Umbrella (umbrella)',
    ]);
    await userEvent.click(
      screen.getByRole('option', { name: 'Initech (initech)' }),
    );
    await userEvent.click(screen.getByRole('radio', { name: 'Off' }));
    await userEvent.type(reasonField(), 'Abuse report');
    expect(
      await screen.findByText(
        /You are not allowed to change flags of tenant initech/,
      ),
    ).toBeInTheDocument();
    expect(reviewButton()).toBeDisabled();

    await userEvent.click(picker);
    await userEvent.click(
      await screen.findByRole('option', { name: 'Acme Corp (acme)' }),
    );
    await waitFor(() => expect(reviewButton()).toBeEnabled());
    expect(
      screen.queryByText(/You are not allowed to change flags/),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText('Set “Beta: AI Composer” for acme'),
    ).toBeInTheDocument();
  });
});
