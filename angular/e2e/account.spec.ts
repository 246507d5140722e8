import { expect, test } from '@playwright/test';
import { PASSWORD, linkFromMail, newOrganisation, shot, signIn, signOut, signUp } from './support';

test('signing up lands on the dashboard, signed in, with the organisation in the toolbar', async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));

  const org = await signUp(page, newOrganisation(), 'sign-up');

  await expect(page.getByRole('banner').getByText(org.name)).toBeVisible();
  await expect(page.getByRole('region', { name: 'My hours this week' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No time logged this week' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Approval queue' })).toBeVisible();
  await shot(page, 'dashboard');

  await page.getByRole('button', { name: /User menu/ }).click();
  await shot(page, 'user-menu');
  await page.getByRole('menuitem', { name: 'Profile' }).click();
  await expect(page.getByRole('heading', { name: 'Profile' })).toBeVisible();
  await expect(page.getByText(org.email)).toBeVisible();
  await shot(page, 'profile');
  expect(consoleErrors).toEqual([]);
});

test('a deep link while signed out goes through sign-in and back to the page asked for', async ({ page }) => {
  const org = await signUp(page);
  await signOut(page);
  await expect(page.getByText('You have signed out.')).toBeVisible();

  await page.goto('/profile');

  await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Fprofile/);
  await expect(page.getByText('Sign in to continue to the page you asked for.')).toBeVisible();
  await shot(page, 'sign-in');
  await signIn(page, org.slug, org.email);
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole('heading', { name: 'Profile' })).toBeVisible();
});

test('a wrong password shows the API message and keeps the person on sign-in', async ({ page }) => {
  const org = await signUp(page);
  await signOut(page);

  await signIn(page, org.slug, org.email, 'Wrong-Horse-1');

  await expect(page.getByRole('alert')).toContainText('The organisation, email or password is not right.');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByLabel('Email')).toHaveValue(org.email);
  await shot(page, 'sign-in-wrong-password');
});

test('a forgotten password is reset through the emailed link', async ({ page }) => {
  const org = await signUp(page);
  await signOut(page);

  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByLabel('Organisation').fill(org.slug);
  await page.getByLabel('Email').fill(org.email);
  await page.getByRole('button', { name: 'Email me a link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'a reset link is on its way' })).toBeVisible();
  await shot(page, 'forgot-password');

  await page.goto(await linkFromMail(org.email, '/reset-password?'));
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('Use at least 8 characters.')).toBeVisible();
  await shot(page, 'reset-password-weak');
  await page.getByLabel('New password').fill('Fresh-Battery-42');
  await page.getByRole('button', { name: 'Set new password' }).click();

  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByText('Your password has been changed.')).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill('Fresh-Battery-42');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  expect(PASSWORD).not.toBe('Fresh-Battery-42');
});

test('an unknown page says so inside the app', async ({ page }) => {
  await signUp(page);

  await page.goto('/no-such-page');

  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await shot(page, 'not-found');
});
