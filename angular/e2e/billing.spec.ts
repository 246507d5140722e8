import { expect as baseExpect, test } from '@playwright/test';
import { createClient, createTicket, failOnConsoleErrors, gbp, logTime, monthStart, orgDay, setAgreement } from './billing-support';
import { apiGet, shot, signUp } from './support';

// A shared two-core machine answers slower than the defaults expect: whole flows get room, never fixed sleeps.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

test('an hourly agreement with rounding, a preview that warns about unapproved time, generate, send, void releasing the time, and a partial payment', async ({ page }) => {
  const problems = failOnConsoleErrors(page);
  await signUp(page);
  const name = 'Contoso Ltd';
  const clientId = await createClient(page, name, 'ap@contoso.test');
  const ticketId = await createTicket(page, clientId, 'Mailbox full');
  const today = orgDay();
  // Approved time (7 minutes shows the rounding), and time still waiting: submitted, and a draft.
  await logTime(page, { ticketId, workDate: today, minutes: 7, description: 'Checked the mailbox quota', status: 'Approved' });
  await logTime(page, { ticketId, workDate: today, minutes: 50, description: 'Archived old mail', status: 'Approved' });
  await logTime(page, { ticketId, workDate: today, minutes: 15, description: 'Called the user back', status: 'Submitted' });
  await logTime(page, { clientId, workDate: today, minutes: 45, description: 'Printer set-up', status: 'Draft' });

  // The Agreement tab: hourly at 120 with rounding up to 15 minutes, at least 30; the worked example and the rules show before saving.
  await page.goto(`/clients/${clientId}`);
  await page.getByRole('tab', { name: 'Agreement' }).click();
  await expect(page).toHaveURL(new RegExp(`/clients/${clientId}/agreement$`));
  const form = page.getByRole('region', { name: 'New agreement' });
  await expect(form.getByRole('radio', { name: 'Hourly' })).toBeChecked();
  await form.getByLabel('Hourly rate').fill('120');
  await form.getByLabel('Round up to a multiple of').fill('15');
  await form.getByLabel('Minimum billable minutes').fill('30');
  await expect(form.getByRole('status', { name: 'Rounding example' })).toHaveText(
    /A 7-minute entry bills as 30 minutes \(0\.50 h\), £60\.00 at £120\.00 an hour: rounded up to 15 minutes \(the next multiple of 15\), then raised to the 30-minute minimum/);
  await expect(form.getByRole('region', { name: 'When you save' })).toContainText("Rates and fees are in GBP, the client's currency");
  await form.getByRole('checkbox', { name: 'Invoice automatically when a month closes' }).check();
  await shot(page, 'billing-agreement-form');
  await form.getByRole('button', { name: 'Save agreement' }).click();
  const current = page.getByRole('region', { name: 'Agreement in effect today' });
  await expect(current).toContainText('£120.00 an hour · rounded up to 15 min, at least 30 min');
  await expect(page.getByRole('list', { name: 'Agreements' }).getByRole('listitem')).toHaveCount(1);
  await shot(page, 'billing-agreement');

  // The wizard: this month, the client preselected because it has unbilled time; the preview explains what is missing.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New invoice' }).click();
  await page.getByRole('option', { name: 'This month' }).click();
  await expect(page.getByRole('checkbox', { name })).toBeChecked();
  await shot(page, 'billing-wizard-choose');
  await page.getByRole('button', { name: 'Preview the invoice' }).click();
  const preview = page.getByRole('region', { name: `Preview for ${name}` });
  const warnings = preview.getByRole('list', { name: `Warnings for ${name}` });
  await expect(warnings).toContainText('1 entry (0.25 h) by Ada Admin is still Submitted, so not on this invoice.');
  await expect(warnings).toContainText('1 entry (0.75 h) by Ada Admin is still Draft');
  await expect(warnings.getByRole('link', { name: 'Review them' })).toHaveAttribute('href', '/time/approvals');
  const lines = preview.getByRole('table', { name: `Lines for ${name}` });
  await expect(lines.getByRole('row', { name: /Checked the mailbox quota/ })).toContainText('0.50 h');
  await expect(lines.getByRole('row', { name: /Checked the mailbox quota/ })).toContainText('£60.00');
  await expect(lines.getByRole('row', { name: /Archived old mail/ })).toContainText('1.00 h');
  await expect(preview).toContainText('Subtotal£180.00');
  await shot(page, 'billing-wizard-preview');

  // "See the entries" opens the client's Draft time of that period; back in the wizard, preview again.
  await warnings.getByRole('link', { name: 'See the entries' }).click();
  await expect(page).toHaveURL(new RegExp(`/clients/${clientId}/time\\?.*status=Draft`));
  await expect(page.getByRole('status').filter({ hasText: 'Worked from' })).toBeVisible();
  const entries = page.getByRole('table', { name: "The client's time entries" });
  await expect(entries).toContainText('Printer set-up');
  await expect(entries).not.toContainText('Archived old mail');
  await page.goBack();
  await page.getByRole('option', { name: 'This month' }).click();
  await expect(page.getByRole('checkbox', { name })).toBeChecked();
  await page.getByRole('button', { name: 'Preview the invoice' }).click();
  await expect(warnings).toContainText('still Draft');

  // One click makes one invoice, even clicked twice.
  await page.getByRole('button', { name: 'Generate draft' }).dblclick();
  await expect(page).toHaveURL(/\/billing\/invoices\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: 'Draft invoice' })).toBeVisible();
  const drafts = await apiGet(page.request, `/api/billing/invoices?clientId=${clientId}`);
  expect(drafts.totalCount).toBe(1);
  await shot(page, 'billing-invoice-draft');

  // A draft takes manual lines (and gives them back).
  await page.getByRole('button', { name: 'Add line' }).click();
  const lineDialog = page.getByRole('dialog');
  await lineDialog.getByLabel('Description').fill('Loyalty discount');
  await lineDialog.getByLabel('Unit price').fill('-30');
  await expect(lineDialog).toContainText('Line amount: -£30.00');
  await lineDialog.getByRole('button', { name: 'Add line' }).click();
  await expect(page.getByRole('region', { name: 'Amounts and dates' })).toContainText('Total£150.00');
  await page.getByRole('button', { name: 'Remove line Loyalty discount' }).click();
  await expect(page.getByRole('region', { name: 'Amounts and dates' })).toContainText('Total£180.00');

  // Send: numbered, emailed, with a pay link.
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('dialog')).toContainText('The PDF is emailed to ap@contoso.test with a link to pay online.');
  await page.getByRole('dialog').getByRole('button', { name: 'Send invoice' }).click();
  await expect(page.getByRole('heading', { name: /^Invoice .+-\d{4}-00001$/ })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Status' })).toHaveText(/Sent/);
  await expect(page.getByRole('textbox', { name: 'Pay link' })).toHaveValue(/\/pay\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole('button', { name: 'Copy pay link' })).toBeVisible();
  // Its email: recorded with the send, delivered, with the Message-ID every delivery of it carries.
  const emails = page.getByRole('region', { name: 'Emails' });
  await expect(emails.getByRole('listitem')).toHaveCount(1);
  await expect(emails).toContainText('to ap@contoso.test');
  await expect(emails).toContainText('Delivered');
  await expect(emails).toContainText(/Message-ID <invoice\.[0-9a-f]{32}\.1@/);
  await expect(page.getByRole('region', { name: 'Amounts and dates' })).toContainText('to ap@contoso.test');
  // Resending is a second email with a Message-ID of its own, listed first.
  await page.getByRole('button', { name: 'Resend' }).click();
  await expect(emails.getByRole('listitem')).toHaveCount(2);
  await expect(emails.getByRole('listitem').first()).toContainText('Sent again');
  await expect(emails.getByRole('listitem').first()).toContainText(/Message-ID <invoice\.[0-9a-f]{32}\.2@/);
  await expect(page.getByText('Emailed again to ap@contoso.test.')).toBeVisible();
  await shot(page, 'billing-invoice-sent');
  await emails.scrollIntoViewIfNeeded();
  await shot(page, 'billing-invoice-emails');

  // The PDF: embedded, and downloaded under its number.
  await page.getByRole('button', { name: 'Show preview' }).click();
  await expect(page.getByRole('region', { name: 'PDF preview' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PDF' }).click();
  expect((await download).suggestedFilename()).toMatch(/^.+-\d{4}-00001\.pdf$/);

  // Void releases the time: the client's unbilled time shows it again.
  await page.getByRole('button', { name: 'Void', exact: true }).click();
  await expect(page.getByRole('dialog')).toContainText('Its 2 time entries are released');
  await page.getByRole('dialog').getByLabel('Reason').fill('Wrong rounding agreed');
  await shot(page, 'billing-void-confirm');
  await page.getByRole('dialog').getByRole('button', { name: 'Void invoice' }).click();
  await expect(page.getByRole('group', { name: 'Status' })).toHaveText(/Void/);
  await expect(page.getByText('Wrong rounding agreed')).toBeVisible();
  await page.goto(`/clients/${clientId}`);
  await page.getByRole('tab', { name: 'Invoices' }).click();
  const unbilled = page.getByRole('region', { name: 'Unbilled approved time' });
  await expect(unbilled).toContainText('2 entries');
  await expect(unbilled.getByRole('table', { name: 'Unbilled entries' }).getByRole('row')).toHaveCount(3);
  await expect(unbilled).toContainText('Archived old mail');
  await expect(page.getByRole('table', { name: 'Client invoices' })).toContainText('Void');
  await shot(page, 'billing-client-invoices');

  // Invoice it again, send it, and record a partial payment.
  await unbilled.getByRole('link', { name: 'Invoice this client' }).click();
  await expect(page.getByRole('checkbox', { name })).toBeChecked();
  await page.getByRole('option', { name: 'This month' }).click();
  await page.getByRole('button', { name: 'Preview the invoice' }).click();
  await page.getByRole('button', { name: 'Generate draft' }).click();
  await expect(page.getByRole('heading', { name: 'Draft invoice' })).toBeVisible();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Send invoice' }).click();
  await expect(page.getByRole('heading', { name: /-00002$/ })).toBeVisible();
  const invoiceId = page.url().split('/').pop()!;
  const invoice = await apiGet(page.request, `/api/billing/invoices/${invoiceId}`);

  await page.getByRole('button', { name: 'Record payment' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Amount')).toHaveValue(String(invoice.total));
  await dialog.getByLabel('Amount').fill(String(invoice.total + 1));
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(dialog).toContainText(`The balance due is ${gbp(invoice.total)}; a payment cannot exceed it.`);
  await dialog.getByLabel('Amount').fill('100');
  await dialog.getByLabel('Reference (optional)').fill('BACS 4471');
  await shot(page, 'billing-record-payment');
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(page.getByRole('group', { name: 'Status' })).toHaveText(/Partially paid/);
  const amounts = page.getByRole('region', { name: 'Amounts and dates' });
  await expect(amounts).toContainText(`Paid${gbp(100)}`);
  await expect(amounts).toContainText(`Balance due${gbp(invoice.total - 100)}`);
  const payments = page.getByRole('list', { name: 'Payments' });
  await expect(payments).toContainText('Manual · Bank transfer · BACS 4471');
  await shot(page, 'billing-invoice-partially-paid');
  await payments.scrollIntoViewIfNeeded();
  await shot(page, 'billing-invoice-payments');

  // The list: both invoices with their status, totals per currency, and filters in the URL.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Invoices' }).click();
  const table = page.getByRole('table', { name: 'Invoices' });
  await expect(table.getByRole('row', { name: /-00002/ })).toContainText('Partially paid');
  await expect(table.getByRole('row', { name: /-00001/ })).toContainText('Void');
  // The void invoice is counted but owes nothing.
  const totals = page.getByRole('region', { name: 'Totals of the invoices shown' });
  await expect(totals).toContainText('GBP · 2 invoices');
  await expect(totals).toContainText(`Total${gbp(invoice.total)}Paid${gbp(100)}Due${gbp(invoice.total - 100)}`);
  await shot(page, 'billing-invoices');
  await page.getByRole('option', { name: 'Partially paid' }).click();
  await expect(page).toHaveURL(/status=PartiallyPaid/);
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Totals of the invoices shown' })).toContainText(`Due${gbp(invoice.total - 100)}`);
  await page.reload();
  await expect(page.getByRole('option', { name: 'Partially paid' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('table', { name: 'Invoices' }).getByRole('row')).toHaveCount(2);
  expect(problems).toEqual([]);
});

test('several clients at once: those with unbilled time start ticked, and generating lists each client’s outcome', async ({ page }) => {
  const problems = failOnConsoleErrors(page);
  await signUp(page);
  const lastMonth = monthStart(-1);
  const workDate = `${lastMonth.slice(0, 8)}12`;
  const alder = await createClient(page, 'Alder Accounting');
  await setAgreement(page, alder, { type: 'Hourly', effectiveFrom: lastMonth, hourlyRate: 100 });
  await logTime(page, { clientId: alder, workDate, minutes: 60, description: 'Server patching', status: 'Approved' });
  const birch = await createClient(page, 'Birch Dental');
  await setAgreement(page, birch, { type: 'Hourly', effectiveFrom: lastMonth, hourlyRate: 80 });
  await logTime(page, { clientId: birch, workDate, minutes: 30, description: 'Printer driver', status: 'Approved' });
  await createClient(page, 'Cedar Law');

  // Last month by default; the two clients with approved time are ticked, the third is not.
  await page.goto('/billing/new-invoice');
  await expect(page.getByRole('option', { name: 'Last month' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('checkbox', { name: 'Alder Accounting' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Birch Dental' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Cedar Law' })).not.toBeChecked();
  await page.getByRole('checkbox', { name: 'Cedar Law' }).check();
  await page.getByRole('button', { name: 'Preview 3 invoices' }).click();
  await expect(page.getByRole('region', { name: 'Preview for Alder Accounting' })).toContainText('£100.00');
  await expect(page.getByRole('region', { name: 'Preview for Birch Dental' })).toContainText('£40.00');
  await expect(page.getByRole('region', { name: 'Preview for Cedar Law' })).toContainText('Will not be generated');
  await shot(page, 'billing-wizard-many');

  await page.getByRole('button', { name: 'Generate 2 drafts' }).click();
  const results = page.getByRole('list', { name: 'Outcome per client' });
  await expect(results.getByRole('listitem').filter({ hasText: 'Alder Accounting' })).toContainText('Invoiced');
  await expect(results.getByRole('listitem').filter({ hasText: 'Birch Dental' })).toContainText('Invoiced');
  await expect(results.getByRole('listitem').filter({ hasText: 'Cedar Law' })).toContainText('Skipped');
  await expect(results.getByRole('link', { name: 'Open draft' })).toHaveCount(2);
  await shot(page, 'billing-wizard-results');
  await page.getByRole('link', { name: 'See all drafts' }).click();
  await expect(page).toHaveURL(/status=Draft/);
  await expect(page.getByRole('table', { name: 'Invoices' }).getByRole('row')).toHaveCount(3);
  expect(problems).toEqual([]);
});
