import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { Subscription, catchError, filter, of, switchMap, takeWhile, timer } from 'rxjs';
import { ErrorService } from '../../core/errors/error.service';
import { OrgDateTimePipe } from '../../core/format/format.pipes';
import { OrgFormat } from '../../core/format/org-format.service';
import { toProblem } from '../../core/http/problem';
import { PermissionDirective } from '../../core/permissions/permission.directive';
import { EmptyState } from '../../core/ui/empty-state';
import { Loading } from '../../core/ui/loading';
import { PageHeader } from '../../core/ui/page-header';
import { BillingRunDetailDto, BillingRunDto, BillingRunItemDto } from '../api/billing.models';
import { RunsApi } from '../api/runs.api';
import { LINKS } from '../links';
import { confirm } from '../../core/ui/confirm-dialog';
import { formatMonth } from '../ui/dates';
import { StatusChip, isActiveRun, runStatusChip } from '../ui/invoice-status';
import { StatusChipComponent } from '../ui/status-chip';
import { closedMonths, runProgress } from './run-months';

/** How often a running run is read again. */
const POLL_MS = 1500;
const PAGE_SIZE = 10;

/**
 * Billing → Runs: the month-end runs with their counts, starting one by hand for a closed month, and a run's live
 * progress and per-client outcomes (read every 1.5 s while it runs). The run shown is in the URL (`?run=`), and an
 * active run is picked up again on return, so leaving the page never loses it: the run itself is on the server.
 */
@Component({
  selector: 'app-runs-page',
  imports: [
    EmptyState, Loading, MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule, MatPaginatorModule, MatProgressBarModule, MatSelectModule,
    OrgDateTimePipe, PageHeader, PermissionDirective, RouterLink, StatusChipComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './runs.page.html',
  styleUrl: './runs.page.scss',
})
export class RunsPage {
  /** `?run=`: the run to show. */
  readonly run = input<string>();

  private readonly api = inject(RunsApi);
  private readonly errors = inject(ErrorService);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly format = inject(OrgFormat);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly links = LINKS;
  protected readonly statusChip = runStatusChip;
  protected readonly progressOf = runProgress;
  protected readonly months = closedMonths(this.format.today());
  protected readonly month = signal(this.months[0]);
  protected readonly starting = signal(false);

  protected readonly runs = signal<BillingRunDto[]>([]);
  protected readonly totalCount = signal(0);
  protected readonly pageIndex = signal(0);
  protected readonly listLoading = signal(true);
  protected readonly listFailed = signal(false);

  protected readonly detail = signal<BillingRunDetailDto | null>(null);
  protected readonly detailLoading = signal(false);
  /** Outcomes as they land: the newest first. */
  protected readonly outcomes = computed(() => [...(this.detail()?.items ?? [])].sort((a, b) => b.at.localeCompare(a.at)));
  protected readonly active = computed(() => { const d = this.detail(); return !!d && isActiveRun(d.run.status); });
  /** One run at a time: while one is queued or running, another cannot start. */
  protected readonly busyRun = computed(() => this.active() || this.runs().some((r) => isActiveRun(r.status)));
  private polling: Subscription | null = null;

  constructor() {
    queueMicrotask(() => this.loadList(true));
  }

  protected monthName(day: string): string {
    return formatMonth(day, this.format.locale);
  }

  protected runName(run: Pick<BillingRunDto, 'periodStart'>): string {
    return formatMonth(run.periodStart, this.format.locale);
  }

  protected outcomeChip(item: BillingRunItemDto): StatusChip {
    if (item.outcome === 'Invoiced') {
      return item.sent
        ? { label: 'Invoiced and sent', tone: 'success', icon: 'mark_email_read', description: 'Invoiced and emailed to the client.' }
        : { label: 'Invoiced', tone: 'info', icon: 'receipt_long', description: 'A draft was created; send it when checked.' };
    }
    return item.outcome === 'Skipped'
      ? { label: 'Skipped', tone: 'neutral', icon: 'skip_next', description: 'Nothing to do for this client.' }
      : { label: 'Failed', tone: 'error', icon: 'error', description: 'Something went wrong for this client.' };
  }

  protected start(): void {
    const month = this.month();
    const name = this.monthName(month);
    void confirm(this.dialog, {
      title: `Start the run for ${name}?`,
      text: [
        `Regentra invoices ${name} for every active client whose agreement has "Invoice automatically" on, and emails the invoice where "Email automatically" is on too; the others stay drafts for you to send.`,
        `Clients already invoiced for ${name} are left alone, inactive clients are listed as skipped, and one client's problem never stops the others.`,
        'It runs in the background: you can leave this page and come back to follow it.',
      ],
      confirm: 'Start run',
    }).then((yes) => {
      if (!yes) return;
      this.starting.set(true);
      const [year, m] = month.split('-').map(Number);
      this.api.start(year, m).subscribe({
        next: (run) => {
          this.starting.set(false);
          this.errors.success(`The run for ${name} has started.`);
          this.select(run.id);
          this.loadList(false);
        },
        error: (error: unknown) => {
          this.starting.set(false);
          const problem = this.errors.handle(error);
          // Already running: follow that one instead.
          if (problem.code === 'Billing:Run.InProgress') this.loadList(true);
        },
      });
    });
  }

  protected select(id: string): void {
    void this.router.navigate([], { queryParams: { run: id }, queryParamsHandling: 'merge', replaceUrl: true });
    this.follow(id);
  }

  protected page(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.loadList(false);
  }

  protected loadList(pickActive = false): void {
    this.listLoading.set(true);
    this.api.list({ skip: this.pageIndex() * PAGE_SIZE, take: PAGE_SIZE }).subscribe({
      next: (page) => {
        this.runs.set(page.items);
        this.totalCount.set(page.totalCount);
        this.listLoading.set(false);
        this.listFailed.set(false);
        if (pickActive) {
          // The run in the URL, else a run still going (so returning to the page picks it up), else the newest.
          const chosen = this.run() ?? page.items.find((r) => isActiveRun(r.status))?.id ?? page.items[0]?.id;
          if (chosen && chosen !== this.detail()?.run.id) this.follow(chosen);
        }
      },
      error: (error: unknown) => {
        this.listLoading.set(false);
        this.listFailed.set(true);
        this.errors.handle(error);
      },
    });
  }

  /** Shows a run, reading it again every 1.5 s while it is queued or running. */
  private follow(id: string): void {
    this.polling?.unsubscribe();
    if (this.detail()?.run.id !== id) this.detail.set(null);
    this.detailLoading.set(true);
    let wasActive = false;
    this.polling = timer(0, POLL_MS).pipe(
      switchMap(() => this.api.get(id).pipe(catchError((error: unknown) => {
        const problem = toProblem(error);
        if (problem.status === 404) {
          // Not a run of this organisation (an old link): stop asking.
          this.errors.handle(error);
          this.detailLoading.set(false);
          queueMicrotask(() => this.polling?.unsubscribe());
        }
        return of(null);
      }))),
      filter((d): d is BillingRunDetailDto => d !== null),
      takeWhile((d) => isActiveRun(d.run.status), true),
      takeUntilDestroyed(this.destroyRef),
    ).subscribe((d) => {
      this.detailLoading.set(false);
      this.detail.set(d);
      this.runs.update((runs) => runs.map((r) => (r.id === d.run.id ? d.run : r)));
      if (isActiveRun(d.run.status)) wasActive = true;
      else if (wasActive) this.errors.success(`The run for ${this.runName(d.run)} has finished: ${d.run.invoiced} invoiced, ${d.run.skipped} skipped, ${d.run.failed} failed.`);
    });
  }
}
