import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { OrgDateTimePipe } from '../../../core/format/format.pipes';
import { ClientContext } from '../client-context';

/** The client's details as entered: billing email, address, currency, billable default, notes. */
@Component({
  selector: 'app-client-overview-tab',
  imports: [MatCardModule, OrgDateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (client(); as c) {
      <mat-card appearance="outlined" class="overview" role="region" aria-label="Client details">
        <mat-card-content>
          <dl>
            <dt>Billing email</dt><dd>{{ c.billingEmail ?? 'None yet: invoices cannot be emailed until one is set.' }}</dd>
            <dt>Address</dt><dd class="pre">{{ c.address ?? '—' }}</dd>
            <dt>Currency</dt><dd>{{ c.currency }}</dd>
            <dt>Time</dt><dd>{{ c.billableByDefault ? 'Billable by default' : 'Not billable by default' }}</dd>
            <dt>Status</dt><dd>{{ c.isActive ? 'Active' : 'Inactive' }}</dd>
            <dt>Added</dt><dd>{{ c.creationTime | orgDateTime }}</dd>
            <dt>Notes</dt><dd class="pre">{{ c.notes ?? '—' }}</dd>
          </dl>
        </mat-card-content>
      </mat-card>
    }
  `,
  styles: `
    .overview { max-width: 760px; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 12px 32px; margin: 8px 0; }
    dt { color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; overflow-wrap: anywhere; }
    .pre { white-space: pre-line; }
    @media (max-width: 599.98px) { dl { grid-template-columns: 1fr; gap: 2px; } dd { margin-bottom: 10px; } }
  `,
})
export class ClientOverviewTab {
  protected readonly client = inject(ClientContext).client;
}
