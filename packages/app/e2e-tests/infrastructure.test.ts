import { expect, Page, test } from '@playwright/test';

// The example platform started by scripts/e2e.sh: its api role sets faults of every role.
const PLATFORM_ADMIN = 'http://127.0.0.1:7101/admin/roles';
const ROLES = ['Mail API', 'Mail worker', 'Mail scheduler'];

const targetCard = (page: Page, title: string) =>
  page
    .locator('.MuiCard-root')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });

async function setFault(request: Page['request'], role: string, mode: string) {
  const res = await request.post(`${PLATFORM_ADMIN}/${role}/fault`, {
    data: { mode },
  });
  expect(res.ok()).toBe(true);
}

test.afterEach(async ({ request }) => {
  await setFault(request, 'worker', 'healthy');
});

test('an operator sees the fleet healthy, a role failing, and its recovery', async ({
  page,
  request,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();

  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Ops', exact: true })
    .click();
  await expect(page).toHaveURL(/\/ops/);

  // every role of the example platform is probed and healthy
  for (const title of ROLES) {
    await expect(
      targetCard(page, title).locator('[data-status]'),
    ).toHaveAttribute('data-status', 'pass');
  }

  // the worker fails: the grid turns it red with the reason
  await setFault(request, 'worker', 'failing');
  const worker = targetCard(page, 'Mail worker');
  await expect(async () => {
    await page.getByRole('button', { name: /refresh now/i }).click();
    await expect(worker.locator('[data-status]')).toHaveAttribute(
      'data-status',
      'fail',
      {
        timeout: 2_000,
      },
    );
  }).toPass({ timeout: 60_000 });
  await expect(worker).toContainText('HTTP 503');
  await expect(
    targetCard(page, 'Mail API').locator('[data-status]'),
  ).toHaveAttribute('data-status', 'pass');

  // ... and so does its entity tab
  await worker.getByRole('link', { name: 'Mail worker' }).click();
  await page.getByRole('link', { name: 'Operations', exact: true }).click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/mail-worker\/ops/,
  );
  const failures = page.getByRole('list', { name: 'Recent failures' });
  await expect(failures).toContainText('HTTP 503');
  await expect(
    page.getByRole('figure', { name: 'Availability' }),
  ).toBeVisible();

  // recovery, confirmed by an operator's probe
  await setFault(request, 'worker', 'healthy');
  await page.getByRole('button', { name: 'Probe now' }).click();
  await expect(page.getByText(/^Probe result: Pass/)).toBeVisible();
});
