import { formatDuration, parseDuration } from '../../core/format/duration';
import { addDays } from '../../core/format/org-format.service';
import { LogTimeEntryRequest, TimeEntryDto, UpdateTimeEntryRequest } from '../api/psa.models';

/** The API refuses work dates further ahead than this (TimeEntryDrafting.MaxDaysAhead). */
export const MAX_DAYS_AHEAD = 7;

/** What the Log time dialog is opened for. */
export interface LogTimeData {
  /** Work on a ticket (its client is the entry's client). */
  ticket?: { id: string; number: string; title: string; clientId: string; clientName: string };
  /** Work for a client without a ticket. Neither ticket nor client: internal time, never billable. */
  client?: { id: string; name: string };
  /** Change this Draft or Rejected entry instead of logging a new one. */
  entry?: TimeEntryDto;
  /** A duration to start from, e.g. a stopped timer's minutes. */
  minutes?: number;
  /** A work date to start from (`yyyy-mm-dd`); otherwise today in the organisation's time zone. */
  workDate?: string;
}

export interface LogTimeValue {
  workDate: string;
  /** As typed: `1:30`, `1.5`, `90m`, `1h 30m`. */
  durationMinutes: string;
  description: string;
  billable: boolean;
}

export interface LogTimeDefaults extends LogTimeValue {
  /** Whether `billable` really is the client's default; if not, the API is left to apply it. */
  billableKnown: boolean;
  internal: boolean;
}

/**
 * The dialog's starting values: an edited entry's own; otherwise today (organisation time zone) or the given day, the
 * given minutes (timer) written as `1h 30m`, and billable as the client says (internal time never is).
 * `clientBillable` is the client's "billable by default", or null when it could not be read.
 */
export function logTimeDefaults(data: LogTimeData, today: string, clientBillable: boolean | null): LogTimeDefaults {
  const internal = !data.ticket && !data.client && !(data.entry && (data.entry.ticketId || data.entry.clientId));
  if (data.entry) {
    return {
      workDate: data.entry.workDate,
      durationMinutes: formatDuration(data.entry.durationMinutes, 'words'),
      description: data.entry.description,
      billable: data.entry.billable,
      billableKnown: true,
      internal,
    };
  }
  return {
    workDate: data.workDate ?? today,
    durationMinutes: data.minutes && data.minutes > 0 ? formatDuration(data.minutes, 'words') : '',
    description: '',
    billable: internal ? false : clientBillable ?? true,
    billableKnown: internal || clientBillable !== null,
    internal,
  };
}

/** The latest work date the API accepts, for the date field's `max`. */
export function latestWorkDate(today: string): string {
  return addDays(today, MAX_DAYS_AHEAD);
}

/**
 * The request for a new entry. An untouched billable box whose default was not known is sent as null, so the API
 * applies the client's default itself.
 */
export function toLogRequest(data: LogTimeData, value: LogTimeValue, options: { submit: boolean; billableKnown: boolean; billableTouched: boolean }): LogTimeEntryRequest {
  const parsed = parseDuration(value.durationMinutes);
  return {
    ticketId: data.ticket?.id ?? null,
    clientId: data.ticket ? null : data.client?.id ?? null,
    workDate: value.workDate,
    durationMinutes: parsed.ok ? parsed.minutes : 0,
    description: value.description.trim(),
    billable: options.billableKnown || options.billableTouched ? value.billable : null,
    submit: options.submit,
  };
}

/** The request changing an existing entry: same target, the new fields, the stamp it was read with. */
export function toUpdateRequest(entry: TimeEntryDto, value: LogTimeValue): UpdateTimeEntryRequest {
  const parsed = parseDuration(value.durationMinutes);
  return {
    ticketId: entry.ticketId,
    clientId: entry.ticketId ? null : entry.clientId,
    workDate: value.workDate,
    durationMinutes: parsed.ok ? parsed.minutes : 0,
    description: value.description.trim(),
    billable: value.billable,
    concurrencyStamp: entry.concurrencyStamp,
  };
}

/** What the entry is for, in words: `T-000123 · Printer on fire (Contoso)`, `Contoso (no ticket)`, `Internal work`. */
export function targetLabel(data: LogTimeData): string {
  if (data.ticket) return `${data.ticket.number} · ${data.ticket.title} (${data.ticket.clientName})`;
  if (data.client) return `${data.client.name} (no ticket)`;
  const entry = data.entry;
  if (entry?.ticketNumber) return `${entry.ticketNumber}${entry.clientName ? ` (${entry.clientName})` : ''}`;
  if (entry?.clientName) return `${entry.clientName} (no ticket)`;
  return 'Internal work (never billable)';
}
