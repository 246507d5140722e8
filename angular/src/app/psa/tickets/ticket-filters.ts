import { OPEN_TICKET_STATUSES, TICKET_PRIORITIES, TICKET_STATUSES, TicketPriority, TicketStatus } from '../api/psa.models';

/** The ticket list's filters as they sit in the URL (and go to the API): comma-separated lists, ids, text. */
export interface TicketListFilters {
  [key: string]: string;
  status: string;
  priority: string;
  clientId: string;
  assigneeId: string;
  text: string;
}

export const TICKET_LIST_DEFAULTS = {
  sort: 'number desc',
  filters: { status: '', priority: '', clientId: '', assigneeId: '', text: '' } as TicketListFilters,
};

/** A comma-separated list from the URL → the known values it names, in their declared order (unknown ones dropped). */
export function readList<T extends string>(value: string, known: readonly T[]): T[] {
  const wanted = new Set(value.split(',').map((part) => part.trim().toLowerCase()).filter(Boolean));
  return known.filter((item) => wanted.has(item.toLowerCase()));
}

/** A multi-select's values → the comma-separated URL value; everything or nothing chosen means "no filter". */
export function writeList<T extends string>(values: readonly T[], known: readonly T[]): string {
  const chosen = known.filter((item) => values.includes(item));
  return chosen.length === 0 || chosen.length === known.length ? '' : chosen.join(',');
}

export const readStatuses = (value: string): TicketStatus[] => readList(value, TICKET_STATUSES);
export const writeStatuses = (values: readonly TicketStatus[]): string => writeList(values, TICKET_STATUSES);
export const readPriorities = (value: string): TicketPriority[] => readList(value, TICKET_PRIORITIES);
export const writePriorities = (values: readonly TicketPriority[]): string => writeList(values, TICKET_PRIORITIES);

/** The "open" shortcut: every status still being worked. */
export const OPEN_STATUSES_FILTER = OPEN_TICKET_STATUSES.join(',');
