import { expect, Page, test } from '@playwright/test';

// Seed scenario: "I see a spike in outgoing emails from a tenant, and I suspect a
// compromised account." Queue Health > filter by tenant > review redacted email samples
// and recipient patterns > "Emergency Pause Queue" for that tenant > notify the tenant
// admin with the "Security Alert" template; after the resume the queue drains.
// scripts/e2e.sh starts the example platform (per-tenant BullMQ queues in the local Redis)
// and the portal, which samples the queues every 3 s.
const PLATFORM = 'http://127.0.0.1:7101';
// a retry uses another tenant: the spike of the first attempt is part of globex's baseline now
const TENANTS = [
  { id: 'globex', severity: 'High' }, // tier pro
  { id: 'initech', severity: 'Medium' }, // tier free
];
let TENANT = TENANTS[0].id;
const BACKEND = 'http://localhost:7007';

async function openQueueHealth(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Ops', exact: true })
    .click();
  await page
    .getByRole('tab', { name: 'Queues', exact: true })
    .or(page.getByRole('link', { name: 'Queues', exact: true }))
    .first()
    .click();
}

/** The tenant's row in the queue table. */
const tenantRow = (page: Page) =>
  page
    .getByRole('row')
    .filter({ hasText: `outbound-email-${TENANT}` })
    .first();

/** The waiting count the platform's Admin API reports for the tenant's queue. */
async function waitingOnPlatform(
  request: import('@playwright/test').APIRequestContext,
) {
  const res = await request.get(`${PLATFORM}/admin-api/v1/queues`, {
    headers: { authorization: 'Bearer dev-example-platform-token' },
  });
  expect(res.ok()).toBe(true);
  const { queues } = (await res.json()) as {
    queues: Array<{ tenantId?: string; counts: { waiting: number } }>;
  };
  return queues
    .filter(q => q.tenantId === TENANT)
    .reduce((sum, q) => sum + q.counts.waiting, 0);
}

test('an operator pauses a compromised tenant, notifies its admin and drains the queue after resume', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  const tenant = TENANTS[test.info().retry % TENANTS.length];
  TENANT = tenant.id;
  // a clean start, also for a retry: no burst running, the tenant's queue not paused
  await request.delete(`${PLATFORM}/admin/tenants/${TENANT}/compromise`);
  const refresh = await request.post(`${BACKEND}/api/auth/guest/refresh`);
  const { token } = (await refresh.json()).backstageIdentity;
  const resumed = await request.post(
    `${BACKEND}/api/ops/tenants/${TENANT}/queues/resume`,
    {
      headers: { authorization: `Bearer ${token}` },
      data: { reason: 'e2e: clean start' },
    },
  );
  expect(resumed.ok()).toBe(true);
  await openQueueHealth(page);
  // the tenant's queue appears once the platform has sent mail for it
  await expect(tenantRow(page)).toBeVisible({ timeout: 120_000 });

  // the compromised account: a burst of mail to many unknown recipients
  const burst = await request.post(
    `${PLATFORM}/admin/tenants/${TENANT}/compromise`,
    { data: { messages: 3000, durationSeconds: 120 } },
  );
  expect(burst.status()).toBe(202);

  // the spike appears as an open alert naming the tenant
  const alerts = page.getByRole('region', { name: 'Open spike alerts' });
  await expect(alerts).toContainText(TENANT, { timeout: 120_000 });
  // severity follows the tenant's tier
  await expect(
    alerts.getByRole('alert', { name: `Spike of tenant ${TENANT}` }),
  ).toContainText(tenant.severity);

  // filter by tenant: the tenant's panel with redacted samples and recipient patterns
  await page.getByRole('textbox', { name: 'Tenant ID' }).fill(TENANT);
  await expect(page).toHaveURL(new RegExp(`tenantId=${TENANT}`));
  const samples = page.getByRole('table', { name: 'Sampled jobs' });
  await expect(samples).toBeVisible({ timeout: 30_000 });
  // recipients are masked on the server: a local part never shows in full
  await expect(samples).toContainText('***@');
  const patterns = page.getByRole('region', { name: 'Recipient patterns' });
  await expect(patterns).toContainText('New recipients');
  await expect(patterns).toContainText('Unique recipients');

  // Emergency Pause Queue, with a reason and a confirmation
  await page.getByRole('button', { name: 'Emergency Pause Queue' }).click();
  const pause = page.getByRole('dialog', {
    name: `Emergency pause of tenant ${TENANT}`,
  });
  await pause
    .getByRole('textbox', { name: 'Reason' })
    .fill(
      'Suspected compromised account: burst to unknown recipients (OPS-77)',
    );
  await pause.getByRole('button', { name: 'Review change' }).click();
  await pause.getByRole('button', { name: 'Pause queue' }).click();
  await expect(pause).toBeHidden();
  await expect(page.getByText(/Paused by/i).first()).toBeVisible({
    timeout: 30_000,
  });

  // paused work is kept, not processed: the waiting jobs grow while the burst goes on
  const waitingAtPause = await waitingOnPlatform(request);
  await expect
    .poll(() => waitingOnPlatform(request), { timeout: 30_000 })
    .toBeGreaterThan(waitingAtPause);

  // notify the tenant admin with the Security Alert template, previewed before sending
  await page.getByRole('button', { name: 'Notify tenant admin' }).click();
  const notify = page.getByRole('dialog', {
    name: `Notify the admin of tenant ${TENANT}`,
  });
  await expect(notify).toContainText('Security Alert');
  await notify
    .getByRole('textbox', { name: 'Reason' })
    .fill('We paused your outgoing mail after a burst to unknown recipients');
  await notify.getByRole('button', { name: 'Review change' }).click();
  await expect(notify).toContainText('Security Alert');
  await notify.getByRole('button', { name: 'Send notice' }).click();
  // no SMTP in e2e: the mail is captured and shown, never dropped
  await expect(page.getByText('Notice captured').first()).toBeVisible();
  await page.keyboard.press('Escape');
  const notices = page.getByRole('list', { name: 'Notices' });
  await expect(notices).toContainText(/security alert/i);
  await expect(notices).toContainText('Captured');

  // the burst is stopped; the resume lets the kept jobs drain
  await request.delete(`${PLATFORM}/admin/tenants/${TENANT}/compromise`);
  await page.getByRole('button', { name: 'Resume queue' }).click();
  const resume = page.getByRole('dialog');
  await resume
    .getByRole('textbox', { name: 'Reason' })
    .fill('Password reset and MFA enforced by the tenant admin');
  await resume.getByRole('button', { name: 'Review change' }).click();
  await resume.getByRole('button', { name: 'Resume queue' }).click();
  await expect(resume).toBeHidden();
  await expect
    .poll(() => waitingOnPlatform(request), { timeout: 180_000 })
    .toBe(0);
});
