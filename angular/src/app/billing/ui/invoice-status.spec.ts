import { INVOICE_STATUSES } from '../api/billing.models';
import { flaggedChip, invoiceStatusChip, isActiveRun, isOpen, runStatusChip } from './invoice-status';

describe('status chips', () => {
  it('names every invoice status in plain words', () => {
    expect(INVOICE_STATUSES.map((s) => invoiceStatusChip(s).label)).toEqual(['Draft', 'Sent', 'Partially paid', 'Paid', 'Overdue', 'Void']);
  });

  it('colours them by what needs doing', () => {
    expect(invoiceStatusChip('Draft').tone).toBe('neutral');
    expect(invoiceStatusChip('Sent').tone).toBe('info');
    expect(invoiceStatusChip('PartiallyPaid').tone).toBe('warning');
    expect(invoiceStatusChip('Paid').tone).toBe('success');
    expect(invoiceStatusChip('Overdue').tone).toBe('error');
    expect(invoiceStatusChip('Void').tone).toBe('muted');
  });

  it('gives every status a description and a distinct icon', () => {
    const chips = INVOICE_STATUSES.map(invoiceStatusChip);
    expect(chips.every((c) => c.description.length > 0)).toBe(true);
    expect(new Set(chips.map((c) => c.icon)).size).toBe(chips.length);
  });

  it('marks flagged payments, and nothing when there are none', () => {
    expect(flaggedChip(0)).toBeNull();
    expect(flaggedChip(1)?.label).toBe('Payment flagged');
    expect(flaggedChip(3)?.label).toBe('3 payments flagged');
    expect(flaggedChip(1)?.tone).toBe('error');
  });

  it('survives a status the app does not know yet', () => {
    expect(invoiceStatusChip('Disputed' as never).label).toBe('Disputed');
  });

  it('knows which invoices are open and which runs are still going', () => {
    expect(['Sent', 'PartiallyPaid', 'Overdue'].every((s) => isOpen(s as never))).toBe(true);
    expect(['Draft', 'Paid', 'Void'].some((s) => isOpen(s as never))).toBe(false);
    expect(isActiveRun('Queued') && isActiveRun('Running')).toBe(true);
    expect(isActiveRun('Completed') || isActiveRun('CompletedWithErrors') || isActiveRun('Failed')).toBe(false);
    expect(runStatusChip('CompletedWithErrors').label).toBe('Completed with errors');
  });
});
