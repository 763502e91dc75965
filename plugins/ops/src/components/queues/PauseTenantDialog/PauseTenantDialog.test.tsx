import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResponseError } from '@backstage/errors';
import { DateTime } from 'luxon';
import { makeFakeOpsApi } from '../../../__testUtils__/fixtures';
import { mockPermissions, renderOps } from '../../../__testUtils__/renderOps';
import { OpsApi } from '../../../api';
import { PauseTenantDialog } from './PauseTenantDialog';

const { permissions } = mockPermissions(() => 'ALLOW');

async function renderDialog(opsApi: OpsApi, maxAutoResumeHours?: number) {
  const onDone = jest.fn();
  const onClose = jest.fn();
  await renderOps(
    <PauseTenantDialog
      tenantId="acme"
      mode="pause"
      heldJobs={12}
      maxAutoResumeHours={maxAutoResumeHours}
      onDone={onDone}
      onClose={onClose}
    />,
    { opsApi, permissions },
  );
  return { onDone, onClose, dialog: screen.getByRole('dialog') };
}

describe('PauseTenantDialog', () => {
  it('needs a future custom auto-resume time, and sends none without auto-resume', async () => {
    const opsApi = makeFakeOpsApi();
    const { dialog, onDone } = await renderDialog(opsApi);
    const review = within(dialog).getByRole('button', {
      name: 'Review change',
    });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /reason/i }),
      'Spam',
    );
    expect(review).toBeEnabled();

    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Auto-resume' }),
      'custom',
    );
    expect(review).toBeDisabled(); // no time yet
    const resumeAt = within(dialog).getByLabelText('Resume at');
    await userEvent.type(resumeAt, '2001-01-01T10:00');
    expect(review).toBeDisabled(); // in the past
    // beyond the backend's default limit: said before the confirmation
    await userEvent.clear(resumeAt);
    await userEvent.type(
      resumeAt,
      DateTime.now().plus({ days: 8 }).toFormat("yyyy-LL-dd'T'HH:mm"),
    );
    expect(review).toBeDisabled();
    expect(dialog).toHaveTextContent('Too far ahead: at most 7 days from now');
    await userEvent.clear(resumeAt);
    await userEvent.type(
      resumeAt,
      DateTime.now().plus({ days: 6 }).toFormat("yyyy-LL-dd'T'HH:mm"),
    );
    expect(review).toBeEnabled();
    expect(dialog).not.toHaveTextContent('Too far ahead');

    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Auto-resume' }),
      'none',
    );
    await userEvent.click(review);
    expect(dialog).toHaveTextContent(/No auto-resume/);
    expect(dialog).toHaveTextContent(
      /The 12 waiting and delayed jobs are kept/,
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Pause queue' }),
    );
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(opsApi.pauseTenantQueues).toHaveBeenCalledWith('acme', {
      reason: 'Spam',
    });
  });

  it("offers auto-resumes up to the backend's limit", async () => {
    const opsApi = makeFakeOpsApi();
    const { dialog } = await renderDialog(opsApi, 12);
    const autoResume = within(dialog).getByRole('combobox', {
      name: 'Auto-resume',
    });
    expect(
      within(autoResume)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual(['No auto-resume', 'In 1 hour', 'In 4 hours', 'At a time…']);
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /reason/i }),
      'Spam',
    );
    await userEvent.selectOptions(autoResume, 'custom');
    expect(dialog).toHaveTextContent(
      'Local time, in the future, at most 12 hours ahead',
    );
    const resumeAt = within(dialog).getByLabelText('Resume at');
    await userEvent.type(
      resumeAt,
      DateTime.now().plus({ hours: 13 }).toFormat("yyyy-LL-dd'T'HH:mm"),
    );
    expect(
      within(dialog).getByRole('button', { name: 'Review change' }),
    ).toBeDisabled();
    expect(dialog).toHaveTextContent(
      'Too far ahead: at most 12 hours from now',
    );
  });

  it('keeps the dialog open with the backend error when the pause is refused', async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'NotAllowedError',
          message: 'Missing permission ops.tenant.queue.pause',
        },
        request: { method: 'POST', url: '/api/ops/tenants/acme/queues/pause' },
        response: { statusCode: 403 },
      }),
      { status: 403, headers: { 'Content-Type': 'application/json' } },
    );
    const opsApi = makeFakeOpsApi({
      pauseTenantQueues: jest
        .fn()
        .mockRejectedValue(await ResponseError.fromResponse(response)),
    });
    const { dialog, onDone } = await renderDialog(opsApi);
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /reason/i }),
      'Spam',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Review change' }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Pause queue' }),
    );
    expect(
      await within(dialog).findByText(
        'Missing permission ops.tenant.queue.pause',
      ),
    ).toBeInTheDocument();
    expect(onDone).not.toHaveBeenCalled();
  });
});
