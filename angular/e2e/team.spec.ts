import { expect, test } from '@playwright/test';
import { PASSWORD, apiPost, linkFromMail, shot, signUp } from './support';

test('an invited technician joins from the emailed link and sees only what a technician may', async ({ page, browser }) => {
  const org = await signUp(page);
  const email = `tom@${org.slug}.test`;
  // The Team screen comes later; the admin invites through the API with the browser's own session.
  await apiPost(page.request, page.context(), '/api/saas/invitations', { email, role: 'Technician' });
  const link = await linkFromMail(email, '/accept-invitation?token=');

  const technician = await browser.newContext();
  const tom = await technician.newPage();
  await tom.goto(link);
  await expect(tom.getByRole('heading', { name: 'Join your team' })).toBeVisible();
  await tom.getByLabel('Your name').fill('Tom Tech');
  await tom.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await shot(tom, 'accept-invitation');
  await tom.getByRole('button', { name: 'Accept invitation' }).click();

  await expect(tom).toHaveURL(/\/dashboard/);
  await expect(tom.getByText(org.name)).toBeVisible();
  const navigation = tom.getByRole('navigation', { name: 'Main' });
  await expect(navigation.getByRole('link', { name: 'My timesheet' })).toBeVisible();
  await expect(navigation.getByRole('link', { name: 'Tickets' })).toBeVisible();
  await expect(navigation.getByRole('link', { name: 'Approvals' })).toHaveCount(0);
  await expect(navigation.getByRole('link', { name: 'Team' })).toHaveCount(0);
  await expect(tom.getByRole('region', { name: 'Approval queue' })).toHaveCount(0);
  await shot(tom, 'dashboard-technician');

  await tom.goto('/time/approvals');

  await expect(tom.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible();
  await expect(tom).toHaveURL(/\/time\/approvals$/);
  await shot(tom, 'not-allowed');

  await technician.close();
});
