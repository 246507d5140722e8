import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TICKET_STATUS_LABELS, TicketPriority, TicketStatus, TimeEntryStatus } from '../api/psa.models';

export type ChipTone = 'neutral' | 'info' | 'progress' | 'warning' | 'success' | 'error';

const TICKET_TONES: Record<TicketStatus, ChipTone> = {
  Open: 'info', InProgress: 'progress', WaitingOnCustomer: 'warning', Escalated: 'error', Resolved: 'success', Closed: 'neutral',
};
// Invoiced is not a workflow status but what people need to know of an entry on an invoice (it is locked).
const ENTRY_TONES: Record<TimeEntryStatus | 'Invoiced', ChipTone> = { Draft: 'neutral', Submitted: 'info', Approved: 'success', Rejected: 'error', Invoiced: 'progress' };
const PRIORITY_TONES: Record<TicketPriority, ChipTone> = { Low: 'neutral', Normal: 'info', High: 'warning', Urgent: 'error' };

/**
 * A small coloured label for a status or priority; the text carries the meaning, the colour only helps:
 * `<app-chip kind="ticket" [value]="ticket.status" />`, `<app-chip kind="entry" [value]="entry.status" />`,
 * (`'Invoiced'` for an entry on an invoice), `<app-chip kind="priority" [value]="ticket.priority" />`, or `<app-chip tone="success" value="Active" />`.
 */
@Component({
  selector: 'app-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="chip" [attr.data-tone]="resolvedTone()">{{ label() }}</span>`,
  styles: `
    :host { display: inline-flex; }
    .chip { display: inline-block; padding: 2px 8px; border-radius: 8px; font: var(--mat-sys-label-medium); white-space: nowrap;
      background: var(--mat-sys-surface-container-high); color: var(--mat-sys-on-surface-variant); }
    [data-tone='info'] { background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); }
    [data-tone='progress'] { background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container); }
    [data-tone='warning'] { background: var(--mat-sys-tertiary-container); color: var(--mat-sys-on-tertiary-container); }
    [data-tone='success'] { background: #d7f0dc; color: #0f5223; }
    [data-tone='error'] { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
  `,
})
export class Chip {
  readonly kind = input<'ticket' | 'entry' | 'priority' | 'plain'>('plain');
  readonly value = input.required<string>();
  readonly tone = input<ChipTone>('neutral');

  protected readonly label = computed(() => (this.kind() === 'ticket' ? (TICKET_STATUS_LABELS[this.value() as TicketStatus] ?? this.value()) : this.value()));
  protected readonly resolvedTone = computed(() => {
    switch (this.kind()) {
      case 'ticket': return TICKET_TONES[this.value() as TicketStatus] ?? 'neutral';
      case 'entry': return ENTRY_TONES[this.value() as TimeEntryStatus | 'Invoiced'] ?? 'neutral';
      case 'priority': return PRIORITY_TONES[this.value() as TicketPriority] ?? 'neutral';
      default: return this.tone();
    }
  });
}
