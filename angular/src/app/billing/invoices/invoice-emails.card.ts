import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { OrgFormat } from '../../core/format/org-format.service';
import { InvoiceEmailDto } from '../api/billing.models';
import { StatusChipComponent } from '../ui/status-chip';
import { emailChip, emailNote, emailTitle } from './invoice-emails';

/**
 * The invoice's emails, newest first: to whom, where each stands (delivered, retrying with the error and the next try,
 * not delivered, not sent), and a plain warning when the client may have one twice. The Message-ID is shown so a
 * manager can find the very message in a mail log or the client's inbox.
 */
@Component({
  selector: 'app-invoice-emails-card',
  imports: [MatCardModule, StatusChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" class="card" role="region" aria-labelledby="emails-title">
      <mat-card-header>
        <mat-card-title id="emails-title">Emails</mat-card-title>
        <mat-card-subtitle>Each send is one email; a failed one is retried automatically</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content>
        <ul class="emails" aria-label="Emails">
          @for (e of newestFirst(); track e.id) {
            <li>
              <div class="email-main">
                <div>
                  <strong>{{ title(e) }}</strong>
                  <span class="muted"> · {{ when(e.queuedAt) }} · to {{ e.to }}</span>
                </div>
                <app-status-chip [chip]="chip(e)" />
              </div>
              <p class="small">{{ note(e) }}</p>
              <p class="small muted">Message-ID <code>{{ '<' + e.messageId + '>' }}</code></p>
            </li>
          }
        </ul>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    :host { display: block; }
    .card { margin-bottom: 16px; padding: 8px 8px 4px; }
    .emails { list-style: none; margin: 0; padding: 0; display: grid; gap: 12px; }
    .emails li { border-top: 1px solid var(--mat-sys-outline-variant); padding-top: 12px; }
    .emails li:first-child { border-top: 0; padding-top: 0; }
    .email-main { display: flex; justify-content: space-between; align-items: center; gap: 12px; flex-wrap: wrap; }
    .small { font: var(--mat-sys-body-small); margin: 4px 0 0; }
    .muted { color: var(--mat-sys-on-surface-variant); }
    code { word-break: break-all; }
  `,
})
export class InvoiceEmailsCard {
  readonly emails = input.required<InvoiceEmailDto[]>();

  private readonly format = inject(OrgFormat);
  protected readonly newestFirst = computed(() => [...this.emails()].sort((a, b) => b.send - a.send));
  protected readonly chip = emailChip;
  protected readonly title = emailTitle;

  protected note(email: InvoiceEmailDto): string {
    return emailNote(email, (iso) => this.format.dateTime(iso));
  }

  protected when(iso: string): string {
    return this.format.dateTime(iso);
  }
}
