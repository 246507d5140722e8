import { expect, test } from '@playwright/test';
import { inviteFromTeam, joinFromLink } from './people';
import { linkFromMail, shot, signUp } from './support';

// Whole flows with two people on a shared two-core machine: give each the time a loaded run needs.
test.describe.configure({ timeout: 240_000 });

test('an invited technician joins from the emailed link and sees only what a technician may', async ({ page, browser }) => {
  const org = await signUp(page);
  const email = `tom@${org.slug}.test`;
  await inviteFromTeam(page, email, 'Technician');
  const link = await linkFromMail(email, '/accept-invitation?token=');

  const technician = await browser.newContext();
  const tom = await technician.newPage();
  await tom.goto(link);
  await expect(tom.getByRole('heading', { name: 'Join your team' })).toBeVisible();
  await tom.getByLabel('Your name').fill('Tom Tech');
  await tom.getByLabel('Password', { exact: true }).fill('Correct-Horse-9');
  await shot(tom, 'accept-invitation');
  await tom.getByRole('button', { name: 'Accept invitation' }).click();

  await expect(tom).toHaveURL(/\/dashboard/);
  await expect(tom.getByText(org.name)).toBeVisible();
  const navigation = tom.getByRole('navigation', { name: 'Main' });
  await expect(navigation.getByRole('link', { name: 'My timesheet' })).toBeVisible();
  await expect(navigation.getByRole('link', { name: 'Tickets' })).toBeVisible();
  await expect(navigation.getByRole('link', { name: 'Approvals' })).toHaveCount(0);
  await expect(navigation.getByRole('link', { name: 'Team' })).toHaveCount(0);
  await expect(navigation.getByRole('link', { name: 'Roles' })).toHaveCount(0);
  await expect(tom.getByRole('region', { name: 'Approval queue' })).toHaveCount(0);
  await shot(tom, 'dashboard-technician');

  for (const path of ['/time/approvals', '/settings/team', '/settings/roles']) {
    await tom.goto(path);
    await expect(tom.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible();
    await expect(tom).toHaveURL(new RegExp(`${path}$`));
  }
  await shot(tom, 'not-allowed');

  await technician.close();
});

test('the team screen invites, changes a role, deactivates, and explains what the API refuses', async ({ page, browser }) => {
  const org = await signUp(page);
  const email = `una@${org.slug}.test`;
  const link = await inviteFromTeam(page, email, 'Read-only');
  await expect(page.getByRole('list', { name: 'Pending invitations' })).toContainText(email);
  await shot(page, 'team-invitation-pending');
  const una = await joinFromLink(browser, link, 'Una User');

  await page.reload();
  const members = page.getByRole('table', { name: 'Members' });
  const row = members.getByRole('row', { name: /Una User/ });
  await expect(row).toContainText('Read-only');
  await expect(row).toContainText('Active');
  await expect(page.getByRole('list', { name: 'Pending invitations' })).toHaveCount(0);

  // Change her role.
  await row.getByRole('button', { name: 'Manage Una User' }).click();
  await page.getByRole('menuitem', { name: 'Change role' }).click();
  const change = page.getByRole('dialog', { name: "Change Una User's role" });
  await change.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'Technician', exact: true }).click();
  await shot(page, 'team-change-role');
  await change.getByRole('button', { name: 'Change role' }).click();
  await expect(page.getByText('Una User is now Technician.')).toBeVisible();
  await expect(row).toContainText('Technician');

  // Filters are in the URL.
  await page.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'Technician', exact: true }).click();
  await expect(page).toHaveURL(/role=Technician/);
  await expect(members.getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // Deactivate her: she is signed out at once.
  await row.getByRole('button', { name: 'Manage Una User' }).click();
  await page.getByRole('menuitem', { name: 'Deactivate' }).click();
  await page.getByRole('dialog', { name: 'Deactivate Una User?' }).getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.getByText('Una User is deactivated and signed out.')).toBeVisible();
  await expect(row).toContainText('Deactivated');
  await una.page.reload();
  await expect(una.page).toHaveURL(/\/sign-in/);
  await una.context.close();

  // The API's rules, explained: nobody deactivates themselves.
  const me = members.getByRole('row', { name: /Ada Admin/ });
  await me.getByRole('button', { name: 'Manage Ada Admin' }).click();
  await page.getByRole('menuitem', { name: 'Deactivate' }).click();
  await page.getByRole('dialog', { name: 'Deactivate Ada Admin?' }).getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.getByRole('alert')).toContainText('You cannot deactivate yourself');
  await expect(page.getByRole('alert')).toContainText('nobody locks themselves out');
  await shot(page, 'team-refusal');

  // Reactivating brings her back.
  await row.getByRole('button', { name: 'Manage Una User' }).click();
  await page.getByRole('menuitem', { name: 'Reactivate' }).click();
  await expect(page.getByText('Una User can sign in again.')).toBeVisible();
  await expect(row).toContainText('Active');
  await shot(page, 'team');
});
