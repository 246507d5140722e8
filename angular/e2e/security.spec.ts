import { expect, test } from '@playwright/test';
import { signUp, xsrfToken } from './support';

test('a change request carrying the session cookie but no XSRF header is refused', async ({ page }) => {
  const org = await signUp(page);
  const settings = await (await page.request.get('/api/saas/settings')).json();

  const forged = await page.request.put('/api/saas/settings', { data: { ...settings, organizationName: 'Forged' } });

  expect(forged.status()).toBe(400);
  expect((await forged.json()).code).toBe('Security:Antiforgery');
  const genuine = await page.request.put('/api/saas/settings', {
    data: { ...settings, organizationName: `${org.name} Ltd` },
    headers: { 'X-XSRF-TOKEN': await xsrfToken(page.context()) },
  });
  expect(genuine.status()).toBe(200);
  expect((await (await page.request.get('/api/saas/settings')).json()).organizationName).toBe(`${org.name} Ltd`);
});

test('a session that ends while the app is open returns to sign-in and back afterwards', async ({ page }) => {
  const org = await signUp(page);
  await page.goto('/profile');
  // Sign out behind the app's back (another tab would do the same).
  await page.request.post('/api/account/logout', { headers: { 'X-XSRF-TOKEN': await xsrfToken(page.context()) } });

  await page.getByRole('link', { name: 'Dashboard' }).click();

  await expect(page).toHaveURL(/\/sign-in\?returnUrl=/);
  await page.getByLabel('Organisation').fill(org.slug);
  await page.getByLabel('Email').fill(org.email);
  await page.getByLabel('Password', { exact: true }).fill('Correct-Horse-9');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
});
