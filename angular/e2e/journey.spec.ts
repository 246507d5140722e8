import { expect as baseExpect, test } from '@playwright/test';
import { standInAccount, standInIdle, watchConsole } from './admin-support';
import { shot, signUp } from './support';

// The whole seed through the screens alone, from sign-up to a paid invoice: a long flow on a shared two-core machine.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 300_000 });

test('sign up, connect Stripe, a client with an agreement, time logged and approved, an invoice generated and sent, paid by the client through Stripe', async ({ page, browser }) => {
  await signUp(page);
  const errors = watchConsole(page);
  const nav = page.getByRole('navigation', { name: 'Main' });

  // Settings → Integrations → Stripe, with the keys of an account on the stand-in.
  const account = await standInAccount(page.request, 'Journey Payments');
  await nav.getByRole('link', { name: 'Stripe' }).click();
  await page.getByLabel('Publishable key').fill(account.publishableKey);
  await page.getByRole('textbox', { name: 'Secret key' }).fill(account.secretKey);
  await page.getByRole('button', { name: 'Connect Stripe' }).click();
  await expect(page.getByRole('heading', { name: 'Connected to Journey Payments' })).toBeVisible();

  // A client, its hourly agreement and a ticket.
  await nav.getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'New client' }).click();
  const clientForm = page.getByRole('dialog', { name: 'New client' });
  await clientForm.getByLabel('Name').fill('Fabrikam Ltd');
  await clientForm.getByLabel('Billing email').fill('ap@fabrikam.test');
  await clientForm.getByRole('button', { name: 'Create client' }).click();
  await expect(page).toHaveURL(/\/clients\/[0-9a-f-]+\/overview$/);
  await page.getByRole('tab', { name: 'Agreement' }).click();
  const agreement = page.getByRole('region', { name: 'New agreement' });
  await agreement.getByLabel('Hourly rate').fill('100');
  await agreement.getByRole('button', { name: 'Save agreement' }).click();
  await expect(page.getByRole('region', { name: 'Agreement in effect today' })).toContainText('£100.00 an hour');
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('button', { name: 'New ticket' }).click();
  const ticketForm = page.getByRole('dialog', { name: 'New ticket' });
  await ticketForm.getByLabel('Title').fill('New starter laptop');
  await ticketForm.getByRole('button', { name: 'Create ticket' }).click();
  await expect(page.getByRole('heading', { name: 'T-000001 · New starter laptop' })).toBeVisible();

  // Time from the ticket, submitted; the only member may approve it.
  await page.getByRole('button', { name: 'Log time' }).click();
  const logTime = page.getByRole('dialog', { name: 'Log time' });
  await logTime.getByLabel('Duration').fill('1h 30m');
  await logTime.getByLabel('Description').fill('Imaged and enrolled the laptop');
  await logTime.getByRole('button', { name: 'Save and submit' }).click();
  await expect(logTime).toHaveCount(0);
  await nav.getByRole('link', { name: 'Approvals' }).click();
  await page.getByRole('checkbox', { name: 'Select all shown' }).check();
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText('Approved 1 entry.')).toBeVisible();

  // Billing → New invoice: this month, preview, generate, send.
  await nav.getByRole('link', { name: 'New invoice' }).click();
  await page.getByRole('option', { name: 'This month' }).click();
  await expect(page.getByRole('checkbox', { name: 'Fabrikam Ltd' })).toBeChecked();
  await page.getByRole('button', { name: 'Preview the invoice' }).click();
  await expect(page.getByRole('region', { name: 'Preview for Fabrikam Ltd' })).toContainText('Subtotal£150.00');
  await page.getByRole('button', { name: 'Generate draft' }).click();
  await expect(page.getByRole('heading', { name: 'Draft invoice' })).toBeVisible();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Send invoice' }).click();
  await expect(page.getByRole('group', { name: 'Status' })).toHaveText(/Sent/);
  const payUrl = await page.getByRole('textbox', { name: 'Pay link' }).inputValue();

  // The client opens the pay link in a browser of their own and pays on Stripe's (the stand-in's) checkout page.
  const clientContext = await browser.newContext();
  const client = await clientContext.newPage();
  await client.goto(payUrl);
  await client.getByRole('button', { name: /^Pay .* now$/ }).click();
  await expect(client.getByRole('heading', { name: /^Pay GBP/ })).toBeVisible();
  await client.getByRole('button', { name: 'Pay', exact: true }).click();
  await expect(client.getByRole('heading', { name: 'Thank you: your payment was received' })).toBeVisible();
  await clientContext.close();
  await standInIdle(page.request);

  // Back in the MSP's browser: the invoice is paid, with the Stripe payment and its ids.
  await page.reload();
  await expect(page.getByRole('group', { name: 'Status' })).toHaveText(/Paid/);
  const payments = page.getByRole('list', { name: 'Payments' });
  await expect(payments).toContainText('Stripe');
  await expect(payments).toContainText(/pi_/);
  await payments.scrollIntoViewIfNeeded();
  await shot(page, 'journey-invoice-paid');
  expect(errors).toEqual([]);
});
