/**
 * The approval queue's logic, free of Angular: the queue grouped by technician with billable and non-billable
 * totals, selecting one entry, a technician's group or everything shown, and reading the API's refusals back onto
 * the entries they name (`ids[2]`).
 */
import { ApprovalQueueDto, TimeEntryDto } from '../../api/psa.models';

export interface QueueGroup {
  technicianId: string;
  technicianName: string;
  /** Totals of everything the technician has waiting (the server's, across every page). */
  entryCount: number;
  totalMinutes: number;
  billableMinutes: number;
  nonBillableMinutes: number;
  oldestWorkDate: string;
  /** The technician's entries on the page shown, oldest first. */
  entries: TimeEntryDto[];
}

export type SelectionState = 'all' | 'some' | 'none';

/** One group per technician, in the server's order, each holding its entries of the page shown. */
export function groupQueue(queue: ApprovalQueueDto): QueueGroup[] {
  const byTechnician = new Map<string, TimeEntryDto[]>();
  for (const entry of queue.items) {
    byTechnician.set(entry.technicianId, [...(byTechnician.get(entry.technicianId) ?? []), entry]);
  }
  return queue.groups.map((group) => ({
    technicianId: group.technicianId,
    technicianName: group.technicianName,
    entryCount: group.entryCount,
    totalMinutes: group.totalMinutes,
    billableMinutes: group.billableMinutes,
    nonBillableMinutes: group.totalMinutes - group.billableMinutes,
    oldestWorkDate: group.oldestWorkDate,
    entries: byTechnician.get(group.technicianId) ?? [],
  }));
}

export function selectionState(selected: ReadonlySet<string>, entries: TimeEntryDto[]): SelectionState {
  const count = entries.filter((e) => selected.has(e.id)).length;
  return count === 0 ? 'none' : count === entries.length ? 'all' : 'some';
}

export function toggleEntry(selected: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selected);
  if (!next.delete(id)) next.add(id);
  return next;
}

/** A group's (or everything's) checkbox: selects all of its entries, or clears them when all are selected. */
export function toggleMany(selected: ReadonlySet<string>, entries: TimeEntryDto[]): Set<string> {
  const next = new Set(selected);
  const all = selectionState(selected, entries) === 'all';
  for (const entry of entries) {
    if (all) next.delete(entry.id);
    else next.add(entry.id);
  }
  return next;
}

/** After a reload: only entries still shown stay selected. */
export function keepShown(selected: ReadonlySet<string>, entries: TimeEntryDto[]): Set<string> {
  const shown = new Set(entries.map((e) => e.id));
  return new Set([...selected].filter((id) => shown.has(id)));
}

export function selectionTotals(selected: ReadonlySet<string>, entries: TimeEntryDto[]) {
  const chosen = entries.filter((e) => selected.has(e.id));
  const minutes = chosen.reduce((sum, e) => sum + e.durationMinutes, 0);
  const billable = chosen.filter((e) => e.billable).reduce((sum, e) => sum + e.durationMinutes, 0);
  return { count: chosen.length, minutes, billable, nonBillable: minutes - billable, ids: chosen.map((e) => e.id) };
}

/** The API names refused entries by their position in the request (`ids[2]`): which entry, and why. */
export function refusalsByEntry(errors: Record<string, string[]> | undefined, ids: string[]): Record<string, string> {
  const refusals: Record<string, string> = {};
  for (const [path, messages] of Object.entries(errors ?? {})) {
    const match = /^ids\[(\d+)\]$/.exec(path);
    const id = match ? ids[Number(match[1])] : undefined;
    if (id) refusals[id] = messages.join(' ');
  }
  return refusals;
}

export const SELF_APPROVAL_CODE = 'Psa:TimeEntry.SelfApprovalNotAllowed';

/** What to tell a reviewer whose own time is in the selection when the organisation wants a second reviewer. */
export function selfApprovalExplanation(canChangeSettings: boolean): string {
  return 'Your organisation requires a second reviewer: nobody can approve, reject or reopen their own time. '
    + 'Leave your own entries for another reviewer'
    + (canChangeSettings ? ', or allow self-approval in the organisation settings.' : ', or ask an administrator to allow self-approval.');
}
