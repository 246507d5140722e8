import { expect, test } from '@playwright/test';
import { logoPng, watchConsole } from './admin-support';
import { apiGet, apiPut, shot, signUp } from './support';

test.describe.configure({ timeout: 240_000 });

test('an admin changes the organisation settings and its logo; a stale save offers Reload', async ({ page }) => {
  const org = await signUp(page);
  const errors = watchConsole(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisation' }).click();
  await expect(page.getByRole('heading', { name: 'Organisation', exact: true, level: 1 })).toBeVisible();
  await expect(page.getByLabel('Organisation name')).toHaveValue(org.name);
  await expect(page.getByText('PNG or JPEG, at most 512 KB and 4000 pixels on a side.')).toBeVisible();
  await shot(page, 'settings-organisation');

  await page.getByLabel('Organisation name').fill(`${org.name} Ltd`);
  await page.getByLabel('Address').fill('1 High Street\nLondon EC1 1AA');
  await page.getByLabel('Invoice prefix').fill('nw 1');
  await page.getByLabel('Payment terms (days)').fill('14');
  await page.getByLabel('Tax rate (%)').fill('20');
  await page.getByLabel('Default hourly rate').fill('95.5');
  await page.getByRole('switch', { name: 'Reviewers may approve their own time' }).click();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Use 1 to 10 capital letters, digits or hyphens, such as INV.')).toBeVisible();
  await page.getByLabel('Invoice prefix').fill('NW');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Organisation settings saved.')).toBeVisible();
  await expect(page.getByRole('banner').getByText(`${org.name} Ltd`)).toBeVisible();
  const saved = await apiGet(page.request, '/api/saas/settings');
  expect(saved).toEqual(expect.objectContaining({ organizationName: `${org.name} Ltd`, address: '1 High Street\nLondon EC1 1AA', invoicePrefix: 'NW', paymentTermsDays: 14, taxRatePercent: 20, defaultHourlyRate: 95.5, allowSelfApproval: true }));

  // The logo: a file that is not an image is refused before upload; a PNG is shown and can be removed.
  await page.getByLabel('Logo file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') });
  await expect(page.getByRole('alert').filter({ hasText: 'notes.txt is not a PNG or JPEG image.' })).toBeVisible();
  await page.getByLabel('Logo file').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logoPng() });
  await expect(page.getByRole('img', { name: "Your organisation's logo" })).toBeVisible();
  await expect(page.getByText('Logo saved.')).toBeVisible();
  expect((await page.request.get('/api/saas/settings/logo')).status()).toBe(200);
  await shot(page, 'settings-organisation-logo');
  // A file claiming to be a PNG whose bytes are not is refused by the API, with its reason beside the logo.
  await page.getByLabel('Logo file').setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('GIF89a not really a png at all') });
  await expect(page.getByRole('alert').filter({ hasText: 'Use a PNG or JPEG image.' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove logo' }).click();
  await expect(page.getByText('No logo yet')).toBeVisible();
  expect((await page.request.get('/api/saas/settings/logo')).status()).toBe(404);

  // Someone else saves in between: this save is refused with Reload, which shows their change.
  await page.reload();
  await expect(page.getByLabel('Organisation name')).toHaveValue(`${org.name} Ltd`);
  await apiPut(page.request, page.context(), '/api/saas/settings', { ...(await apiGet(page.request, '/api/saas/settings')), paymentTermsDays: 45 });
  await page.getByLabel('Tax rate (%)').fill('17.5');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Someone else saved this first.', { exact: false })).toBeVisible();
  await shot(page, 'settings-organisation-conflict');
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByLabel('Payment terms (days)')).toHaveValue('45');
  expect(errors.filter((e) => !e.includes('status of 4'))).toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the organisation settings fit', async ({ page }) => {
    await signUp(page);
    await page.goto('/settings/organisation');
    await expect(page.getByLabel('Organisation name')).toBeVisible();
    await shot(page, 'phone-settings-organisation');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
