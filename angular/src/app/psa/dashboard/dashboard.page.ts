import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { AppConfigService } from '../../core/config/app-config.service';
import { addDays, mondayOf, OrgFormat } from '../../core/format/org-format.service';
import { DurationPipe, WorkDatePipe } from '../../core/format/format.pipes';
import { injectLoader } from '../../core/http/loader';
import { PermissionDirective } from '../../core/permissions/permission.directive';
import { EmptyState } from '../../core/ui/empty-state';
import { Loading } from '../../core/ui/loading';
import { PageHeader } from '../../core/ui/page-header';
import { OPEN_TICKET_STATUSES, TICKET_STATUS_LABELS, TicketStatus } from '../api/psa.models';
import { TicketsApi } from '../api/tickets.api';
import { TimeEntriesApi } from '../api/time-entries.api';

/** The day's starting point: my week, my entries that need me, the approval queue for reviewers, my open tickets. */
@Component({
  selector: 'app-dashboard-page',
  imports: [DurationPipe, EmptyState, Loading, MatButtonModule, MatCardModule, MatIconModule, PageHeader, PermissionDirective, RouterLink, WorkDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard.page.html',
  styleUrl: './dashboard.page.scss',
})
export class DashboardPage {
  private readonly config = inject(AppConfigService);
  private readonly format = inject(OrgFormat);
  private readonly entries = inject(TimeEntriesApi);
  private readonly tickets = inject(TicketsApi);

  protected readonly welcome = inject(ActivatedRoute).snapshot.queryParamMap.has('welcome');
  protected readonly firstName = computed(() => (this.config.user()?.name ?? '').split(/\s+/)[0]);
  protected readonly statusLabels = TICKET_STATUS_LABELS;
  private readonly me = this.config.user()?.id ?? '';
  private readonly today = this.format.today();
  protected readonly weekStart = mondayOf(this.today);
  protected readonly weekEnd = addDays(this.weekStart, 6);

  /** Every entry of mine this week (a week holds at most 7 × 24 h, so one page of 1,000 holds it). */
  protected readonly week = this.config.isGranted('Psa.TimeEntries')
    ? injectLoader(() =>
        this.entries.list({ technicianId: this.me, from: this.weekStart, to: addDays(this.weekStart, 7), take: 1000 }).pipe(
          map((page) => {
            const billable = page.items.filter((e) => e.billable).reduce((sum, e) => sum + e.durationMinutes, 0);
            const total = page.items.reduce((sum, e) => sum + e.durationMinutes, 0);
            return { total, billable, nonBillable: total - billable, count: page.totalCount };
          }),
        ),
      )
    : null;

  protected readonly attention = this.config.isGranted('Psa.TimeEntries')
    ? injectLoader(() => this.entries.list({ technicianId: this.me, status: 'Draft,Rejected', sort: 'workDate desc', take: 6 }))
    : null;

  protected readonly queue = this.config.isGranted('Psa.TimeEntries.Approve')
    ? injectLoader(() =>
        this.entries.approvals({ take: 1 }).pipe(
          map((queue) => ({
            count: queue.totalCount,
            minutes: queue.groups.reduce((sum, g) => sum + g.totalMinutes, 0),
            technicians: queue.groups.length,
            oldest: queue.items[0] ?? null,
          })),
        ),
      )
    : null;

  protected readonly myTickets = this.config.isGranted('Psa.Tickets')
    ? injectLoader(() => this.tickets.list({ assigneeId: this.me, status: OPEN_TICKET_STATUSES.join(','), sort: 'priority desc', take: 6 }))
    : null;

  protected readonly myTicketsQuery = { assigneeId: this.me, status: OPEN_TICKET_STATUSES.join(',') };

  protected billableShare(week: { total: number; billable: number }): number {
    return week.total === 0 ? 0 : Math.round((week.billable / week.total) * 100);
  }

  protected statusLabel(status: TicketStatus): string {
    return this.statusLabels[status];
  }
}
