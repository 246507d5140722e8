import { Page, expect as baseExpect, test } from '@playwright/test';
import { apiPost } from './support';
import { createClient, createTicket, failOnConsoleErrors, logTime, monthStart, orgDay, setAgreement } from './billing-support';
import { shot, signUp } from './support';

// A shared two-core machine answers slower than the defaults expect: whole flows get room, never fixed sleeps.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

test.use({ viewport: { width: 390, height: 844 } });

async function fits(page: Page, name: string) {
  await shot(page, name);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${name} is wider than the phone`).toBeLessThanOrEqual(390);
}

test('on a phone every billing screen fits and works', async ({ page }) => {
  const problems = failOnConsoleErrors(page);
  await signUp(page);
  const clientId = await createClient(page, 'Fabrikam Holdings', 'ap@fabrikam.test');
  const ticketId = await createTicket(page, clientId, 'VPN drops every hour');
  await setAgreement(page, clientId, {
    type: 'BlockHours', effectiveFrom: monthStart(-1), monthlyFee: 900, includedHours: 10, overageRate: 110, rollover: true,
    rounding: { incrementMinutes: 6, minimumMinutes: 0 }, autoInvoice: true,
  });
  await logTime(page, { ticketId, workDate: orgDay(), minutes: 95, description: 'Replaced the VPN concentrator firmware', status: 'Approved' });
  await logTime(page, { ticketId, workDate: orgDay(), minutes: 20, description: 'Follow-up call', status: 'Submitted' });
  const draft = await apiPost(page.request, page.context(), '/api/billing/invoices', { clientId, from: monthStart(-1), to: monthStart(0) });
  await apiPost(page.request, page.context(), `/api/billing/invoices/${draft.id}/send`, null);

  await page.goto(`/clients/${clientId}/agreement`);
  await expect(page.getByRole('region', { name: 'Agreement in effect today' })).toContainText('Block hours');
  await fits(page, 'phone-billing-agreement');
  await page.getByRole('button', { name: 'Change terms' }).click();
  await expect(page.getByRole('status', { name: 'Rounding example' })).toContainText('A 7-minute entry bills as 12 minutes');
  await fits(page, 'phone-billing-agreement-form');

  await page.goto(`/clients/${clientId}/invoices`);
  await expect(page.getByRole('region', { name: 'Unbilled approved time' })).toContainText('1 entry');
  await fits(page, 'phone-billing-client-invoices');

  await page.goto('/billing/new-invoice');
  await page.getByRole('option', { name: 'This month' }).click();
  await expect(page.getByRole('checkbox', { name: 'Fabrikam Holdings' })).toBeChecked();
  await fits(page, 'phone-billing-wizard');
  await page.getByRole('button', { name: 'Preview the invoice' }).click();
  await expect(page.getByRole('list', { name: 'Warnings for Fabrikam Holdings' })).toContainText('still Submitted');
  await fits(page, 'phone-billing-wizard-preview');

  await page.goto('/billing/invoices');
  await expect(page.getByRole('table', { name: 'Invoices' }).getByRole('row')).toHaveCount(2);
  await fits(page, 'phone-billing-invoices');
  await page.getByRole('table', { name: 'Invoices' }).getByRole('link').first().click();
  await expect(page.getByRole('group', { name: 'Status' })).toHaveText(/Sent/);
  await fits(page, 'phone-billing-invoice');
  await page.getByRole('table', { name: 'Invoice lines' }).scrollIntoViewIfNeeded();
  await fits(page, 'phone-billing-invoice-lines');
  // The emails, with their long Message-IDs, wrap inside the screen.
  await page.getByRole('region', { name: 'Emails' }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('region', { name: 'Emails' })).toContainText('Delivered');
  await fits(page, 'phone-billing-invoice-emails');

  await page.goto('/billing/runs');
  await expect(page.getByRole('heading', { name: 'Month-end runs' })).toBeVisible();
  await fits(page, 'phone-billing-runs');
  expect(problems).toEqual([]);
});
