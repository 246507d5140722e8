import { Page, expect, test } from '@playwright/test';
import { addInternalRow, gridCell } from './people';
import { shot, signUp } from './support';

// Whole flows with two people on a shared two-core machine: give each the time a loaded run needs.
test.describe.configure({ timeout: 240_000 });

test.use({ viewport: { width: 390, height: 844 } });

/** The page itself never scrolls sideways; wide grids and tables scroll inside their own frame. */
async function fitsTheScreen(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

test('on a phone the timesheet, approvals, team and roles screens fit and work', async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await signUp(page);

  await page.goto('/time/timesheet');
  await expect(page.getByRole('heading', { name: 'Nothing logged this week' })).toBeVisible();
  await shot(page, 'phone-timesheet-empty');
  await addInternalRow(page, 'Reading up on the new firewall');
  await gridCell(page, 'Internal', 'Monday').fill('1:15');
  await gridCell(page, 'Internal', 'Monday').press('Enter');
  await expect(page.getByRole('textbox', { name: 'Description' })).toBeFocused();
  await fitsTheScreen(page);
  await shot(page, 'phone-timesheet');
  await page.getByRole('button', { name: 'Submit week' }).click();
  await expect(page.getByText('Submitted 1 entry for approval.')).toBeVisible();
  await page.getByRole('radio', { name: 'List' }).click();
  await expect(page.getByRole('table', { name: 'My time entries' })).toBeVisible();
  await fitsTheScreen(page);
  await shot(page, 'phone-timesheet-list');

  // A one-person organisation may approve its own time, so the queue has something in it.
  await page.goto('/time/approvals');
  await expect(page.getByRole('region', { name: 'Ada Admin' })).toBeVisible();
  await fitsTheScreen(page);
  await shot(page, 'phone-approvals');
  await page.getByRole('button', { name: /^History of Ada Admin/ }).click();
  await expect(page.getByRole('complementary', { name: /History of the entry/ })).toBeVisible();
  await shot(page, 'phone-approvals-history');
  await page.getByRole('checkbox', { name: 'Select all shown' }).check();
  await page.getByRole('button', { name: 'Reject…' }).click();
  await expect(page.getByRole('dialog', { name: 'Reject time' })).toBeVisible();
  await shot(page, 'phone-approvals-reject');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('heading', { name: 'Nothing is waiting for approval' })).toBeVisible();
  await fitsTheScreen(page);

  await page.goto('/settings/team');
  await expect(page.getByRole('table', { name: 'Members' })).toBeVisible();
  await fitsTheScreen(page);
  await shot(page, 'phone-team');
  await page.getByRole('button', { name: 'Invite member' }).click();
  await expect(page.getByRole('dialog', { name: 'Invite a member' })).toBeVisible();
  await shot(page, 'phone-team-invite');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.goto('/settings/roles');
  await expect(page.getByRole('table', { name: 'Permissions of each role' })).toBeVisible();
  await fitsTheScreen(page);
  await shot(page, 'phone-roles');
  expect(consoleErrors).toEqual([]);
});
