import { expect, test } from '@playwright/test';
import { approvedTime, billingDefaults, createClient, monthStart, sentInvoice, today, watchConsole } from './admin-support';
import { apiPost, shot, signUp } from './support';

test.describe.configure({ timeout: 240_000 });

/** A work date in last month: its 10th. */
function lastMonthDay(): string {
  return `${monthStart(today(), 1).slice(0, 8)}10`;
}

test('reports: the utilisation table follows the period and the grouping in the URL; unbilled time, aging and the export', async ({ page }) => {
  const org = await signUp(page);
  const errors = watchConsole(page);
  await billingDefaults(page);
  const contoso = await createClient(page, 'Contoso Ltd', org.slug);
  await approvedTime(page, contoso.id, 90); // this month: 1.5 h billable
  await apiPost(page.request, page.context(), '/api/psa/time-entries',
    { workDate: today(), durationMinutes: 30, description: 'Team meeting', billable: false, submit: true }); // internal, submitted
  await approvedTime(page, contoso.id, 240, lastMonthDay()); // last month: 4 h billable
  await sentInvoice(page, org.slug, 60, 'Fabrikam Ltd'); // something owed for the aging

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page).toHaveURL(/\/reports\/utilisation$/);
  const table = page.getByRole('table', { name: 'Utilisation by technician' });
  // This month: 1.5 h for Contoso, 1 h for Fabrikam (invoiced time still counts), 0.5 h internal.
  await expect(table.getByRole('row', { name: /Ada Admin/ })).toContainText('3.00');
  await expect(table.getByRole('row', { name: /Ada Admin/ })).toContainText('83.3%');
  await expect(page.getByRole('img', { name: /Stacked bar chart of billable and non-billable hours per technician/ })).toBeVisible();
  await shot(page, 'reports-utilisation');

  await page.getByRole('combobox', { name: 'Period' }).click();
  await page.getByRole('option', { name: 'Last month' }).click();
  await expect(page).toHaveURL(/period=last-month/);
  await expect(table.getByRole('row', { name: /Ada Admin/ })).toContainText('4.00');
  await expect(table.getByRole('row', { name: /Ada Admin/ })).toContainText('100.0%');

  await page.getByRole('radio', { name: 'By client' }).click();
  await expect(page).toHaveURL(/groupBy=client/);
  const byClient = page.getByRole('table', { name: 'Utilisation by client' });
  await expect(byClient.getByRole('row', { name: /Contoso Ltd/ })).toContainText('4.00');
  await page.reload();
  await expect(byClient.getByRole('row', { name: /Contoso Ltd/ })).toContainText('4.00'); // the URL keeps period and grouping
  await shot(page, 'reports-utilisation-by-client');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/^utilisation-by-client-\d{4}-\d{2}-01-to-\d{4}-\d{2}-\d{2}\.csv$/);

  await page.getByRole('tab', { name: 'Unbilled time' }).click();
  await expect(page).toHaveURL(/\/reports\/unbilled\?.*period=last-month/);
  const unbilled = page.getByRole('table', { name: 'Unbilled approved time by client' });
  await expect(unbilled.getByRole('row', { name: /Contoso Ltd/ })).toContainText('5.50');
  await shot(page, 'reports-unbilled');

  await page.getByRole('tab', { name: 'Invoice aging' }).click();
  const gbp = page.getByRole('article', { name: 'Aging in GBP' });
  await expect(gbp.getByRole('heading', { name: '£144.00 owed' })).toBeVisible();
  await expect(gbp.getByRole('table', { name: 'Aging buckets in GBP' }).getByRole('row', { name: /Current/ })).toContainText('£144.00');
  await expect(gbp.getByRole('table', { name: 'Clients owing in GBP' })).toContainText('Fabrikam Ltd');
  await shot(page, 'reports-aging');

  await page.getByRole('tab', { name: 'Accounting export' }).click();
  const exportLink = page.getByRole('link', { name: 'Download invoices CSV' });
  await expect(exportLink).toHaveAttribute('href', new RegExp(`/api/billing/invoices/export\\.csv\\?from=${monthStart(today(), 1)}&to=${monthStart(today())}$`));
  await shot(page, 'reports-export');

  // The custom period: this month only, typed.
  await page.getByRole('tab', { name: 'Utilisation' }).click();
  await page.getByLabel('From').fill(monthStart(today()));
  await page.getByLabel('From').dispatchEvent('change');
  await page.getByLabel('To', { exact: true }).fill(today());
  await page.getByLabel('To', { exact: true }).dispatchEvent('change');
  await expect(page).toHaveURL(new RegExp(`from=${monthStart(today())}&to=${today()}|to=${today()}.*from=${monthStart(today())}`));
  await expect(byClient.getByRole('row', { name: /Contoso Ltd/ })).toContainText('1.50');
  await expect(byClient.getByRole('row', { name: /Internal/ })).toContainText('0.50');
  expect(errors).toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the reports fit', async ({ page }) => {
    const org = await signUp(page);
    const client = await createClient(page, 'Contoso Ltd', org.slug);
    await approvedTime(page, client.id, 75);
    await page.goto('/reports/utilisation');
    await expect(page.getByRole('table', { name: 'Utilisation by technician' })).toContainText('1.25');
    await shot(page, 'phone-reports-utilisation');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.goto('/reports/aging');
    await expect(page.getByRole('heading', { name: 'Nothing is owed' })).toBeVisible();
    await shot(page, 'phone-reports-aging');
    await billingDefaults(page);
    await sentInvoice(page, org.slug, 60, 'Fabrikam Ltd');
    await page.reload();
    await expect(page.getByRole('article', { name: 'Aging in GBP' }).getByRole('table', { name: 'Clients owing in GBP' })).toContainText('Fabrikam Ltd');
    await shot(page, 'phone-reports-aging-owed');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
