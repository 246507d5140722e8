import { TIME_ENTRY_STATUSES, TimeEntryStatus, TimeEntrySummaryDto } from '../api/psa.models';

export interface TimeTotals {
  entries: number;
  total: number;
  billable: number;
  nonBillable: number;
  /** Whole per cent of the minutes that are billable (0 when there are none). */
  billableShare: number;
  /** Minutes per status in workflow order, only the statuses that occur. */
  byStatus: { status: TimeEntryStatus; minutes: number }[];
}

export const NO_TIME: TimeTotals = { entries: 0, total: 0, billable: 0, nonBillable: 0, billableShare: 0, byStatus: [] };

/** The figures shown under a list of time, from the API's summary of the same filter. */
export function toTotals(summary: TimeEntrySummaryDto | null | undefined): TimeTotals {
  if (!summary) return NO_TIME;
  const byStatus = TIME_ENTRY_STATUSES
    .map((status) => ({ status, minutes: summary.minutesByStatus[status] ?? 0 }))
    .filter((s) => s.minutes > 0);
  return {
    entries: summary.entryCount,
    total: summary.totalMinutes,
    billable: summary.billableMinutes,
    nonBillable: summary.nonBillableMinutes,
    billableShare: summary.totalMinutes === 0 ? 0 : Math.round((summary.billableMinutes / summary.totalMinutes) * 100),
    byStatus,
  };
}
