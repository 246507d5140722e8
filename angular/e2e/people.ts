import { Browser, Page, expect } from '@playwright/test';
import { PASSWORD } from './support';

/** Invites through Settings → Team and returns the link the screen shows (the same one the email carries). */
export async function inviteFromTeam(page: Page, email: string, role: 'Admin' | 'Manager' | 'Technician' | 'Read-only'): Promise<string> {
  await page.goto('/settings/team');
  await page.getByRole('button', { name: 'Invite member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite a member' });
  await dialog.getByRole('textbox', { name: 'Email' }).fill(email);
  await dialog.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: role, exact: true }).click();
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  const sent = page.getByRole('dialog', { name: 'Invitation sent' });
  const link = await sent.getByRole('textbox', { name: 'Invitation link' }).inputValue();
  expect(link).toContain('/accept-invitation?token=');
  await sent.getByRole('button', { name: 'Done' }).click();
  await expect(sent).toBeHidden();
  return link;
}

/** Opens an invitation link in a browser context of its own (another person), joins, and waits for the dashboard. */
export async function joinFromLink(browser: Browser, link: string, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Join your team' })).toBeVisible();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  return { context, page };
}

/** The grid's cell for a row on a weekday, by its accessible name ("Contoso Ltd, Monday 30 November"). */
export function gridCell(page: Page, row: string, weekday: string) {
  return page.getByRole('textbox', { name: new RegExp(`^${row.replace(/[()]/g, '\\$&')}, ${weekday} `) });
}

/** Adds an internal-work row to the open timesheet week. */
export async function addInternalRow(page: Page, description: string): Promise<void> {
  await page.getByRole('button', { name: 'Add row' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add a row' });
  await dialog.getByRole('radio', { name: 'Internal work (never billable)', exact: true }).check();
  await dialog.getByLabel('Description').fill(description);
  await dialog.getByRole('button', { name: 'Add row' }).click();
  await expect(dialog).toBeHidden();
}
