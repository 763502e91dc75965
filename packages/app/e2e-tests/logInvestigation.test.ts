import { expect, test } from '@playwright/test';

// Seed: Journey 2, root-cause investigation ("Analyze system logs and metrics"). The example
// platform (started by scripts/e2e.sh) sends its logs over OTLP/HTTP to the portal with the
// OpenTelemetry SDK; an error burst in its worker is found by a query, narrowed on the level
// histogram, opened in context and followed to the service's entity page.
const PLATFORM = 'http://127.0.0.1:7101';
const QUERY = 'service:mail-worker level>=error "connection refused"';

test('an operator finds an error burst in the logs and follows it to the service', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const burst = await request.post(
    `${PLATFORM}/admin/roles/worker/error-burst`,
    { data: { count: 40 } },
  );
  expect(burst.ok()).toBe(true);

  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Ops', exact: true })
    .click();
  await page
    .getByRole('tab', { name: 'Logs', exact: true })
    .or(page.getByRole('link', { name: 'Logs', exact: true }))
    .first()
    .click();

  // found by query (the records are committed before the burst call answered)
  const records = page.getByRole('table', { name: 'Log records' });
  const errorRows = records
    .getByRole('row')
    .filter({ hasText: 'connection refused' });
  await expect(async () => {
    await page.getByRole('textbox', { name: 'Log query' }).fill(QUERY);
    await page
      .getByRole('search', { name: 'Log search' })
      .getByRole('button', { name: 'Search' })
      .click();
    await expect(errorRows.first()).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page).toHaveURL(/q=/);

  // followed live: the tail starts where the search ended (the search's tailCursor), so a
  // record logged now is added to the list, once, and the tail does not fail
  const liveTail = page.getByRole('switch', { name: 'Live tail' });
  await liveTail.check();
  const message = `connection refused by relay, live ${Date.now()}`;
  const live = await request.post(
    `${PLATFORM}/admin/roles/worker/error-burst`,
    { data: { count: 1, message } },
  );
  expect(live.ok()).toBe(true);
  await expect(
    records.getByRole('row').filter({ hasText: message }),
  ).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByText('Live tail interrupted; retrying')).toHaveCount(
    0,
  );
  await liveTail.uncheck();

  // narrowed on the histogram: drag across the recent bars → an absolute range in the URL
  const chart = page.getByTestId('log-histogram').locator('svg').first();
  const box = await chart.boundingBox();
  expect(box).not.toBeNull();
  const y = box!.y + box!.height * 0.45;
  await page.mouse.move(box!.x + box!.width * 0.5, y);
  await page.mouse.down();
  await page.mouse.move(box!.x + box!.width * 0.75, y, { steps: 5 });
  // the last bar (the burst is in the newest bucket), inside the chart's 16 px right margin
  await page.mouse.move(box!.x + box!.width - 22, y, { steps: 5 });
  await page.mouse.up();
  await expect(page).toHaveURL(/from=.*to=/);
  await expect(errorRows.first()).toBeVisible();

  // opened in context: the record's details, then its neighbours in the same service
  await errorRows.first().getByRole('button', { name: 'Show details' }).click();
  await page.getByRole('button', { name: 'Show context' }).first().click();
  const context = page.getByRole('dialog');
  await expect(
    context.getByRole('table', { name: 'Context records' }),
  ).toContainText('connection refused');
  await page.keyboard.press('Escape');
  await expect(context).toBeHidden();

  // followed to the entity page of the service that logged it
  await page.getByRole('link', { name: 'mail-worker' }).first().click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/mail-worker/);
  await expect(
    page.getByRole('heading', { name: /mail.worker/i }).first(),
  ).toBeVisible();
});
