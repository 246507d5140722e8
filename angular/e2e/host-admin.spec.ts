import { expect, test } from '@playwright/test';
import { HOST_OPERATOR, watchConsole } from './admin-support';
import { PASSWORD, shot, signIn, signUp } from './support';

test.describe.configure({ timeout: 240_000 });

test('a host operator suspends an organisation: its signed-in user is signed out and cannot sign in until it is reactivated', async ({ page, browser }) => {
  expect(HOST_OPERATOR.password, 'The test run creates a host operator and names it in REGENTRA_E2E_HOST_EMAIL / _PASSWORD.').not.toBe('');
  const org = await signUp(page);

  const operatorContext = await browser.newContext();
  const host = await operatorContext.newPage();
  const errors = watchConsole(host);
  await host.goto('/sign-in');
  await signIn(host, '', HOST_OPERATOR.email, HOST_OPERATOR.password);
  await expect(host).toHaveURL(/\/host\/organisations$/);
  await expect(host.getByRole('banner').getByText('Host administration')).toBeVisible();
  const navigation = host.getByRole('navigation', { name: 'Main' });
  await expect(navigation.getByRole('link', { name: 'Organisations' })).toBeVisible();
  for (const tenantScreen of ['Dashboard', 'Tickets', 'Clients', 'Reports', 'Organisation', 'Roles', 'Stripe']) {
    await expect(navigation.getByRole('link', { name: tenantScreen, exact: true })).toHaveCount(0);
  }
  await expect(host.getByRole('link', { name: 'Background jobs' })).toHaveAttribute('href', '/hangfire');

  await host.getByLabel('Search').fill(org.slug);
  await expect(host).toHaveURL(new RegExp(`search=${org.slug}`));
  const row = host.getByRole('row', { name: new RegExp(org.name) });
  await expect(row).toContainText('Active');
  await expect(row.getByRole('cell').nth(2)).toHaveText('1');
  await shot(host, 'host-organisations');

  await row.getByRole('button', { name: `Suspend ${org.name}` }).click();
  const dialog = host.getByRole('dialog', { name: `Suspend ${org.name}?` });
  await dialog.getByRole('button', { name: 'Suspend' }).click();
  await expect(dialog.getByText('Say why, for whoever reactivates it later.')).toBeVisible();
  await dialog.getByLabel('Reason').fill('Unpaid subscription since October');
  await shot(host, 'host-suspend-dialog');
  await dialog.getByRole('button', { name: 'Suspend' }).click();
  await expect(row).toContainText('Suspended');
  await expect(row).toContainText('Unpaid subscription since October');
  await shot(host, 'host-organisation-suspended');

  // The organisation's admin, still on the dashboard, moves on: signed out, told why, and sign-in is refused.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page).toHaveURL(/\/sign-in\?suspended=1/);
  await expect(page.getByText('Your organisation has been suspended, so you have been signed out.')).toBeVisible();
  await shot(page, 'suspended-signed-out');
  await signIn(page, org.slug, org.email, PASSWORD);
  await expect(page.getByRole('alert')).toContainText('is suspended');

  await host.getByRole('radiogroup', { name: 'Status' }).getByRole('radio', { name: 'Suspended' }).click();
  await expect(host).toHaveURL(/isActive=false/);
  await row.getByRole('button', { name: `Reactivate ${org.name}` }).click();
  await host.getByRole('dialog', { name: `Reactivate ${org.name}?` }).getByRole('button', { name: 'Reactivate' }).click();
  await expect(host.getByRole('heading', { name: 'No organisation matches' })).toBeVisible(); // no longer among the suspended

  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  expect(errors).toEqual([]);
  await operatorContext.close();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('host administration fits', async ({ page }) => {
    expect(HOST_OPERATOR.password, 'The test run creates a host operator and names it in REGENTRA_E2E_HOST_EMAIL / _PASSWORD.').not.toBe('');
    await page.goto('/sign-in');
    await signIn(page, '', HOST_OPERATOR.email, HOST_OPERATOR.password);
    await expect(page.getByRole('table', { name: 'Organisations' })).toBeVisible();
    await shot(page, 'phone-host-organisations');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
