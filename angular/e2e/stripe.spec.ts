import { expect, test } from '@playwright/test';
import { STAND_IN, standInAccount, standInFault, watchConsole } from './admin-support';
import { shot, signUp } from './support';

test.describe.configure({ timeout: 240_000 });

test('an admin connects Stripe with keys, sees the webhook registered and the key masked, tests the connection and disconnects', async ({ page }) => {
  await signUp(page);
  const errors = watchConsole(page);
  const account = await standInAccount(page.request, 'Northwind Payments');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stripe' }).click();
  await expect(page.getByRole('heading', { name: 'Connect your Stripe account' })).toBeVisible();
  await shot(page, 'stripe-not-connected');

  // A key Stripe does not know: its own error, beside the field, and nothing saved.
  await page.getByLabel('Publishable key').fill(account.publishableKey);
  await page.getByRole('textbox', { name: 'Secret key' }).fill('sk_test_this_key_is_not_known_to_stripe');
  await page.getByRole('button', { name: 'Connect Stripe' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Invalid API Key provided' })).toBeVisible();
  await expect(page.getByText('Billing:Stripe.InvalidKey')).toBeVisible();
  await shot(page, 'stripe-invalid-key');

  await page.getByRole('textbox', { name: 'Secret key' }).fill(account.secretKey);
  await page.getByRole('button', { name: 'Connect Stripe' }).click();
  await expect(page.getByRole('heading', { name: 'Connected to Northwind Payments' })).toBeVisible();
  await expect(page.getByText('Registered', { exact: true })).toBeVisible();
  await expect(page.getByText('Test mode', { exact: true })).toBeVisible();
  await expect(page.getByText(`sk_test_••••${account.secretKey.slice(-4)}`)).toBeVisible();
  await expect(page.getByText(account.secretKey, { exact: true })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Webhook URL' })).toHaveValue(/\/api\/public\/stripe\/webhooks\/.+/);
  await expect(page.getByRole('button', { name: 'Copy webhook URL' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Stripe keys' })).toHaveCount(0);
  await shot(page, 'stripe-connected');

  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The connection works: test mode, account Northwind Payments.' })).toBeVisible();

  // Stripe stops accepting the stored key (revoked in the dashboard, say): the test says so and the status keeps it.
  await standInFault(page.request, '/v1/account', 401, 1); // a 401 is not retried
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The test failed' })).toContainText('Billing:Stripe.InvalidKey');
  await expect(page.getByText(/^Failed: /)).toBeVisible();
  await shot(page, 'stripe-test-failed');

  await page.getByRole('button', { name: 'Disconnect' }).click();
  const dialog = page.getByRole('dialog', { name: 'Disconnect Stripe?' });
  await expect(dialog).toBeVisible();
  await shot(page, 'stripe-disconnect-dialog');
  await dialog.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByRole('heading', { name: 'Connect your Stripe account' })).toBeVisible();
  expect(errors.filter((e) => !e.includes('status of 4'))).toEqual([]);
});

test('a restricted key that may not create webhooks gets the manual steps, and pasting the signing secret finishes the set-up', async ({ page }) => {
  await signUp(page);
  const account = await standInAccount(page.request, 'Restricted Payments');
  await page.goto('/settings/integrations/stripe');
  await page.getByLabel('Publishable key').fill(account.publishableKey);
  await page.getByRole('textbox', { name: 'Secret key' }).fill(account.restrictedKey);
  await page.getByRole('button', { name: 'Connect Stripe' }).click();

  await expect(page.getByRole('heading', { name: 'Add the webhook endpoint in Stripe' })).toBeVisible();
  await expect(page.getByText('Needs setting up', { exact: true })).toBeVisible();
  const steps = page.getByRole('list', { name: 'Manual webhook set-up' });
  await expect(steps).toContainText('Developers → Webhooks');
  await expect(steps).toContainText('checkout.session.completed');
  await expect(steps).toContainText('2026-10-28.endive');
  await expect(page.getByRole('button', { name: 'Copy endpoint URL' })).toBeVisible();
  await shot(page, 'stripe-manual-setup');

  // What the person does in Stripe's dashboard: add the endpoint for the URL shown, and copy its signing secret.
  const url = await page.getByRole('textbox', { name: 'Webhook URL' }).inputValue();
  const created = await page.request.post(`${STAND_IN}/v1/webhook_endpoints`, {
    headers: { Authorization: `Bearer ${account.secretKey}` },
    form: { url, 'enabled_events[]': '*', api_version: '2026-10-28.endive' },
  });
  expect(created.status(), await created.text()).toBe(200);
  const { secret } = await created.json();

  await page.getByLabel('Webhook signing secret').fill(secret);
  await page.getByRole('button', { name: 'Finish set-up' }).click();
  await expect(page.getByText('Added by hand', { exact: true })).toBeVisible();
  await expect(page.getByText('Pay links take payments')).toBeVisible();
  await shot(page, 'stripe-manual-done');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the Stripe screen fits', async ({ page }) => {
    await signUp(page);
    const account = await standInAccount(page.request, 'Phone Payments');
    await page.goto('/settings/integrations/stripe');
    await shot(page, 'phone-stripe-not-connected');
    await page.getByLabel('Publishable key').fill(account.publishableKey);
    await page.getByRole('textbox', { name: 'Secret key' }).fill(account.secretKey);
    await page.getByRole('button', { name: 'Connect Stripe' }).click();
    await expect(page.getByText('Registered', { exact: true })).toBeVisible();
    await shot(page, 'phone-stripe-connected');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
