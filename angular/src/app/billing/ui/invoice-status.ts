import { BillingRunStatus, InvoiceStatus } from '../api/billing.models';

export type Tone = 'neutral' | 'info' | 'warning' | 'success' | 'error' | 'muted';

export interface StatusChip {
  label: string;
  tone: Tone;
  icon: string;
  /** What the status means, for a tooltip and screen readers. */
  description: string;
}

const INVOICE_CHIPS: Record<InvoiceStatus, StatusChip> = {
  Draft: { label: 'Draft', tone: 'neutral', icon: 'edit_note', description: 'Not sent yet: no number, can still be changed or deleted.' },
  Sent: { label: 'Sent', tone: 'info', icon: 'outgoing_mail', description: 'Sent to the client and waiting for payment.' },
  PartiallyPaid: { label: 'Partially paid', tone: 'warning', icon: 'hourglass_bottom', description: 'Part of the total has been paid; the rest is still due.' },
  Paid: { label: 'Paid', tone: 'success', icon: 'check_circle', description: 'Paid in full.' },
  Overdue: { label: 'Overdue', tone: 'error', icon: 'schedule', description: 'Past its due date with money still due.' },
  Void: { label: 'Void', tone: 'muted', icon: 'block', description: 'Cancelled: its time is released and its number is kept.' },
};

/** The chip of an invoice status: its words, colour and icon. */
export function invoiceStatusChip(status: InvoiceStatus): StatusChip {
  return INVOICE_CHIPS[status] ?? { label: status, tone: 'neutral', icon: 'help', description: '' };
}

/** The mark of an invoice with payments that need attention, or null when there are none. */
export function flaggedChip(flaggedPayments: number): StatusChip | null {
  if (flaggedPayments <= 0) return null;
  return {
    label: flaggedPayments === 1 ? 'Payment flagged' : `${flaggedPayments} payments flagged`,
    tone: 'error',
    icon: 'flag',
    description: 'Money arrived where it should not (overpaid, on a void invoice or in another currency): look at it and mark it sorted out.',
  };
}

const RUN_CHIPS: Record<BillingRunStatus, StatusChip> = {
  Queued: { label: 'Queued', tone: 'neutral', icon: 'hourglass_empty', description: 'Waiting for a background worker to pick it up.' },
  Running: { label: 'Running', tone: 'info', icon: 'autorenew', description: 'Invoicing clients now.' },
  Completed: { label: 'Completed', tone: 'success', icon: 'check_circle', description: 'Every client was processed.' },
  CompletedWithErrors: { label: 'Completed with errors', tone: 'warning', icon: 'error', description: 'Finished, but some clients failed: see their errors.' },
  Failed: { label: 'Failed', tone: 'error', icon: 'cancel', description: 'The run stopped on an error; start it again to resume.' },
};

export function runStatusChip(status: BillingRunStatus): StatusChip {
  return RUN_CHIPS[status] ?? { label: status, tone: 'neutral', icon: 'help', description: '' };
}

/** Whether a run is still going (its page keeps polling). */
export function isActiveRun(status: BillingRunStatus): boolean {
  return status === 'Queued' || status === 'Running';
}

/** Statuses that take payments and can be sent again. */
export function isOpen(status: InvoiceStatus): boolean {
  return status === 'Sent' || status === 'PartiallyPaid' || status === 'Overdue';
}
