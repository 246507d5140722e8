/** Calendar days (`yyyy-mm-dd`) and half-open billing periods [from, to), as the billing screens need them. */

export interface Period {
  from: string;
  /** Exclusive, as the API's periods are. */
  to: string;
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function addMonths(day: string, months: number): string {
  const [y, m] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1 + months, 1));
  return date.toISOString().slice(0, 10);
}

/** The first day of the month of a day. */
export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The calendar month `months` away from the one holding `today` (0 = this month, -1 = last month). */
export function monthPeriod(today: string, months = 0): Period {
  const from = addMonths(monthStart(today), months);
  return { from, to: addMonths(from, 1) };
}

/** Whether a period is exactly one calendar month. */
export function isWholeMonth(period: Period): boolean {
  return period.from.endsWith('-01') && addMonths(period.from, 1) === period.to;
}

const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/** `2026-03-02` → `2 Mar 2026` (a calendar day: never shifted by time zones). */
export function formatDay(day: string | null | undefined, locale: string): string {
  if (!day) return '';
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(utc(day));
}

/** `2026-03` → `March 2026`. */
export function formatMonth(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(utc(monthStart(day)));
}

/** A period as people read it: `March 2026` for a whole month, else `1 – 15 Mar 2026` (its last day, not the exclusive end). */
export function formatPeriod(period: Period, locale: string): string {
  if (isWholeMonth(period)) return formatMonth(period.from, locale);
  const last = addDays(period.to, -1);
  if (last === period.from) return formatDay(period.from, locale);
  const format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
  return format.formatRange(utc(period.from), utc(last));
}
