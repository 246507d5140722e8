import { Page, expect, test } from '@playwright/test';
import { addInternalRow, gridCell as cell } from './people';
import { apiPost, shot, signUp } from './support';

// Whole flows with two people on a shared two-core machine: give each the time a loaded run needs.
test.describe.configure({ timeout: 240_000 });

async function addRow(page: Page, kind: 'A ticket' | 'A client, without a ticket' | 'Internal work (never billable)', description: string, pick?: { label: string; option: RegExp }) {
  await page.getByRole('button', { name: 'Add row' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add a row' });
  await dialog.getByRole('radio', { name: kind, exact: true }).check();
  if (pick) {
    await dialog.getByRole('combobox', { name: pick.label }).fill(pick.option.source.slice(0, 4));
    await page.getByRole('option', { name: pick.option }).click();
  }
  await dialog.getByLabel('Description').fill(description);
  await dialog.getByRole('button', { name: 'Add row' }).click();
  await expect(dialog).toBeHidden();
}

test('the week grid is filled by keyboard, saved in one go and submitted', async ({ page }) => {
  await signUp(page);
  const client = await apiPost(page.request, page.context(), '/api/psa/clients', { name: 'Contoso Ltd', billingEmail: 'ap@contoso.test' });
  await apiPost(page.request, page.context(), '/api/psa/tickets', { clientId: client.id, title: 'Mailbox full', priority: 'High' });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My timesheet' }).click();
  await expect(page.getByRole('heading', { name: 'Nothing logged this week' })).toBeVisible();
  await shot(page, 'timesheet-empty');

  await addRow(page, 'A ticket', 'Archived old mail', { label: 'Ticket', option: /Mailbox full/ });
  await shot(page, 'timesheet-row-added');
  await addRow(page, 'A client, without a ticket', 'Site visit', { label: 'Client', option: /Contoso Ltd/ });
  await addRow(page, 'Internal work (never billable)', 'Training');
  await expect(page.getByRole('checkbox', { name: 'Billable: Internal' })).toBeDisabled();

  // Type Monday to Wednesday on the ticket row, moving with the arrow keys, then down to the client row.
  await cell(page, 'T-000001', 'Monday').click();
  await page.keyboard.type('1:30');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('1.5');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('90m');
  await page.keyboard.press('ArrowDown');
  await expect(cell(page, 'Contoso Ltd', 'Wednesday')).toBeFocused();
  await page.keyboard.type('1h 30m');
  // Enter opens the cell's description; Enter again goes back to the grid; Tab moves on along the row.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Description' })).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Printer set-up on site');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'Contoso Ltd', 'Wednesday')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(cell(page, 'Contoso Ltd', 'Thursday')).toBeFocused();
  await page.keyboard.type('0:45');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.type('2');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('120');

  const totals = page.getByRole('group', { name: 'Week totals and actions' });
  await expect(totals).toContainText('Week8:45');
  await expect(totals).toContainText('Billable6:45');
  await expect(totals).toContainText('Non-billable2:00');
  await expect(page.getByRole('status').filter({ hasText: 'Unsaved changes' })).toBeVisible();
  await shot(page, 'timesheet-typed');

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/Saved: 6 entries written/)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Unsaved changes' })).toHaveCount(0);

  // Saved means saved: a reload shows the same week, with the description kept on its own entry.
  await page.reload();
  await expect(cell(page, 'T-000001', 'Tuesday')).toHaveValue('1:30');
  await expect(cell(page, 'Internal', 'Thursday')).toHaveValue('2:00');
  await cell(page, 'Contoso Ltd', 'Wednesday').click();
  await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue('Printer set-up on site');
  await expect(cell(page, 'Contoso Ltd', 'Wednesday')).toHaveAccessibleDescription(/Draft/);

  await page.getByRole('button', { name: 'Submit week' }).click();
  await expect(page.getByText('Submitted 6 entries for approval.')).toBeVisible();
  await expect(cell(page, 'T-000001', 'Monday')).toHaveAccessibleDescription(/Submitted/);
  await expect(cell(page, 'T-000001', 'Monday')).toHaveAttribute('readonly', '');
  await expect(page.getByRole('button', { name: 'Submit week' })).toBeDisabled();
  await shot(page, 'timesheet-submitted');

  // The list view shows the same entries, filtered in the URL.
  await page.getByRole('radio', { name: 'List' }).click();
  await expect(page).toHaveURL(/view=list/);
  await expect(page.getByRole('table', { name: 'My time entries' }).getByRole('row')).toHaveCount(7);
  await page.getByRole('combobox', { name: 'Billable' }).click();
  await page.getByRole('option', { name: 'Non-billable' }).click();
  await expect(page).toHaveURL(/billable=false/);
  await expect(page.getByRole('table', { name: 'My time entries' }).getByRole('row')).toHaveCount(2);
  await shot(page, 'timesheet-list');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Billable' })).toContainText('Non-billable');
  await expect(page.getByRole('table', { name: 'My time entries' }).getByRole('row')).toHaveCount(2);
});

test('a row the API refuses shows its error on its cell, and nothing of the week is saved', async ({ page }) => {
  await signUp(page);
  await apiPost(page.request, page.context(), '/api/psa/clients', { name: 'Fabrikam', billingEmail: 'ap@fabrikam.test' });
  await page.goto('/time/timesheet');
  await addRow(page, 'A client, without a ticket', 'Server migration', { label: 'Client', option: /Fabrikam/ });
  await addRow(page, 'Internal work (never billable)', 'Documentation');

  // 13 hours twice on one Monday: each cell is fine alone, the day is not.
  await cell(page, 'Fabrikam', 'Monday').fill('13:00');
  await cell(page, 'Internal', 'Monday').fill('13h');
  await cell(page, 'Internal', 'Tuesday').fill('2:00');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  const refused = cell(page, 'Internal', 'Monday');
  await expect(refused).toHaveAttribute('aria-invalid', 'true');
  await expect(refused).toHaveAccessibleDescription(/a day has 24 hours/);
  await expect(refused).toBeFocused();
  await expect(cell(page, 'Fabrikam', 'Monday')).not.toHaveAttribute('aria-invalid');
  await expect(page.getByRole('alert')).toContainText('Nothing was saved');
  await shot(page, 'timesheet-row-error');

  // Nothing was written: the other two cells were not saved either.
  const week = await page.request.get('/api/psa/time-entries?take=10');
  expect((await week.json()).totalCount).toBe(0);

  // Fixing the cell clears its error; saving then writes the whole week.
  await refused.fill('9:00');
  await expect(refused).not.toHaveAttribute('aria-invalid');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/Saved: 3 entries written/)).toBeVisible();

  // An unreadable duration is caught before anything is sent.
  await cell(page, 'Internal', 'Wednesday').fill('lots');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(cell(page, 'Internal', 'Wednesday')).toHaveAccessibleDescription(/"lots" is not a duration/);
});

test("last week's rows are copied without their hours, and weeks are kept in the URL", async ({ page }) => {
  await signUp(page);
  await page.goto('/time/timesheet');
  await page.getByRole('button', { name: 'Previous week' }).click();
  await expect(page).toHaveURL(/week=\d{4}-\d{2}-\d{2}/);
  const lastWeekUrl = page.url();
  await addInternalRow(page, 'Weekly team meeting');
  await cell(page, 'Internal', 'Friday').fill('1:00');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/Saved: 1 entry written/)).toBeVisible();

  await page.getByRole('button', { name: 'Next week' }).click();
  await expect(page.getByRole('heading', { name: 'Nothing logged this week' })).toBeVisible();
  await page.getByRole('button', { name: "Copy last week's rows" }).first().click();
  await expect(page.getByText("Copied 1 row from last week (rows only, no hours).")).toBeVisible();
  await expect(cell(page, 'Internal', 'Friday')).toHaveValue('');
  await expect(page.getByRole('rowheader', { name: /Internal/ })).toContainText('Weekly team meeting');
  await shot(page, 'timesheet-copied');

  // Leaving with unsaved changes asks first.
  await cell(page, 'Internal', 'Monday').fill('0:30');
  await page.getByRole('button', { name: 'Previous week' }).click();
  await page.getByRole('dialog', { name: 'Discard your changes?' }).getByRole('button', { name: 'Keep editing' }).click();
  await expect(cell(page, 'Internal', 'Monday')).toHaveValue('0:30');

  await page.goto(lastWeekUrl);
  await expect(cell(page, 'Internal', 'Friday')).toHaveValue('1:00');
});
