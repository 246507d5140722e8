import { Page, expect as baseExpect, test } from '@playwright/test';
import { shot, signUp } from './support';
import { apiClient, apiTicket } from './desk-support';

test.use({ viewport: { width: 390, height: 844 } });
// A loaded two-core machine (the host, Chromium and other suites) can take longer than the default 10 s to answer.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 120_000 });

async function fits(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

test('clients and tickets are usable on a phone', async ({ page }) => {
  await signUp(page);
  const client = await apiClient(page, 'Contoso Ltd');
  const ticket = await apiTicket(page, client.id, 'Mailbox full of attachments from the scanner', 'Urgent', 'InProgress');

  await page.goto('/clients');
  await expect(page.getByRole('table', { name: 'Clients' }).getByRole('link', { name: 'Contoso Ltd' })).toBeVisible();
  await fits(page);
  await shot(page, 'phone-clients');

  await page.getByRole('link', { name: 'Contoso Ltd' }).click();
  await expect(page.getByRole('heading', { name: 'Contoso Ltd' })).toBeVisible();
  await fits(page);
  await shot(page, 'phone-client-overview');
  await page.getByRole('tab', { name: 'Time' }).click();
  await expect(page.getByRole('heading', { name: 'No time logged for this client' })).toBeVisible();
  await fits(page);
  await shot(page, 'phone-client-time');

  await page.goto('/tickets');
  await expect(page.getByRole('table', { name: 'Tickets' }).getByRole('link', { name: /Mailbox full/ })).toBeVisible();
  await fits(page);
  await shot(page, 'phone-tickets');
  await expect(page.getByRole('combobox', { name: 'Priority' })).toBeHidden();
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByRole('combobox', { name: 'Priority' }).press('Enter');
  await page.getByRole('option', { name: 'Urgent' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Filters (1)' })).toHaveAttribute('aria-expanded', 'true');
  await fits(page);
  await shot(page, 'phone-tickets-filters');

  await page.goto(`/tickets/${ticket.id}`);
  await expect(page.getByRole('heading', { name: /Mailbox full/ })).toBeVisible();
  await fits(page);
  await shot(page, 'phone-ticket-detail');
  await page.getByRole('button', { name: 'Log time' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log time' });
  await dialog.getByLabel('Duration').fill('1:30');
  await dialog.getByLabel('Description').fill('Cleared the scanner queue');
  await shot(page, 'phone-log-time');
  await dialog.getByRole('button', { name: 'Save and submit' }).click();
  await expect(page.getByRole('table', { name: 'Time entries on this ticket' })).toContainText('Cleared the scanner queue');
  await page.getByRole('region', { name: 'Time on this ticket' }).scrollIntoViewIfNeeded();
  await fits(page);
  await shot(page, 'phone-ticket-with-time');

  await page.goto('/clients');
  await page.getByRole('button', { name: 'New client' }).click();
  await expect(page.getByRole('dialog', { name: 'New client' })).toBeVisible();
  await shot(page, 'phone-client-form');
});
