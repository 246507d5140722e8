import { expect, test } from '@playwright/test';
import { shot, signUp } from './support';

test.use({ viewport: { width: 390, height: 844 } });

test('on a phone the navigation folds into a menu button and every screen fits', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await shot(page, 'phone-sign-in');
  await page.goto('/sign-up');
  await shot(page, 'phone-sign-up');

  const org = await signUp(page);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await shot(page, 'phone-dashboard');

  await page.getByRole('button', { name: 'Open navigation' }).click();
  const navigation = page.getByRole('navigation', { name: 'Main' });
  await expect(navigation).toBeVisible();
  await shot(page, 'phone-navigation');
  await navigation.getByRole('link', { name: 'Clients' }).click();
  await expect(navigation).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Clients', exact: true })).toBeVisible();
  await shot(page, 'phone-clients-empty');

  await page.goto('/profile');
  await expect(page.getByText(org.email)).toBeVisible();
  await shot(page, 'phone-profile');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});
