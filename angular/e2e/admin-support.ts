import { APIRequestContext, Page, expect } from '@playwright/test';
import { apiGet, apiPost, apiPut } from './support';

/** The Stripe stand-in the test run started next to the host (its hosted checkout page and control API). */
export const STAND_IN = process.env['REGENTRA_E2E_STRIPE'] ?? 'http://127.0.0.1:12111';
/** The host operator the test run created at start-up (HostAdmin__Email / HostAdmin__Password). */
export const HOST_OPERATOR = {
  email: process.env['REGENTRA_E2E_HOST_EMAIL'] ?? 'ops@regentra.test',
  password: process.env['REGENTRA_E2E_HOST_PASSWORD'] ?? '',
};

export interface StandInAccount {
  accountId: string;
  publishableKey: string;
  secretKey: string;
  restrictedKey: string;
}

/** A fresh Stripe account on the stand-in, with its own keys (so tests never share webhook endpoints). */
export async function standInAccount(request: APIRequestContext, name = 'Northwind IT'): Promise<StandInAccount> {
  const response = await request.post(`${STAND_IN}/_standin/accounts`, { data: { name, country: 'GB', defaultCurrency: 'gbp', livemode: false, restricted: false } });
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

/** The next `times` calls to a stand-in path fail with `status` (Stripe.net retries twice, so 3 makes a call fail). */
export async function standInFault(request: APIRequestContext, path: string, status: number, times = 3): Promise<void> {
  const response = await request.post(`${STAND_IN}/_standin/faults`, { data: { path, status, times } });
  expect(response.ok(), await response.text()).toBe(true);
}

/** Waits until the stand-in has delivered every webhook it queued. */
export async function standInIdle(request: APIRequestContext): Promise<void> {
  const response = await request.get(`${STAND_IN}/_standin/wait-idle?timeout=20`);
  expect(response.ok(), await response.text()).toBe(true);
}

/** Today and the month's bounds in the organisation's time zone (sign-up takes the browser's: Europe/London). */
export function today(timeZone = 'Europe/London'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function monthStart(date: string, monthsBack = 0): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(year, month - 1 - monthsBack, 1));
  return d.toISOString().slice(0, 10);
}

/** Billing defaults a new organisation lacks: a default hourly rate and tax, so approved time makes a non-zero invoice. */
export async function billingDefaults(page: Page, rate = 120, tax = 20): Promise<void> {
  const settings = await apiGet(page.request, '/api/saas/settings');
  await apiPut(page.request, page.context(), '/api/saas/settings', { ...settings, defaultHourlyRate: rate, taxRatePercent: tax });
}

export async function createClient(page: Page, name: string, slug: string): Promise<{ id: string; name: string }> {
  return apiPost(page.request, page.context(), '/api/psa/clients', { name, billingEmail: `accounts@${slug}-client.test` });
}

/** Approved time for a client, logged and approved by the organisation's only member (who may then approve their own). */
export async function approvedTime(page: Page, clientId: string, minutes: number, workDate = today(), billable = true): Promise<string> {
  const entry = await apiPost(page.request, page.context(), '/api/psa/time-entries',
    { clientId, workDate, durationMinutes: minutes, description: 'Patched the file server and checked the backups', billable, submit: true });
  await apiPost(page.request, page.context(), '/api/psa/time-entries/approve', { ids: [entry.id] });
  return entry.id;
}

export interface SentInvoice {
  id: string;
  number: string;
  total: number;
  payUrl: string;
}

/** A sent invoice for this month's approved time of a new client: approved time → generate → send. */
export async function sentInvoice(page: Page, slug: string, minutes = 90, clientName = 'Contoso Ltd'): Promise<SentInvoice> {
  const client = await createClient(page, clientName, slug);
  await approvedTime(page, client.id, minutes);
  const from = monthStart(today());
  const to = monthStart(today(), -1);
  const draft = await apiPost(page.request, page.context(), '/api/billing/invoices', { clientId: client.id, from, to });
  const sent = await apiPost(page.request, page.context(), `/api/billing/invoices/${draft.id}/send`, null);
  return { id: sent.invoice.id, number: sent.invoice.number, total: sent.invoice.total, payUrl: sent.invoice.payUrl };
}

/** Connects the organisation to a fresh stand-in account over the API (the Stripe screen's own test does it by hand). */
export async function connectStripe(page: Page): Promise<StandInAccount> {
  const account = await standInAccount(page.request);
  const connection = await apiPut(page.request, page.context(), '/api/billing/stripe', { publishableKey: account.publishableKey, secretKey: account.secretKey });
  expect(connection.webhookStatus).toBe('Registered');
  return account;
}

/** A small real PNG logo (160 × 48: a blue square and two bars), made without any image library. */
export function logoPng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAKAAAAAwCAIAAAAZy+Y5AAAAj0lEQVR42u3YsQ3AIAwAQfbIcNmLDbIDTSaDFUDCBeZe7pF8lSldqStWAFiABViABViANQX8vH/oWD1gARZgwIABAwa8Fzj69UwDGDBgwIABAwYMGDBgwOZ8YPnJEmABBgwYMGDAq8D1a8kGMGDAgAEDBgwYMGBnkjMJMGABFmABBizAAizAAizAAizAVzQAGd+DbnNPCzcAAAAASUVORK5CYII=',
    'base64',
  );
}

/** Collects the app's console errors and page errors, to assert a screen logs none (the stand-in's own pages are not ours). */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !page.url().startsWith(STAND_IN)) errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
