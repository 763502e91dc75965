import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeFakeOpsApi } from '../../../__testUtils__/fixtures';
import {
  acmePause,
  acmeSamples,
  queueOverview,
} from '../../../__testUtils__/queueFixtures';
import { mockPermissions } from '../../../__testUtils__/renderOps';
import { renderQueuesPage } from '../../../__testUtils__/renderQueues';

// an ops admin: may pause, notify and see samples unredacted
const { authorize, permissions } = mockPermissions(() => 'ALLOW');

const reasonField = () => screen.getByRole('textbox', { name: /reason/i });

describe('TenantQueuePanel (the spam-spike response)', () => {
  it('pauses the tenant with a reason and an auto-resume, after a confirmation naming the tenant and the jobs kept', async () => {
    const opsApi = makeFakeOpsApi();
    await renderQueuesPage(opsApi, permissions, '?tenantId=acme');

    await userEvent.click(
      await screen.findByRole('button', { name: 'Emergency Pause Queue' }),
    );
    expect(authorize).toHaveBeenCalledWith(
      expect.objectContaining({
        permission: expect.objectContaining({ name: 'ops.tenant.queue.pause' }),
        resourceRef: 'tenant:default/acme',
      }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Emergency pause of tenant acme',
    });
    const review = within(dialog).getByRole('button', {
      name: 'Review change',
    });
    expect(review).toBeDisabled();
    await userEvent.type(reasonField(), '  ');
    expect(review).toBeDisabled();
    await userEvent.type(reasonField(), 'Compromised account sending spam');
    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Auto-resume' }),
      '4h',
    );
    await userEvent.click(review);

    expect(dialog).toHaveTextContent(
      /Stop processing the queued work of tenant acme now/,
    );
    expect(dialog).toHaveTextContent(
      /The 1,234 waiting and delayed jobs are kept, not dropped/,
    );
    expect(dialog).toHaveTextContent(/Resumes by itself in 4 hours/);
    expect(opsApi.pauseTenantQueues).not.toHaveBeenCalled();

    const before = Date.now();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Pause queue' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    const [tenantId, request] = opsApi.pauseTenantQueues.mock.calls[0];
    expect(tenantId).toBe('acme');
    expect(request.reason).toBe('Compromised account sending spam');
    const resumeIn = Date.parse(request.autoResumeAt!) - before;
    expect(resumeIn).toBeGreaterThan(4 * 3600_000 - 60_000);
    expect(resumeIn).toBeLessThanOrEqual(4 * 3600_000 + 60_000);
    expect(
      await screen.findByText('Queues of acme paused'),
    ).toBeInTheDocument();
    // the overview is reloaded to show the pause
    expect(opsApi.getQueueOverview.mock.calls.length).toBeGreaterThan(1);
  });

  it("limits the auto-resume to the backend's maxAutoResumeHours", async () => {
    const opsApi = makeFakeOpsApi({
      getQueueOverview: jest
        .fn()
        .mockResolvedValue({ ...queueOverview, maxAutoResumeHours: 48 }),
    });
    await renderQueuesPage(opsApi, permissions, '?tenantId=acme');
    await userEvent.click(
      await screen.findByRole('button', { name: 'Emergency Pause Queue' }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Emergency pause of tenant acme',
    });
    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Auto-resume' }),
      'custom',
    );
    expect(dialog).toHaveTextContent(
      'Local time, in the future, at most 2 days ahead',
    );
  });

  it('shows the pause with who, why and when, and resumes with a reason', async () => {
    const opsApi = makeFakeOpsApi({
      getQueueOverview: jest
        .fn()
        .mockResolvedValue({ ...queueOverview, pauses: [acmePause] }),
    });
    await renderQueuesPage(opsApi, permissions, '?tenantId=acme');

    const banner = await screen.findByRole('status', {
      name: 'Tenant acme is paused',
    });
    expect(banner).toHaveTextContent(
      /Paused by jane \d+ minutes ago: Compromised account sending spam\. Resumes by itself in [34] hours \(/,
    );
    expect(
      screen.queryByRole('button', { name: 'Emergency Pause Queue' }),
    ).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Resume queue' }));
    const dialog = screen.getByRole('dialog', {
      name: 'Resume the queues of tenant acme',
    });
    await userEvent.type(reasonField(), 'Password reset, spam removed');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Review change' }),
    );
    expect(dialog).toHaveTextContent(/1,234 waiting and delayed jobs drain/);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Resume queue' }),
    );
    await waitFor(() =>
      expect(opsApi.resumeTenantQueues).toHaveBeenCalledWith('acme', {
        reason: 'Password reset, spam removed',
      }),
    );
    expect(
      await screen.findByText('Queues of acme resumed'),
    ).toBeInTheDocument();
  });

  it('notifies the tenant admin with the Security Alert template, previewed before sending, and lists the captured notice', async () => {
    const opsApi = makeFakeOpsApi();
    await renderQueuesPage(opsApi, permissions, '?tenantId=acme');

    await userEvent.click(
      await screen.findByRole('button', { name: 'Notify tenant admin' }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Notify the admin of tenant acme',
    });
    const template = within(dialog).getByRole('combobox', { name: 'Template' });
    await waitFor(() => expect(template).toHaveValue('security-alert'));
    await userEvent.type(
      reasonField(),
      'Spam burst from a compromised account',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Review change' }),
    );

    const preview = await within(dialog).findByRole('region', {
      name: 'Notice preview',
    });
    expect(opsApi.previewTenantNotice).toHaveBeenCalledWith('acme', {
      templateId: 'security-alert',
      reason: 'Spam burst from a compromised account',
    });
    expect(preview).toHaveTextContent('To: admin@acme.example');
    expect(preview).toHaveTextContent('Subject: Security alert for acme');
    expect(preview).toHaveTextContent(
      'We paused sending for acme: Spam burst from a compromised account',
    );
    expect(opsApi.sendTenantNotice).not.toHaveBeenCalled();

    // the backend lists the notice once it is sent
    const sent = await opsApi.sendTenantNotice('acme', {
      templateId: 'security-alert',
      reason: 'Spam burst from a compromised account',
    });
    opsApi.sendTenantNotice.mockClear();
    opsApi.listTenantNotices.mockResolvedValue({ notices: [sent] });

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Send notice' }),
    );
    const result = await screen.findByRole('dialog', {
      name: 'Notice captured',
    });
    expect(opsApi.sendTenantNotice).toHaveBeenCalledWith('acme', {
      templateId: 'security-alert',
      reason: 'Spam burst from a compromised account',
    });
    expect(result).toHaveTextContent(/No SMTP server is configured/);
    expect(
      within(result).getByRole('region', { name: 'Captured notice' }),
    ).toHaveTextContent('Subject: Security alert for acme');
    await userEvent.click(
      within(result).getByRole('button', { name: 'Close' }),
    );

    const notices = await screen.findByRole('list', { name: 'Notices' });
    expect(within(notices).getByText('Captured')).toBeInTheDocument();
    expect(
      within(notices).getByText('Security alert for acme'),
    ).toBeInTheDocument();
  });

  it('shows samples unredacted only when switched on, and hides them again when switched off', async () => {
    const unredacted = {
      ...acmeSamples,
      jobs: acmeSamples.jobs.map(job => ({
        ...job,
        redacted: false,
        data: { ...(job.data as object), to: 'jane@gmail.example' },
      })),
    };
    const opsApi = makeFakeOpsApi({
      getTenantQueueSamples: jest.fn(async (_tenantId, options) =>
        options?.unredacted ? unredacted : acmeSamples,
      ),
    });
    await renderQueuesPage(opsApi, permissions, '?tenantId=acme');

    const toggle = await screen.findByRole('checkbox', {
      name: 'Show unredacted (audited)',
    });
    expect(opsApi.getTenantQueueSamples).toHaveBeenCalledWith(
      'acme',
      undefined,
    );
    await userEvent.click(toggle);
    await waitFor(() =>
      expect(opsApi.getTenantQueueSamples).toHaveBeenLastCalledWith('acme', {
        unredacted: true,
      }),
    );
    expect(
      await screen.findByText(/Unredacted: recipients/),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Show payload of job job-1' }),
    );
    expect(screen.getByLabelText('Payload of job job-1')).toHaveTextContent(
      'jane@gmail.example',
    );

    await userEvent.click(toggle);
    expect(screen.queryByText('jane@gmail.example')).not.toBeInTheDocument();
    expect(
      screen.queryByText(/Unredacted: recipients/),
    ).not.toBeInTheDocument();
  });
});
