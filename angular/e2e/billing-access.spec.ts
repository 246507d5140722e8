import { expect as baseExpect, test } from '@playwright/test';
import { createClient } from './billing-support';
import { PASSWORD, apiPost, linkFromMail, shot, signUp } from './support';

// A shared two-core machine answers slower than the defaults expect: whole flows get room, never fixed sleeps.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

test('a technician sees none of the billing menus and is refused on a billing deep link', async ({ page, browser }) => {
  const org = await signUp(page);
  const navigation = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Invoices', 'New invoice', 'Runs']) await expect(navigation.getByRole('link', { name })).toBeVisible();

  // A new organisation's billing screens say what to do first.
  await navigation.getByRole('link', { name: 'Invoices' }).click();
  await expect(page.getByRole('heading', { name: 'No invoices yet' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'No invoices yet' }).getByRole('link', { name: 'New invoice' })).toBeVisible();
  await shot(page, 'billing-invoices-empty');
  const clientId = await createClient(page, 'Contoso Ltd', null);
  await page.goto(`/clients/${clientId}/agreement`);
  await expect(page.getByRole('region', { name: 'Agreement in effect today' })).toContainText('No agreement is in effect today');
  await shot(page, 'billing-agreement-none');
  await page.getByRole('tab', { name: 'Invoices' }).click();
  await expect(page.getByRole('heading', { name: 'No invoices yet' })).toBeVisible();
  await shot(page, 'billing-client-invoices-empty');

  const email = `tina@${org.slug}.test`;
  await apiPost(page.request, page.context(), '/api/saas/invitations', { email, role: 'Technician' });
  const link = await linkFromMail(email, '/accept-invitation?token=');
  const technician = await browser.newContext();
  const tina = await technician.newPage();
  await tina.goto(link);
  await tina.getByLabel('Your name').fill('Tina Tech');
  await tina.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await tina.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(tina).toHaveURL(/\/dashboard/);

  const menu = tina.getByRole('navigation', { name: 'Main' });
  await expect(menu.getByRole('link', { name: 'My timesheet' })).toBeVisible();
  for (const name of ['Invoices', 'New invoice', 'Runs']) await expect(menu.getByRole('link', { name })).toHaveCount(0);
  await expect(menu.getByRole('heading', { name: 'Billing' })).toHaveCount(0);

  for (const path of ['/billing/invoices', '/billing/new-invoice', '/billing/runs', '/clients/00000000-0000-0000-0000-000000000001/agreement']) {
    await tina.goto(path);
    await expect(tina.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible();
    await expect(tina).toHaveURL(new RegExp(`${path}$`));
  }
  await shot(tina, 'billing-not-allowed-technician');
  await technician.close();
});
