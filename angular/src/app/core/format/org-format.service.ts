import { Injectable, computed, inject } from '@angular/core';
import { AppConfigService } from '../config/app-config.service';

/** `yyyy-mm-dd` of an instant in a time zone. */
export function dateInZone(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Adds days to a `yyyy-mm-dd` work date. */
export function addDays(workDate: string, days: number): string {
  const date = new Date(`${workDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday on or before a `yyyy-mm-dd` work date (ISO weeks). */
export function mondayOf(workDate: string): string {
  const weekday = new Date(`${workDate}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(workDate, -((weekday + 6) % 7));
}

/**
 * Dates as the organisation sees them: instants in its time zone (settings.timeZone), in the browser's language.
 * Work dates (`yyyy-mm-dd`) are calendar days and are never shifted.
 */
@Injectable({ providedIn: 'root' })
export class OrgFormat {
  private readonly config = inject(AppConfigService);
  readonly locale = typeof navigator === 'undefined' ? 'en-GB' : navigator.language || 'en-GB';
  readonly timeZone = computed(() => this.config.settings()?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);

  /** Today's work date in the organisation's time zone. */
  today(): string {
    return dateInZone(new Date(), this.timeZone());
  }

  /** An instant (the API's UTC ISO strings) as date and time in the organisation's zone. */
  dateTime(value: string | Date | null | undefined): string {
    if (!value) return '';
    return new Intl.DateTimeFormat(this.locale, { timeZone: this.timeZone(), dateStyle: 'medium', timeStyle: 'short' }).format(toDate(value));
  }

  /** A work date (`2026-03-02`) as `Mon 2 Mar 2026` in the browser's language. */
  workDate(value: string | null | undefined, style: 'short' | 'long' = 'long'): string {
    if (!value) return '';
    const options: Intl.DateTimeFormatOptions = style === 'long'
      ? { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }
      : { timeZone: 'UTC', day: 'numeric', month: 'short' };
    return new Intl.DateTimeFormat(this.locale, options).format(new Date(`${value}T00:00:00Z`));
  }
}

function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  // The API writes UTC instants; a string without an offset is still UTC.
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
}
