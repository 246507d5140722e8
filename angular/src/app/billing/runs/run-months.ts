import { BillingRunDto } from '../api/billing.models';
import { addMonths, monthStart } from '../ui/dates';

/** The months a run can be started for: the last `count` closed months, newest first (`yyyy-mm-01`). */
export function closedMonths(today: string, count = 12): string[] {
  const thisMonth = monthStart(today);
  return Array.from({ length: count }, (_, i) => addMonths(thisMonth, -(i + 1)));
}

/** Progress of a run, 0–100; null while the number of clients is not known yet (queued). */
export function runProgress(run: Pick<BillingRunDto, 'status' | 'processed' | 'totalClients'>): number | null {
  if (run.status === 'Queued') return null;
  if (run.totalClients === 0) return run.status === 'Running' ? null : 100;
  return Math.min(100, Math.round((run.processed / run.totalClients) * 100));
}
