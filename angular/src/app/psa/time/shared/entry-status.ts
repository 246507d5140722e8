import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TimeEntryDto, TimeEntryStatus } from '../../api/psa.models';

export const STATUS_LABELS: Record<TimeEntryStatus, string> = { Draft: 'Draft', Submitted: 'Submitted', Approved: 'Approved', Rejected: 'Rejected' };

/** The status people read: invoiced time says so, whatever its workflow status. */
export function statusText(entry: Pick<TimeEntryDto, 'status' | 'invoiceId'>): string {
  return entry.invoiceId ? 'Invoiced' : STATUS_LABELS[entry.status];
}

/** A time entry's status as a small coloured label: `<app-entry-status [entry]="e" />`. */
@Component({
  selector: 'app-entry-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="status" [attr.data-status]="key()">{{ text() }}</span>`,
  styles: `
    .status { display: inline-block; min-width: 64px; text-align: center; padding: 2px 8px; border-radius: 8px; font: var(--mat-sys-label-medium);
      background: var(--mat-sys-surface-container-high); color: var(--mat-sys-on-surface-variant); white-space: nowrap; }
    [data-status='Submitted'] { background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); }
    [data-status='Approved'] { background: #dcefdc; color: #1b5e20; }
    [data-status='Invoiced'] { background: var(--mat-sys-inverse-surface); color: var(--mat-sys-inverse-on-surface); }
    [data-status='Rejected'] { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
  `,
})
export class EntryStatus {
  readonly entry = input.required<Pick<TimeEntryDto, 'status' | 'invoiceId'>>();
  protected readonly key = computed(() => (this.entry().invoiceId ? 'Invoiced' : this.entry().status));
  protected readonly text = computed(() => statusText(this.entry()));
}

/** What an entry was for, in words: `T-000012 · Contoso`, `Contoso`, `Internal`. */
export function workLabel(entry: Pick<TimeEntryDto, 'kind' | 'ticketNumber' | 'clientName'>): string {
  if (entry.kind === 'Ticket') return `${entry.ticketNumber ?? 'Ticket'}${entry.clientName ? ' · ' + entry.clientName : ''}`;
  if (entry.kind === 'Client') return entry.clientName ?? 'Client';
  return 'Internal';
}
