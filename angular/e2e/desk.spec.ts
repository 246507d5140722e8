import { expect as baseExpect, test } from '@playwright/test';
import { PASSWORD, apiPost, linkFromMail, shot, signIn, signUp } from './support';
import { apiClient, apiTicket, chooseMany, moveTicket, pickClient, todayIn } from './desk-support';

// Each test walks a whole piece of the day (two browsers in some) on a two-core machine that also runs the host,
// Chromium and other suites, where an answer can take longer than the default 10 s.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 150_000 });

test('a client, a ticket worked through its lifecycle, and time logged from its timer shows on the ticket and the client', async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await signUp(page);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByRole('heading', { name: 'No clients yet' })).toBeVisible();
  await shot(page, 'clients-empty');

  // A client, with every field the API has.
  await page.getByRole('button', { name: 'New client' }).click();
  const clientForm = page.getByRole('dialog', { name: 'New client' });
  await clientForm.getByLabel('Name').fill('Contoso Ltd');
  await clientForm.getByLabel('Billing email').fill('not-an-email');
  await clientForm.getByLabel('Address').fill('1 High Street\nLondon');
  await clientForm.getByLabel('Notes').fill('Key account; call before visiting.');
  await expect(clientForm.getByRole('checkbox', { name: 'Time for this client is billable by default' })).toBeChecked();
  await clientForm.getByRole('button', { name: 'Create client' }).click();
  await expect(clientForm.getByText('Enter an email address')).toBeVisible();
  await shot(page, 'client-form');
  await clientForm.getByLabel('Billing email').fill('ap@contoso.test');
  await clientForm.getByRole('button', { name: 'Create client' }).click();

  await expect(page).toHaveURL(/\/clients\/[0-9a-f-]+\/overview$/);
  await expect(page.getByRole('heading', { name: 'Contoso Ltd' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Client details' })).toContainText('ap@contoso.test');
  await shot(page, 'client-overview');

  // A ticket for it, from the client's page.
  await page.getByRole('button', { name: 'New ticket' }).click();
  const ticketForm = page.getByRole('dialog', { name: 'New ticket' });
  await expect(ticketForm.getByRole('combobox', { name: 'Client', exact: true })).toHaveValue('Contoso Ltd');
  await ticketForm.getByLabel('Title').fill('Mailbox full');
  await ticketForm.getByLabel('Description').fill('The CEO cannot receive mail.');
  await ticketForm.getByRole('combobox', { name: 'Priority' }).click();
  await page.getByRole('option', { name: 'High' }).click();
  await shot(page, 'ticket-create');
  await ticketForm.getByRole('button', { name: 'Create ticket' }).click();

  await expect(page).toHaveURL(/\/tickets\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { name: 'T-000001 · Mailbox full' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Status: Open' })).toBeVisible();

  // The lifecycle, through the buttons the API allows next (and reopening).
  await moveTicket(page, 'Start work', 'In progress');
  await moveTicket(page, 'Wait on customer', 'Waiting on customer');
  await moveTicket(page, 'Escalate', 'Escalated');
  await moveTicket(page, 'Resolve', 'Resolved');
  await moveTicket(page, 'Close ticket', 'Closed');
  await expect(page.getByRole('group', { name: 'Change status' }).getByRole('button')).toHaveText([/Reopen/]);
  await moveTicket(page, 'Reopen', 'Open');
  await moveTicket(page, 'Start work', 'In progress');
  await shot(page, 'ticket-detail');

  // The timer survives a reload; stopping it opens Log time with the minutes, rounded up.
  await page.getByRole('button', { name: 'Start timer' }).click();
  await expect(page.getByRole('timer', { name: 'Time on the timer' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('timer', { name: 'Time on the timer' })).toHaveText(/^0:0\d$|^0:\d\d$/);
  await shot(page, 'ticket-timer');
  await page.getByRole('button', { name: 'Stop timer' }).click();

  const logTime = page.getByRole('dialog', { name: 'Log time' });
  await expect(logTime).toContainText('T-000001 · Mailbox full (Contoso Ltd)');
  await expect(logTime.getByLabel('Work date')).toHaveValue(todayIn());
  await expect(logTime.getByLabel('Duration')).toHaveValue('1m');
  await expect(logTime.getByRole('checkbox', { name: 'Billable' })).toBeChecked();
  await expect(logTime).toContainText("Contoso Ltd's time is billable by default.");
  await logTime.getByLabel('Duration').fill('1h 30m');
  await expect(logTime).toContainText('= 1h 30m');
  await logTime.getByLabel('Description').fill('Archived old mail and raised the quota');
  await shot(page, 'log-time');
  await logTime.getByRole('button', { name: 'Save and submit' }).click();
  await expect(logTime).toBeHidden();
  await expect(page.getByRole('button', { name: 'Start timer' })).toBeVisible();

  // A second entry, a draft from the Log time button.
  await page.getByRole('button', { name: 'Log time' }).click();
  await logTime.getByLabel('Duration').fill('45m');
  await logTime.getByLabel('Description').fill('Checked the mail flow the next morning');
  await logTime.getByRole('checkbox', { name: 'Billable' }).uncheck();
  await logTime.getByRole('button', { name: 'Save as draft' }).click();
  await expect(logTime).toBeHidden();

  const onTicket = page.getByRole('table', { name: 'Time entries on this ticket' });
  await expect(onTicket.getByRole('row', { name: /Archived old mail/ })).toContainText('Submitted');
  await expect(onTicket.getByRole('row', { name: /Archived old mail/ })).toContainText('1:30');
  await expect(onTicket.getByRole('row', { name: /Checked the mail flow/ })).toContainText('Draft');
  const totals = page.getByRole('region', { name: 'Time entries on this ticket' }).getByRole('definition');
  await expect(totals.first()).toHaveText('2:15');
  await expect(page.getByRole('region', { name: 'Time entries on this ticket' })).toContainText(/Billable\s*1:30/);
  await expect(page.getByRole('region', { name: 'Time entries on this ticket' })).toContainText(/Non-billable\s*0:45/);
  await expect(page.getByRole('combobox', { name: 'Client', exact: true })).toBeDisabled();
  await page.getByRole('region', { name: 'Time on this ticket' }).scrollIntoViewIfNeeded();
  await shot(page, 'ticket-with-time');

  // The draft is submitted from its row.
  await page.getByRole('button', { name: /Actions for .* Checked the mail flow/ }).click();
  await page.getByRole('menuitem', { name: 'Submit for approval' }).click();
  await expect(onTicket.getByRole('row', { name: /Checked the mail flow/ })).toContainText('Submitted');

  // The client's Time tab shows the same time; its Tickets tab the ticket. The tab is in the URL.
  await page.getByRole('link', { name: 'Contoso Ltd' }).click();
  await page.getByRole('tab', { name: 'Time' }).click();
  await expect(page).toHaveURL(/\/clients\/[0-9a-f-]+\/time$/);
  const clientTime = page.getByRole('table', { name: "The client's time entries" });
  await expect(clientTime.getByRole('row', { name: /Archived old mail/ })).toContainText('T-000001');
  await expect(clientTime.getByRole('row', { name: /Archived old mail/ })).toContainText('Submitted');
  await expect(page.getByRole('region', { name: "The client's time entries" }).getByRole('definition').first()).toHaveText('2:15');
  await shot(page, 'client-time');
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Time', selected: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Tickets' }).click();
  await expect(page.getByRole('table', { name: "The client's tickets" }).getByRole('link', { name: 'Mailbox full' })).toBeVisible();
  await shot(page, 'client-tickets');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tickets' }).click();
  await expect(page.getByRole('table', { name: 'Tickets' }).getByRole('row', { name: /T-000001/ })).toContainText('In progress');
  await shot(page, 'tickets');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByRole('table', { name: 'Clients' }).getByRole('link', { name: 'Contoso Ltd' })).toBeVisible();
  await shot(page, 'clients');
  expect(consoleErrors).toEqual([]);
});

test('deactivating a client asks first, hides it from the active list and keeps it under inactive', async ({ page }) => {
  await signUp(page);
  const client = await apiClient(page, 'Fabrikam');
  await page.goto(`/clients/${client.id}`);

  await page.getByRole('button', { name: 'Deactivate' }).click();
  const confirm = page.getByRole('dialog', { name: 'Deactivate Fabrikam?' });
  await expect(confirm).toContainText('Its tickets, time and invoices stay as they are');
  await shot(page, 'client-deactivate');
  await confirm.getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.getByRole('button', { name: 'Reactivate' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New ticket' })).toHaveCount(0);

  await page.goto('/clients');
  await expect(page.getByRole('heading', { name: 'No clients match' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'No clients yet' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Show' }).click();
  await page.getByRole('option', { name: 'Inactive clients' }).click();
  await expect(page.getByRole('table', { name: 'Clients' }).getByRole('row', { name: /Fabrikam/ })).toContainText('Inactive');
  await expect(page).toHaveURL(/isActive=false/);
});

test('the ticket and client filters live in the URL and survive a reload', async ({ page }) => {
  await signUp(page);
  const alpha = await apiClient(page, 'Alpha Dental');
  const beta = await apiClient(page, 'Beta Bakery');
  await apiTicket(page, alpha.id, 'Printer jams', 'High', 'InProgress');
  await apiTicket(page, alpha.id, 'Printer toner', 'Low', 'InProgress');
  await apiTicket(page, alpha.id, 'New laptop', 'High');
  await apiTicket(page, beta.id, 'Printer offline', 'High', 'InProgress');

  await page.goto('/tickets');
  await page.getByLabel('Search tickets').fill('printer');
  await chooseMany(page, 'Status', ['In progress']);
  await chooseMany(page, 'Priority', ['High']);
  await pickClient(page, 'Client', 'Alpha Dental');
  const rows = page.getByRole('table', { name: 'Tickets' }).getByRole('row');
  await expect(rows).toHaveCount(2); // the header and "Printer jams"
  await expect(rows.nth(1)).toContainText('Printer jams');
  await expect(page).toHaveURL(/text=printer/);
  await expect(page).toHaveURL(/status=InProgress/);
  await expect(page).toHaveURL(/priority=High/);
  await expect(page).toHaveURL(new RegExp(`clientId=${alpha.id}`));

  await page.reload();

  await expect(page.getByLabel('Search tickets')).toHaveValue('printer');
  await expect(page.getByRole('combobox', { name: 'Status' })).toContainText('In progress');
  await expect(page.getByRole('combobox', { name: 'Priority' })).toContainText('High');
  await expect(page.getByRole('combobox', { name: 'Client', exact: true })).toHaveValue('Alpha Dental');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Printer jams');
  await shot(page, 'tickets-filtered');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(5);

  await page.goto('/clients');
  await page.getByLabel('Search clients').fill('bak');
  await expect(page.getByRole('table', { name: 'Clients' }).getByRole('link')).toHaveText(['Beta Bakery']);
  await page.reload();
  await expect(page.getByLabel('Search clients')).toHaveValue('bak');
  await expect(page.getByRole('table', { name: 'Clients' }).getByRole('link')).toHaveText(['Beta Bakery']);
  await shot(page, 'clients-filtered');
});

test('saving a ticket someone else saved first says so and reloads their version', async ({ page, browser }) => {
  const org = await signUp(page);
  const client = await apiClient(page, 'Contoso');
  const ticket = await apiTicket(page, client.id, 'VPN drops');
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto('/sign-in');
  await signIn(second, org.slug, org.email);
  await expect(second).toHaveURL(/\/dashboard/);

  await page.goto(`/tickets/${ticket.id}`);
  await second.goto(`/tickets/${ticket.id}`);
  await expect(second.getByLabel('Title')).toHaveValue('VPN drops');
  await page.getByLabel('Title').fill('VPN drops every hour');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Ticket saved.')).toBeVisible();

  await second.getByLabel('Title').fill('VPN drops on Wi-Fi');
  await second.getByRole('button', { name: 'Save changes' }).click();

  await expect(second.getByText('Someone else saved this first.')).toBeVisible();
  await shot(second, 'ticket-conflict');
  await second.getByRole('button', { name: 'Reload' }).click();
  await expect(second.getByLabel('Title')).toHaveValue('VPN drops every hour');
  await expect(second.getByRole('heading', { name: /VPN drops every hour/ })).toBeVisible();
  await other.close();
});

test('a technician works tickets but cannot create clients, and is refused on a deep link beyond their role', async ({ page, browser }) => {
  const org = await signUp(page);
  const client = await apiClient(page, 'Contoso');
  const ticket = await apiTicket(page, client.id, 'Printer on fire');
  const email = `tom@${org.slug}.test`;
  await apiPost(page.request, page.context(), '/api/saas/invitations', { email, role: 'Technician' });
  const technician = await browser.newContext();
  const tom = await technician.newPage();
  await tom.goto(await linkFromMail(email, '/accept-invitation?token='));
  await tom.getByLabel('Your name').fill('Tom Tech');
  await tom.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await tom.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(tom).toHaveURL(/\/dashboard/);

  await tom.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
  await expect(tom.getByRole('table', { name: 'Clients' }).getByRole('link', { name: 'Contoso' })).toBeVisible();
  await expect(tom.getByRole('button', { name: 'New client' })).toHaveCount(0);
  await expect(tom.getByRole('button', { name: 'Actions for Contoso' })).toHaveCount(0);
  await shot(tom, 'clients-technician');
  await tom.getByRole('link', { name: 'Contoso' }).click();
  await expect(tom.getByRole('button', { name: 'Edit client' })).toHaveCount(0);
  await expect(tom.getByRole('button', { name: 'Deactivate' })).toHaveCount(0);

  // Tickets are theirs to work: assign to themselves and log time.
  await tom.goto(`/tickets/${ticket.id}`);
  await tom.getByRole('combobox', { name: 'Assignee' }).click();
  await tom.getByRole('option', { name: 'Me (Tom Tech)' }).click();
  await tom.getByRole('button', { name: 'Save changes' }).click();
  await expect(tom.getByText('Ticket saved.')).toBeVisible();
  await moveTicket(tom, 'Start work', 'In progress');
  await shot(tom, 'ticket-technician');

  await tom.goto('/time/approvals');
  await expect(tom.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible();
  await expect(tom).toHaveURL(/\/time\/approvals$/);
  await technician.close();
});
