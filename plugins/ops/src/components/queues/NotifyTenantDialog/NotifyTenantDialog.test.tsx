import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeFakeOpsApi } from '../../../__testUtils__/fixtures';
import { renderedNotice } from '../../../__testUtils__/queueFixtures';
import { mockPermissions, renderOps } from '../../../__testUtils__/renderOps';
import { OpsApi } from '../../../api';
import { NotifyTenantDialog } from './NotifyTenantDialog';

const { permissions } = mockPermissions(() => 'ALLOW');

async function renderDialog(opsApi: OpsApi) {
  const onDone = jest.fn();
  await renderOps(
    <NotifyTenantDialog tenantId="acme" onDone={onDone} onClose={jest.fn()} />,
    { opsApi, permissions },
  );
  const dialog = screen.getByRole('dialog');
  await waitFor(() =>
    expect(
      within(dialog).getByRole('combobox', { name: 'Template' }),
    ).toHaveValue('security-alert'),
  );
  return { onDone, dialog };
}

async function review(dialog: HTMLElement, reason: string) {
  await userEvent.type(
    within(dialog).getByRole('textbox', { name: /reason/i }),
    reason,
  );
  await userEvent.click(
    within(dialog).getByRole('button', { name: 'Review change' }),
  );
}

describe('NotifyTenantDialog', () => {
  it('sends another template when picked, and reports a mail sent over SMTP', async () => {
    const opsApi = makeFakeOpsApi({
      sendTenantNotice: jest.fn(async (tenantId, request) =>
        renderedNotice(tenantId, request, { delivery: 'smtp' }),
      ),
    });
    const { dialog, onDone } = await renderDialog(opsApi);
    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Template' }),
      'maintenance',
    );
    await review(dialog, 'Window tonight');
    await within(dialog).findByRole('region', { name: 'Notice preview' });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Send notice' }),
    );
    const result = await screen.findByRole('dialog', { name: 'Notice sent' });
    expect(opsApi.sendTenantNotice).toHaveBeenCalledWith('acme', {
      templateId: 'maintenance',
      reason: 'Window tonight',
    });
    expect(result).toHaveTextContent(
      'Sent to admin@acme.example over SMTP (message id <1@ops>).',
    );
    await userEvent.click(
      within(result).getByRole('button', { name: 'Close' }),
    );
    expect(onDone).toHaveBeenCalledWith(
      expect.objectContaining({ delivery: 'smtp' }),
    );
  });

  it('does not send when the preview cannot be rendered', async () => {
    const opsApi = makeFakeOpsApi({
      previewTenantNotice: jest
        .fn()
        .mockRejectedValue(new Error('tenant has no admin contact')),
    });
    const { dialog } = await renderDialog(opsApi);
    await review(dialog, 'Spam');
    expect(
      await within(dialog).findByText(
        'Could not render the notice: tenant has no admin contact. Nothing was sent.',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Send notice' }),
    ).toBeDisabled();
  });
});
