import { Page } from '@playwright/test';
import { apiPost, apiPut } from './support';

/** Arranging billing data through the API, as the signed-in browser (its cookies and XSRF header). */

export const ORG_TIME_ZONE = 'Europe/London';

/** A calendar day in the organisation's time zone (the browser's, which sign-up takes). */
export function orgDay(offsetDays = 0, base = new Date()): string {
  const date = new Date(base.getTime() + offsetDays * 86_400_000);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: ORG_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The first day of the month `months` away from this one (0 = this month). */
export function monthStart(months = 0): string {
  const [y, m] = orgDay().split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 10);
}

export function monthName(day: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(`${day}T00:00:00Z`));
}

export function gbp(amount: number): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(amount);
}

export async function createClient(page: Page, name: string, billingEmail: string | null = `ap@${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.test`): Promise<string> {
  const client = await apiPost(page.request, page.context(), '/api/psa/clients', { name, billingEmail });
  return client.id as string;
}

export async function createTicket(page: Page, clientId: string, title: string): Promise<string> {
  const ticket = await apiPost(page.request, page.context(), '/api/psa/tickets', { clientId, title, priority: 'Normal' });
  return ticket.id as string;
}

export interface TimeToLog {
  ticketId?: string;
  clientId?: string;
  workDate: string;
  minutes: number;
  description: string;
  /** Draft (not submitted), Submitted, or Approved (submitted, then approved by the signed-in admin). */
  status: 'Draft' | 'Submitted' | 'Approved';
}

export async function logTime(page: Page, entry: TimeToLog): Promise<string> {
  const created = await apiPost(page.request, page.context(), '/api/psa/time-entries', {
    ticketId: entry.ticketId ?? null, clientId: entry.ticketId ? null : entry.clientId, workDate: entry.workDate, durationMinutes: entry.minutes,
    description: entry.description, billable: true, submit: entry.status !== 'Draft',
  });
  if (entry.status === 'Approved') await apiPost(page.request, page.context(), '/api/psa/time-entries/approve', { ids: [created.id] });
  return created.id as string;
}

export async function setAgreement(page: Page, clientId: string, agreement: Record<string, unknown>) {
  return apiPut(page.request, page.context(), `/api/billing/clients/${clientId}/agreement`, {
    rollover: false, rounding: null, autoInvoice: false, autoSend: false, effectiveTo: null, ...agreement,
  });
}

/** Fails on any console error or uncaught exception of the page (a screen that throws is not done). */
export function failOnConsoleErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    // The browser reports refused API calls (4xx) as console errors; those are answers the screens handle.
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) problems.push(message.text());
  });
  return problems;
}
