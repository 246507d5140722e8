import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AppConfigService } from '../../../core/config/app-config.service';
import { ErrorService } from '../../../core/errors/error.service';
import { DurationPipe, WorkDatePipe } from '../../../core/format/format.pipes';
import { toProblem } from '../../../core/http/problem';
import { PageHeader } from '../../../core/ui/page-header';
import { TimeEntryDto } from '../../api/psa.models';
import { TimeEntriesApi } from '../../api/time-entries.api';
import { EntryHistory } from '../shared/entry-history';
import { EntryStatus, workLabel } from '../shared/entry-status';
import { ApprovalQueue } from './approval-queue';
import { SELF_APPROVAL_CODE, selfApprovalExplanation } from './approvals.model';
import { ApprovedList } from './approved-list';

/**
 * Approvals (/time/approvals): the queue of submitted time (?tab=approved for recently approved time, where an
 * approval is reopened) and a side panel with the chosen entry's history.
 */
@Component({
  selector: 'app-approvals-page',
  imports: [ApprovalQueue, ApprovedList, DurationPipe, EntryHistory, EntryStatus, MatButtonModule, MatIconModule, MatTabsModule, PageHeader, RouterLink, WorkDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <app-page-header title="Approvals" subtitle="Review the time your team submitted" />
      <nav mat-tab-nav-bar [tabPanel]="panel" aria-label="Approvals">
        <a mat-tab-link routerLink="." [queryParams]="{ tab: null }" [active]="tab() === 'queue'">Waiting for approval</a>
        <a mat-tab-link routerLink="." [queryParams]="{ tab: 'approved' }" [active]="tab() === 'approved'">Recently approved</a>
      </nav>
      <mat-tab-nav-panel #panel>
        <div class="layout" [class.with-panel]="!!history()">
          <div class="main">
            @if (tab() === 'approved') {
              <app-approved-list [refresh]="refresh()" [historyId]="history()?.id ?? null" (historyOf)="history.set($event)" (reopen)="reopen($event)" />
            } @else {
              <app-approval-queue [refresh]="refresh()" [historyId]="history()?.id ?? null" (historyOf)="history.set($event)" (showApproved)="showApproved()" />
            }
          </div>
          @if (history(); as entry) {
            <aside class="side" [attr.aria-label]="'History of the entry of ' + entry.technicianName + ' on ' + entry.workDate">
              <header class="side-head">
                <h2>Entry history</h2>
                <button mat-icon-button type="button" aria-label="Close the history" (click)="history.set(null)"><mat-icon>close</mat-icon></button>
              </header>
              <dl class="facts">
                <dt>Technician</dt><dd>{{ entry.technicianName }}</dd>
                <dt>Work</dt><dd>{{ label(entry) }}</dd>
                <dt>Date</dt><dd>{{ entry.workDate | workDate }}</dd>
                <dt>Hours</dt><dd>{{ entry.durationMinutes | duration }} · {{ entry.billable ? 'billable' : 'non-billable' }}</dd>
                <dt>Status</dt><dd><app-entry-status [entry]="entry" /></dd>
                <dt>Description</dt><dd class="wrap">{{ entry.description }}</dd>
              </dl>
              <app-entry-history [entryId]="entry.id" [revision]="entry.concurrencyStamp" />
              @if (entry.status === 'Approved' && !entry.invoiceId) {
                <button mat-stroked-button type="button" (click)="reopen(entry)">Reopen this entry</button>
              }
            </aside>
          }
        </div>
      </mat-tab-nav-panel>
    </div>
  `,
  styles: `
    mat-tab-nav-panel { display: block; padding-top: 16px; }
    .layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 16px; align-items: start; }
    .layout.with-panel { grid-template-columns: minmax(0, 1fr) 300px; }
    .side { position: sticky; top: 16px; padding: 12px 16px 16px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; background: var(--mat-sys-surface); }
    .side-head { display: flex; align-items: center; justify-content: space-between; }
    .side-head h2 { margin: 0; font: var(--mat-sys-title-medium); }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 8px 0 16px; }
    .facts dt { color: var(--mat-sys-on-surface-variant); }
    .facts dd { margin: 0; min-width: 0; }
    .wrap { overflow-wrap: anywhere; }
    @media (max-width: 1099.98px) {
      .layout.with-panel { grid-template-columns: minmax(0, 1fr); }
      .side { position: static; order: -1; }
    }
  `,
})
export class ApprovalsPage {
  private readonly api = inject(TimeEntriesApi);
  private readonly errors = inject(ErrorService);
  private readonly config = inject(AppConfigService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly params = toSignal(this.route.queryParamMap, { initialValue: this.route.snapshot.queryParamMap });

  protected readonly tab = computed(() => (this.params().get('tab') === 'approved' ? 'approved' : 'queue'));
  protected readonly history = signal<TimeEntryDto | null>(null);
  protected readonly refresh = signal(0);
  protected readonly label = workLabel;

  protected showApproved(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { tab: 'approved' } });
  }

  protected async reopen(entry: TimeEntryDto): Promise<void> {
    try {
      const reopened = await firstValueFrom(this.api.reopen(entry.id));
      this.errors.success(`Reopened: ${entry.technicianName}'s entry of ${entry.workDate} is back in the queue.`);
      if (this.history()?.id === entry.id) this.history.set(reopened);
      this.refresh.update((v) => v + 1);
    } catch (error) {
      const problem = toProblem(error);
      if (problem.code === SELF_APPROVAL_CODE) {
        this.errors.show(problem, `Not reopened. ${selfApprovalExplanation(this.config.isGranted('Saas.Settings.Manage'))}`);
      } else {
        this.errors.handle(error, { reload: () => this.refresh.update((v) => v + 1) });
      }
    }
  }
}
