import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { catchError, firstValueFrom, forkJoin, map, of, switchMap, tap } from 'rxjs';
import { AppConfigService } from '../../core/config/app-config.service';
import { ErrorService } from '../../core/errors/error.service';
import { DurationPipe, WorkDatePipe } from '../../core/format/format.pipes';
import { Filters, ListState } from '../../core/list/list-state';
import { confirm } from '../../core/ui/confirm-dialog';
import { EmptyState } from '../../core/ui/empty-state';
import { Loading } from '../../core/ui/loading';
import { TimeEntryDto } from '../api/psa.models';
import { TimeEntriesApi, TimeEntryFilter } from '../api/time-entries.api';
import { Chip } from '../shared/chips';
import { openLogTime } from './log-time.dialog';
import { NO_TIME, TimeTotals, toTotals } from './time-totals';

export type TimeEntryColumn = 'workDate' | 'technician' | 'target' | 'description' | 'durationMinutes' | 'billable' | 'status' | 'actions';

const ALL_COLUMNS: TimeEntryColumn[] = ['workDate', 'technician', 'target', 'description', 'durationMinutes', 'billable', 'status', 'actions'];
const PHONE_COLUMNS: TimeEntryColumn[] = ['description', 'durationMinutes', 'actions'];

/**
 * A page of time entries with the totals of all of them (GET /time-entries and /time-entries/summary with the same
 * filter), server-side paging and sorting through a `ListState` the host page owns (so they live in its URL), and, on
 * your own Draft or Rejected entries, Change, Submit and Delete. Fixed filters go in `scope` (`{ ticketId }`).
 *
 * `<app-time-entries-table [list]="list" [scope]="{ clientId }" [columns]="[...]" (changed)="reload()" />`
 */
@Component({
  selector: 'app-time-entries-table',
  imports: [
    Chip, DurationPipe, EmptyState, Loading, MatButtonModule, MatIconModule, MatMenuModule, MatPaginatorModule, MatSortModule,
    MatTableModule, MatTooltipModule, RouterLink, WorkDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './time-entries-table.html',
  styleUrl: './time-entries-table.scss',
})
export class TimeEntriesTable {
  private readonly api = inject(TimeEntriesApi);
  private readonly errors = inject(ErrorService);
  private readonly dialog = inject(MatDialog);
  private readonly config = inject(AppConfigService);
  protected readonly me = this.config.user()?.id ?? '';

  readonly list = input.required<ListState<Filters>>();
  readonly scope = input<Omit<TimeEntryFilter, 'skip' | 'take' | 'sort'>>({});
  readonly columns = input<TimeEntryColumn[]>(ALL_COLUMNS);
  readonly label = input('Time entries');
  readonly emptyTitle = input('No time logged yet');
  readonly emptyText = input('Time logged appears here with its status.');
  /** After an entry was changed, submitted or deleted here. */
  readonly changed = output<TimeEntryDto | null>();

  private readonly phone = toSignal(inject(BreakpointObserver).observe('(max-width: 719.98px)').pipe(map((s) => s.matches)), { initialValue: false });
  protected readonly shown = computed(() => {
    const wanted = this.columns();
    return this.phone() ? PHONE_COLUMNS.filter((c) => wanted.includes(c)) : wanted;
  });

  protected readonly items = signal<TimeEntryDto[]>([]);
  protected readonly totalCount = signal(0);
  protected readonly totals = signal<TimeTotals>(NO_TIME);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly busyId = signal<string | null>(null);
  private readonly version = signal(0);

  private readonly request = computed(() => {
    let params = this.list().httpParams();
    for (const [key, value] of Object.entries(this.scope())) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return { params, version: this.version() };
  });

  constructor() {
    toObservable(this.request)
      .pipe(
        tap(() => this.loading.set(true)),
        switchMap(({ params }) => forkJoin({ page: this.api.list(params), summary: this.api.summary(params) }).pipe(
          catchError((error: unknown) => {
            this.errors.handle(error);
            this.failed.set(true);
            return of(null);
          }),
        )),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        if (result) {
          this.items.set(result.page.items);
          this.totalCount.set(result.page.totalCount);
          this.totals.set(toTotals(result.summary));
          this.failed.set(false);
        }
        this.loading.set(false);
      });
  }

  /** Loads the page and totals again (after time was logged elsewhere on the page). */
  reload(): void {
    this.version.update((v) => v + 1);
  }

  protected editable(entry: TimeEntryDto): boolean {
    return entry.technicianId === this.me && (entry.status === 'Draft' || entry.status === 'Rejected') && this.config.isGranted('Psa.TimeEntries');
  }

  protected hasFilters(): boolean {
    return this.list().hasFilters();
  }

  protected async edit(entry: TimeEntryDto): Promise<void> {
    const saved = await openLogTime(this.dialog, { entry });
    if (saved) this.done(saved);
  }

  protected async submit(entry: TimeEntryDto): Promise<void> {
    this.busyId.set(entry.id);
    try {
      const result = await firstValueFrom(this.api.submit([entry.id]));
      this.errors.success('Submitted for approval.');
      this.done(result.entries[0] ?? null);
    } catch (error) {
      this.errors.handle(error, { reload: () => this.reload() });
    } finally {
      this.busyId.set(null);
    }
  }

  protected async remove(entry: TimeEntryDto): Promise<void> {
    const confirmed = await confirm(this.dialog, {
      title: 'Delete this time entry?',
      text: `${entry.description} (${entry.workDate}) will be deleted. This cannot be undone.`,
      confirm: 'Delete entry',
      destructive: true,
    });
    if (!confirmed) return;
    this.busyId.set(entry.id);
    try {
      await firstValueFrom(this.api.delete(entry.id));
      this.errors.success('Time entry deleted.');
      this.done(null);
    } catch (error) {
      this.errors.handle(error, { reload: () => this.reload() });
    } finally {
      this.busyId.set(null);
    }
  }

  protected entryLabel(entry: TimeEntryDto): string {
    return `${entry.workDate} ${entry.description}`;
  }

  private done(entry: TimeEntryDto | null): void {
    this.reload();
    this.changed.emit(entry);
  }
}

