import { expect, test } from '@playwright/test';

// Seed scenario: "A tenant needs a beta feature disabled immediately because it's
// breaking their workflow. Tenant Management > Features > 'Beta: AI Composer' > set
// Disabled for this tenant only, overriding the global rollout percentage > confirm the
// feature is gone." The example platform (started by scripts/e2e.sh) evaluates the flag
// over OFREP whenever it sends mail for a tenant.
const PLATFORM = 'http://127.0.0.1:7101';
const FLAG = 'Beta: AI Composer';

test('an operator disables a beta feature for one tenant and sees it gone', async ({
  page,
  request,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();

  // Ops > Tenants > Acme (tenants come from the platform through the catalog module)
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Ops', exact: true })
    .click();
  const tab = (name: string) =>
    page
      .getByRole('tab', { name, exact: true })
      .or(page.getByRole('link', { name, exact: true }))
      .first();
  // the catalog ingests the platform's tenants shortly after start: revisit until there
  await expect(async () => {
    await tab('Infrastructure').click();
    await tab('Tenants').click();
    await expect(
      page.getByRole('link', { name: 'Acme Corporation' }).first(),
    ).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 120_000 });
  await page.getByRole('link', { name: 'Acme Corporation' }).first().click();

  // Tenant Management > Features
  await tab('Tenant Management').click();
  await page.getByRole('tab', { name: 'Features' }).click();
  const row = page.getByTestId('feature-ai-composer');
  await expect(row).toContainText(FLAG);

  // set Disabled for this tenant only, with a reason, after the confirmation
  await row
    .getByRole('button', { name: `Set for this tenant: ${FLAG}` })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: 'Off' }).check();
  await dialog
    .getByRole('textbox', { name: 'Reason' })
    .fill('Breaks their approval workflow (ticket OPS-42)');
  await dialog.getByRole('button', { name: 'Review change' }).click();
  await expect(dialog).toContainText(
    /will change answer|no tenant changes answer/i,
  );
  await dialog.getByRole('button', { name: 'Set override' }).click();
  await expect(dialog).toBeHidden();

  await expect(row.locator('[data-why]')).toHaveAttribute(
    'data-why',
    'override',
  );

  // the platform sends mail for acme and evaluates the flag again: the console shows the
  // last evaluation it served switched to off
  await expect(async () => {
    const sent = await request.post(`${PLATFORM}/tenants/acme/messages`, {
      data: { recipient: 'someone@example.org', subject: 'e2e' },
    });
    expect(sent.status()).toBe(202);
    await expect(row.getByTestId('last-evaluation')).toContainText(
      'last evaluated ai-composer = off',
      { timeout: 5_000 },
    );
  }).toPass({ timeout: 90_000 });
});
