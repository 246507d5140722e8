import { Page, expect } from '@playwright/test';
import { apiPost } from './support';

/** Today's date (yyyy-mm-dd) in a time zone: the organisation's "today" for work dates. */
export function todayIn(timeZone = 'Europe/London'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Arranges a client through the API with the browser's session. */
export async function apiClient(page: Page, name: string, extra: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
  return apiPost(page.request, page.context(), '/api/psa/clients', { name, billingEmail: `ap@${name.toLowerCase().replace(/\W+/g, '')}.test`, ...extra });
}

/** Arranges a ticket through the API, optionally moving it to `status`. */
export async function apiTicket(page: Page, clientId: string, title: string, priority = 'Normal', status?: string): Promise<{ id: string; number: string }> {
  const ticket = await apiPost(page.request, page.context(), '/api/psa/tickets', { clientId, title, priority });
  if (status) await apiPost(page.request, page.context(), `/api/psa/tickets/${ticket.id}/status`, { status, concurrencyStamp: ticket.concurrencyStamp });
  return ticket;
}

/** Picks a client in a client picker: types part of its name and chooses the suggestion. */
export async function pickClient(page: Page, label: string, name: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).fill(name.slice(0, 4));
  await page.getByRole('option', { name }).click();
}

/** Chooses options of a multiple mat-select and closes it. */
export async function chooseMany(page: Page, label: string, options: string[]): Promise<void> {
  // Opened from the keyboard, as a keyboard user would (Enter on the focused field).
  await page.getByRole('combobox', { name: label }).press('Enter');
  for (const option of options) await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

/** Moves the ticket on its page with a lifecycle button and waits for the new status. */
export async function moveTicket(page: Page, button: string, status: string): Promise<void> {
  await page.getByRole('group', { name: 'Change status' }).getByRole('button', { name: button, exact: true }).click();
  await expect(page.getByRole('status', { name: `Status: ${status}` })).toBeVisible({ timeout: 30_000 });
}
