import { expect as baseExpect, test } from '@playwright/test';
import { createClient, failOnConsoleErrors, logTime, monthName, monthStart, setAgreement } from './billing-support';
import { shot, signUp } from './support';

// A shared two-core machine answers slower than the defaults expect: whole flows get room, never fixed sleeps.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

test('a month-end run started by hand shows its progress and each client’s outcome to the end, and is still there on return', async ({ page }) => {
  const problems = failOnConsoleErrors(page);
  await signUp(page);
  const lastMonth = monthStart(-1);
  const month = monthName(lastMonth);
  const workDate = `${lastMonth.slice(0, 8)}10`;

  // Four clients with automatic invoicing: one sent, one left as a draft, one with nothing to invoice, one that cannot be sent.
  const alder = await createClient(page, 'Alder Accounting', 'ap@alder.test');
  await setAgreement(page, alder, { type: 'Hourly', effectiveFrom: lastMonth, hourlyRate: 100, autoInvoice: true, autoSend: true });
  await logTime(page, { clientId: alder, workDate, minutes: 90, description: 'Server patching', status: 'Approved' });
  const birch = await createClient(page, 'Birch Dental', 'ap@birch.test');
  await setAgreement(page, birch, { type: 'MonthlyRecurring', effectiveFrom: lastMonth, monthlyFee: 500, scope: 'Managed desktops', autoInvoice: true });
  const cedar = await createClient(page, 'Cedar Law', 'ap@cedar.test');
  await setAgreement(page, cedar, { type: 'Hourly', effectiveFrom: lastMonth, hourlyRate: 100, autoInvoice: true });
  const dune = await createClient(page, 'Dune Retail', null);
  await setAgreement(page, dune, { type: 'MonthlyRecurring', effectiveFrom: lastMonth, monthlyFee: 300, autoInvoice: true, autoSend: true });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs' }).click();
  await expect(page.getByRole('heading', { name: 'Month-end runs' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'History' })).toContainText('No runs yet');
  await expect(page.getByRole('combobox', { name: 'Month' })).toHaveText(month);
  await page.getByRole('button', { name: 'Start run' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: `Start the run for ${month}?` })).toBeVisible();
  await expect(dialog).toContainText(`Regentra invoices ${month} for every active client whose agreement has "Invoice automatically" on`);
  await expect(dialog).toContainText('you can leave this page and come back');
  await shot(page, 'billing-run-confirm');
  await dialog.getByRole('button', { name: 'Start run' }).click();

  const run = page.getByRole('region', { name: `Run for ${month}` });
  await expect(run).toBeVisible();
  await shot(page, 'billing-run-started');
  await expect(run.getByRole('status', { name: 'Run progress' })).toHaveText('4 of 4 clients processed', { timeout: 60_000 });
  await expect(run).toContainText('Completed with errors');
  const outcomes = run.getByRole('list', { name: 'Outcome per client' });
  await expect(outcomes.getByRole('listitem')).toHaveCount(4);
  await expect(outcomes.getByRole('listitem').filter({ hasText: 'Alder Accounting' })).toContainText('Invoiced and sent');
  await expect(outcomes.getByRole('listitem').filter({ hasText: 'Birch Dental' })).toContainText('Invoiced');
  await expect(outcomes.getByRole('listitem').filter({ hasText: 'Cedar Law' })).toContainText('Skipped');
  await expect(outcomes.getByRole('listitem').filter({ hasText: 'Cedar Law' })).toContainText('Nothing to invoice');
  await expect(outcomes.getByRole('listitem').filter({ hasText: 'Dune Retail' })).toContainText('Failed');
  await expect(outcomes.getByRole('listitem').filter({ hasText: 'Dune Retail' })).toContainText('Invoiced but not sent');
  const counts = run.getByRole('definition');
  await expect(counts).toHaveText(['2', '1', '1', '1']); // invoiced, sent, skipped, failed (Dune was invoiced, but failed to send)
  const history = page.getByRole('table', { name: 'Runs' });
  await expect(history.getByRole('row', { name: new RegExp(month) })).toContainText('Completed with errors');
  await expect(page.getByRole('button', { name: 'Start run' })).toBeEnabled(); // one at a time: free again once it ended
  await shot(page, 'billing-run-finished');

  // Leaving and coming back: the run is read from the server again.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Invoices' }).click();
  await expect(page.getByRole('table', { name: 'Invoices' }).getByRole('row')).toHaveCount(4);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs' }).click();
  await expect(page.getByRole('region', { name: `Run for ${month}` }).getByRole('status', { name: 'Run progress' })).toHaveText('4 of 4 clients processed');

  // The failed client's draft is linked from the run.
  await page.getByRole('link', { name: 'Open the invoice of Dune Retail' }).click();
  await expect(page.getByRole('heading', { name: 'Draft invoice' })).toBeVisible();
  expect(problems).toEqual([]);
});
