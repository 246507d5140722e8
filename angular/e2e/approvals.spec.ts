import { expect, test } from '@playwright/test';
import { addInternalRow, gridCell, inviteFromTeam, joinFromLink } from './people';
import { apiPost, linkFromMail, shot, signUp } from './support';

// Whole flows with two people on a shared two-core machine: give each the time a loaded run needs.
test.describe.configure({ timeout: 240_000 });

test('the manager rejects with a reason, the technician fixes and resubmits, the manager approves and can reopen', async ({ page, browser }) => {
  const org = await signUp(page);
  const email = `tom@${org.slug}.test`;
  const shown = await inviteFromTeam(page, email, 'Technician');
  expect(await linkFromMail(email, '/accept-invitation?token=')).toBe(shown);
  const { context, page: tom } = await joinFromLink(browser, shown, 'Tom Tech');

  // Tom fills two days of internal work and submits the week.
  await tom.goto('/time/timesheet');
  await addInternalRow(tom, 'Patch Tuesday prep');
  await gridCell(tom, 'Internal', 'Monday').fill('1:30');
  await gridCell(tom, 'Internal', 'Tuesday').fill('2h');
  await tom.getByRole('button', { name: 'Submit week' }).click();
  await expect(tom.getByText('Submitted 2 entries for approval.')).toBeVisible();

  // The manager sees Tom's group with its totals and rejects Monday with a reason.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Approvals' }).click();
  const group = page.getByRole('region', { name: 'Tom Tech' });
  await expect(group.getByRole('heading', { name: 'Tom Tech' })).toBeVisible();
  await expect(group).toContainText('2 entries');
  await expect(group.getByRole('definition').nth(0)).toHaveText('3:30');
  await expect(group.getByRole('definition').nth(2)).toHaveText('3:30');
  await shot(page, 'approvals-queue');

  await group.getByRole('checkbox', { name: /^Select Tom Tech, Internal, \d{4}-\d{2}-\d{2}, 1:30$/ }).check();
  await expect(page.getByRole('status').filter({ hasText: '1 selected' })).toContainText('1:30');
  await page.getByRole('button', { name: 'Reject…' }).click();
  const reject = page.getByRole('dialog', { name: 'Reject time' });
  await reject.getByRole('button', { name: 'Reject' }).click();
  await expect(reject.getByText('Say why, so the technician knows what to change.')).toBeVisible();
  await reject.getByRole('textbox', { name: 'Reason' }).fill('Split this per ticket, please');
  await shot(page, 'approvals-reject');
  await reject.getByRole('button', { name: 'Reject' }).click();
  await expect(page.getByText(/Rejected 1 entry/)).toBeVisible();
  await expect(group).toContainText('1 entry');

  // Tom sees why, changes the day and submits it again.
  await tom.reload();
  const rejected = tom.getByRole('region', { name: 'Rejected entries' });
  await expect(rejected).toContainText('Split this per ticket, please');
  const monday = gridCell(tom, 'Internal', 'Monday');
  await expect(monday).toHaveAccessibleDescription(/Rejected: Split this per ticket, please/);
  await expect(monday).not.toHaveAttribute('readonly');
  await shot(tom, 'timesheet-rejected');
  await monday.fill('1:00');
  await tom.getByRole('button', { name: 'Submit week' }).click();
  await expect(tom.getByText('Submitted 1 entry for approval.')).toBeVisible();
  await expect(rejected).toBeHidden();

  // The manager approves the whole group.
  await page.reload();
  await page.getByRole('checkbox', { name: "Select all of Tom Tech's entries shown" }).check();
  await expect(page.getByRole('status').filter({ hasText: '2 selected' })).toContainText('3:00');
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText('Approved 2 entries.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nothing is waiting for approval' })).toBeVisible();
  await shot(page, 'approvals-empty');

  // Approved and not invoiced: the history shows every step, and the approval can be taken back.
  await page.getByRole('button', { name: 'See recently approved' }).click();
  await expect(page).toHaveURL(/tab=approved/);
  const approved = page.getByRole('table', { name: 'Approved time' });
  // Monday's entry, the one that was rejected and changed to 1:00.
  await approved.getByRole('row').filter({ hasText: '1:00' }).getByRole('button', { name: /^History of Tom Tech/ }).click();
  const side = page.getByRole('complementary', { name: /History of the entry of Tom Tech/ });
  await expect(side.getByRole('list', { name: 'History' }).getByRole('listitem')).toHaveCount(5);
  await expect(side).toContainText('Submitted → Rejected');
  await expect(side).toContainText('“Split this per ticket, please”');
  await expect(side).toContainText('Rejected → Submitted');
  await shot(page, 'approvals-history');
  await side.getByRole('button', { name: 'Reopen this entry' }).click();
  await expect(page.getByText(/Reopened: Tom Tech's entry/)).toBeVisible();
  await expect(side.getByRole('list', { name: 'History' }).getByRole('listitem')).toHaveCount(6);
  await page.getByRole('tab', { name: 'Waiting for approval' }).click();
  await expect(page.getByRole('region', { name: 'Tom Tech' })).toContainText('1 entry');

  await context.close();
});

test('a reviewer approving their own time is told about the second-reviewer rule, and nothing changes', async ({ page }) => {
  const org = await signUp(page);
  // A second member makes this a team, where self-approval is off by default.
  await apiPost(page.request, page.context(), '/api/saas/invitations', { email: `una@${org.slug}.test`, role: 'Technician' });
  const link = await linkFromMail(`una@${org.slug}.test`, '/accept-invitation?token=');
  await apiPost(page.request, page.context(), '/api/saas/invitations/accept', { token: new URL(link).searchParams.get('token'), name: 'Una User', password: 'Correct-Horse-9' });
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  await apiPost(page.request, page.context(), '/api/psa/time-entries', { ticketId: null, clientId: null, workDate: today, durationMinutes: 45, description: 'Own admin work', billable: false, submit: true });

  await page.goto('/time/approvals');
  await page.getByRole('checkbox', { name: 'Select all shown' }).check();
  await page.getByRole('button', { name: 'Approve' }).click();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Nothing was changed. Your organisation requires a second reviewer');
  await expect(alert).toContainText('allow self-approval in the organisation settings');
  await expect(page.getByRole('region', { name: 'Ada Admin' })).toContainText('You cannot approve your own time');
  await shot(page, 'approvals-self-approval');
  await alert.getByRole('button', { name: 'Leave those out of the selection' }).click();
  await expect(page.getByRole('button', { name: 'Approve' })).toBeDisabled();
});
