import { expect, test } from '@playwright/test';
import { inviteFromTeam, joinFromLink } from './people';
import { shot, signUp } from './support';

// Whole flows with two people on a shared two-core machine: give each the time a loaded run needs.
test.describe.configure({ timeout: 240_000 });

test("a permission granted on the roles screen shows in that role's menu after a reload", async ({ page, browser }) => {
  const org = await signUp(page);
  const link = await inviteFromTeam(page, `tom@${org.slug}.test`, 'Technician');
  const tom = await joinFromLink(browser, link, 'Tom Tech');
  const tomNavigation = tom.page.getByRole('navigation', { name: 'Main' });
  await expect(tomNavigation.getByRole('link', { name: 'Team' })).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roles' }).click();
  const matrix = page.getByRole('table', { name: 'Permissions of each role' });
  await expect(matrix.getByRole('rowheader', { name: 'Organisation', exact: true })).toBeVisible();
  await expect(matrix.getByRole('rowheader', { name: 'Service desk', exact: true })).toBeVisible();
  await expect(matrix.getByRole('checkbox', { name: 'View team for Admin' })).toBeChecked();
  await expect(matrix.getByRole('checkbox', { name: 'View team for Admin' })).toBeDisabled();
  await shot(page, 'roles');

  // Granting "manage" grants "view" with it; the group's select-all follows.
  await matrix.getByRole('checkbox', { name: 'Invite, change roles and deactivate members for Technician' }).check();
  await expect(matrix.getByRole('checkbox', { name: 'View team for Technician' })).toBeChecked();
  await matrix.getByRole('checkbox', { name: 'Invite, change roles and deactivate members for Technician' }).uncheck();
  await expect(page.getByRole('status').filter({ hasText: 'Unsaved changes to Technician' })).toBeVisible();
  await shot(page, 'roles-changed');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(/Saved the permissions of Technician/)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'No unsaved changes' })).toBeVisible();

  // Tom's next load brings the Team page into his menu, read-only.
  await tom.page.reload();
  await tomNavigation.getByRole('link', { name: 'Team' }).click();
  await expect(tom.page.getByRole('table', { name: 'Members' })).toContainText('Tom Tech');
  await expect(tom.page.getByRole('button', { name: 'Invite member' })).toHaveCount(0);
  await shot(tom.page, 'team-read-only');

  // Select-all per group, and a save over someone else's answers with the stale-edit message.
  const selectAll = matrix.getByRole('checkbox', { name: 'All Service desk permissions for Read-only' });
  await selectAll.check();
  await expect(matrix.getByRole('checkbox', { name: 'Approve, reject and reopen time for Read-only' })).toBeChecked();
  const read = await page.request.get('/api/saas/roles/ReadOnly/permissions');
  const { concurrencyStamp } = await read.json();
  const xsrf = decodeURIComponent((await page.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')!.value);
  const other = await page.request.put('/api/saas/roles/ReadOnly/permissions', {
    data: { grantedPermissions: ['Psa.Clients'], concurrencyStamp }, headers: { 'X-XSRF-TOKEN': xsrf },
  });
  expect(other.status()).toBe(200);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Someone else saved this first.', { exact: false })).toBeVisible();

  await tom.context.close();
});
