import { Browser, Page, expect, test } from '@playwright/test';
import { connectStripe, logoPng, sentInvoice, standInIdle, today, watchConsole } from './admin-support';
import { apiGet, apiPost, apiPut, shot, signUp, xsrfToken } from './support';

// Whole flows across the app, the stand-in's checkout page and its webhooks: room for a busy two-core machine.
test.describe.configure({ timeout: 240_000 });

/** The client opens the emailed pay link in a browser of their own: no session, no cookies of the MSP. */
async function openAsClient(browser: Browser, payUrl: string, viewport = { width: 1280, height: 800 }): Promise<{ client: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport });
  const client = await context.newPage();
  await client.goto(payUrl);
  return { client, close: () => context.close() };
}

async function payOnStandIn(client: Page, button: 'Pay' | 'Pay later (bank debit)' | 'Cancel', screenshot?: string): Promise<void> {
  await client.getByRole('button', { name: /^Pay .* now$/ }).click();
  await expect(client.getByRole('heading', { name: /^Pay GBP/ })).toBeVisible({ timeout: 20_000 });
  if (screenshot) await shot(client, screenshot);
  await client.getByRole('button', { name: button, exact: true }).click();
}

test('a client pays a sent invoice on its pay link through Stripe Checkout, and the invoice shows Paid with the Stripe payment', async ({ page, browser }) => {
  const org = await signUp(page);
  await apiPut(page.request, page.context(), '/api/saas/settings', {
    ...(await apiGet(page.request, '/api/saas/settings')), defaultHourlyRate: 120, taxRatePercent: 20, address: '1 High Street\nLondon',
  });
  const logo = await page.request.put('/api/saas/settings/logo', { data: logoPng(), headers: { 'Content-Type': 'image/png', 'X-XSRF-TOKEN': await xsrfToken(page.context()) } });
  expect(logo.status()).toBe(200);
  await connectStripe(page);
  const invoice = await sentInvoice(page, org.slug, 90); // 1.5 h × 120 + 20 % = GBP 216.00

  const { client, close } = await openAsClient(browser, invoice.payUrl);
  const errors = watchConsole(client);
  await expect(client.getByRole('heading', { name: `Invoice ${invoice.number}` })).toBeVisible();
  await expect(client.getByRole('img', { name: org.name })).toBeVisible();
  await expect(client.getByText(org.name, { exact: true })).toBeVisible();
  await expect(client.getByRole('row', { name: 'Amount due' })).toContainText('£216.00');
  await expect(client.getByRole('link', { name: 'Download the invoice (PDF)' })).toHaveAttribute('href', /\/api\/public\/invoices\/.+\/pdf$/);
  await expect(client.getByRole('navigation')).toHaveCount(0); // no app chrome
  await shot(client, 'pay-page');

  await payOnStandIn(client, 'Pay', 'pay-stripe-checkout');

  await expect(client.getByRole('heading', { name: 'Thank you: your payment was received' })).toBeVisible({ timeout: 30_000 });
  await expect(client.getByRole('row', { name: 'Status' })).toContainText('Paid');
  await expect(client.getByRole('button', { name: /^Pay .* now$/ })).toHaveCount(0);
  await shot(client, 'pay-page-paid');
  expect(errors).toEqual([]);
  await close();

  const detail = await apiGet(page.request, `/api/billing/invoices/${invoice.id}`);
  expect(detail.status).toBe('Paid');
  expect(detail.payments).toEqual([expect.objectContaining({ source: 'Stripe', kind: 'Payment', amount: 216, stripe: expect.objectContaining({ paymentIntentId: expect.stringMatching(/^pi_/) }) })]);
});

test('after a partial manual payment the client pays the rest through Stripe', async ({ page, browser }) => {
  const org = await signUp(page);
  await apiPut(page.request, page.context(), '/api/saas/settings', { ...(await apiGet(page.request, '/api/saas/settings')), defaultHourlyRate: 100, taxRatePercent: 0 });
  await connectStripe(page);
  const invoice = await sentInvoice(page, org.slug, 120); // GBP 200.00
  await apiPost(page.request, page.context(), `/api/billing/invoices/${invoice.id}/payments`, { amount: 75, date: today(), method: 'BankTransfer', reference: 'BACS 1234' });

  const { client, close } = await openAsClient(browser, invoice.payUrl);
  await expect(client.getByRole('row', { name: 'Status' })).toContainText('Partially paid');
  await expect(client.getByRole('row', { name: 'Paid so far' })).toContainText('£75.00');
  await expect(client.getByRole('row', { name: 'Amount due' })).toContainText('£125.00');
  await shot(client, 'pay-page-partly-paid');
  await payOnStandIn(client, 'Pay');

  await expect(client.getByRole('heading', { name: 'Thank you: your payment was received' })).toBeVisible({ timeout: 30_000 });
  await expect(client.getByRole('row', { name: 'Amount due' })).toContainText('£0.00');
  await close();

  const detail = await apiGet(page.request, `/api/billing/invoices/${invoice.id}`);
  expect(detail.status).toBe('Paid');
  expect(detail.payments.map((p: { source: string; amount: number }) => [p.source, p.amount])).toEqual(expect.arrayContaining([['Manual', 75], ['Stripe', 125]]));
});

test('the pay page says what happened: no online payment, cancelled, a bank debit on its way, a void invoice', async ({ page, browser }) => {
  const org = await signUp(page);
  await apiPut(page.request, page.context(), '/api/saas/settings', { ...(await apiGet(page.request, '/api/saas/settings')), defaultHourlyRate: 90 });
  const first = await sentInvoice(page, org.slug, 60, 'Fabrikam Ltd');

  // Before Stripe is connected the link shows the invoice and says online payment is not offered.
  const { client, close } = await openAsClient(browser, first.payUrl, { width: 390, height: 844 });
  await expect(client.getByRole('heading', { name: 'Online payment is not available' })).toBeVisible();
  await expect(client.getByRole('button', { name: /^Pay .* now$/ })).toHaveCount(0);
  await expect(client.getByRole('link', { name: 'Download the invoice (PDF)' })).toBeVisible();
  await shot(client, 'phone-pay-page-offline');

  await connectStripe(page);
  const second = await sentInvoice(page, org.slug, 60, 'Contoso Ltd');
  await client.goto(second.payUrl);
  await shot(client, 'phone-pay-page');
  await payOnStandIn(client, 'Cancel');
  await expect(client.getByRole('heading', { name: 'Payment cancelled' })).toBeVisible();
  await expect(client.getByRole('button', { name: /^Pay .* now$/ })).toBeVisible();
  await shot(client, 'phone-pay-page-cancelled');

  await payOnStandIn(client, 'Pay later (bank debit)');
  await expect(client.getByRole('heading', { name: 'Thank you: your payment is on its way' })).toBeVisible({ timeout: 30_000 });
  await expect(client.getByRole('button', { name: /^Pay .* now$/ })).toHaveCount(0);
  await shot(client, 'phone-pay-page-processing');
  expect(await client.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await apiPost(page.request, page.context(), `/api/billing/invoices/${first.id}/void`, { reason: 'Billed the wrong client' });
  await client.goto(first.payUrl);
  await expect(client.getByRole('heading', { name: 'This invoice has been cancelled' })).toBeVisible();
  await shot(client, 'phone-pay-page-void');

  await client.goto('/pay/this-is-not-a-real-pay-token');
  await expect(client.getByRole('heading', { name: 'This pay link is not valid' })).toBeVisible();
  await close();
  await standInIdle(page.request);
});
