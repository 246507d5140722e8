import { addDays } from '../../core/format/org-format.service';

/** A report's period as people say it: both days included. The API's periods are half-open, see {@link apiEnd}. */
export interface Period {
  from: string;
  to: string;
}

export const PERIOD_PRESETS = [
  { key: 'this-month', label: 'This month' },
  { key: 'last-month', label: 'Last month' },
  { key: 'this-quarter', label: 'This quarter' },
  { key: 'last-quarter', label: 'Last quarter' },
  { key: 'this-year', label: 'This year' },
  { key: 'last-year', label: 'Last year' },
] as const;

export type PeriodPreset = (typeof PERIOD_PRESETS)[number]['key'];
export const DEFAULT_PRESET: PeriodPreset = 'this-month';

/** The API allows at most 3 × 366 days in one report. */
export const MAX_PERIOD_DAYS = 3 * 366;

/** The days a preset covers, seen from `today` (a `yyyy-mm-dd` in the organisation's time zone). */
export function presetPeriod(preset: PeriodPreset, today: string): Period {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const quarterStart = month - ((month - 1) % 3);
  switch (preset) {
    case 'this-month':
      return months(year, month, 1);
    case 'last-month':
      return month === 1 ? months(year - 1, 12, 1) : months(year, month - 1, 1);
    case 'this-quarter':
      return months(year, quarterStart, 3);
    case 'last-quarter':
      return quarterStart === 1 ? months(year - 1, 10, 3) : months(year, quarterStart - 3, 3);
    case 'this-year':
      return months(year, 1, 12);
    case 'last-year':
      return months(year - 1, 1, 12);
  }
}

export interface ResolvedPeriod {
  /** The preset the URL names, or 'custom' for explicit dates. */
  preset: PeriodPreset | 'custom';
  period: Period;
  /** Why the URL's dates cannot be used (the preset's period is shown instead). */
  error: string | null;
}

/** The period the URL asks for: `?period=last-month`, or `?from=2026-01-01&to=2026-03-31` (both days included). */
export function readPeriod(params: { period?: string | null; from?: string | null; to?: string | null }, today: string): ResolvedPeriod {
  const preset = PERIOD_PRESETS.find((p) => p.key === params.period)?.key;
  if (preset) return { preset, period: presetPeriod(preset, today), error: null };
  if (params.from || params.to) {
    const error = periodError(params.from ?? '', params.to ?? '');
    if (!error) return { preset: 'custom', period: { from: params.from!, to: params.to! }, error: null };
    return { preset: DEFAULT_PRESET, period: presetPeriod(DEFAULT_PRESET, today), error };
  }
  return { preset: DEFAULT_PRESET, period: presetPeriod(DEFAULT_PRESET, today), error: null };
}

/** Why two dates do not make a period, or null. */
export function periodError(from: string, to: string): string | null {
  if (!isDate(from) || !isDate(to)) return 'Choose a start and an end date.';
  if (to < from) return 'The end date is before the start date.';
  if (dayNumber(to) - dayNumber(from) + 1 > MAX_PERIOD_DAYS) return `A report covers at most ${MAX_PERIOD_DAYS} days.`;
  return null;
}

/** The API's exclusive end: the day after the period's last day. */
export function apiEnd(period: Period): string {
  return addDays(period.to, 1);
}

function months(year: number, month: number, count: number): Period {
  const from = `${year}-${pad(month)}-01`;
  const endMonth = month + count; // the first month after the period
  const next = endMonth > 12 ? `${year + 1}-${pad(endMonth - 12)}-01` : `${year}-${pad(endMonth)}-01`;
  return { from, to: addDays(next, -1) };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

function dayNumber(value: string): number {
  return Date.parse(`${value}T00:00:00Z`) / 86_400_000;
}
