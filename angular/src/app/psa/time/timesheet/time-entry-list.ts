import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { catchError, firstValueFrom, map, of } from 'rxjs';
import { AppConfigService } from '../../../core/config/app-config.service';
import { ErrorService } from '../../../core/errors/error.service';
import { DurationPipe, WorkDatePipe } from '../../../core/format/format.pipes';
import { addDays } from '../../../core/format/org-format.service';
import { injectListState, injectPagedList } from '../../../core/list/list-state';
import { EmptyState } from '../../../core/ui/empty-state';
import { Loading } from '../../../core/ui/loading';
import { ClientsApi } from '../../api/clients.api';
import { TimeEntryDto, TimeEntryStatus } from '../../api/psa.models';
import { TimeEntriesApi } from '../../api/time-entries.api';
import { EntryStatus, workLabel } from '../shared/entry-status';
import { isLocked, weekStartOf } from './timesheet.model';

const STATUSES: TimeEntryStatus[] = ['Draft', 'Submitted', 'Approved', 'Rejected'];

/**
 * My timesheet as a list (/time/timesheet?view=list): the same entries as the week grid, filtered by date range,
 * status, client and billable (all in the URL), paged and sorted by the server; select Draft and Rejected entries to
 * submit them. Each entry links to its week.
 */
@Component({
  selector: 'app-time-entry-list',
  imports: [
    DurationPipe, EmptyState, EntryStatus, Loading, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatIconModule, MatInputModule,
    MatPaginatorModule, MatSelectModule, MatSortModule, MatTableModule, RouterLink, WorkDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-label="Filters" class="filters">
      <mat-form-field>
        <mat-label>From</mat-label>
        <input matInput type="date" [value]="list.filters().from" (change)="list.setFilters({ from: $any($event.target).value })" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>To</mat-label>
        <input matInput type="date" [value]="list.filters().to" (change)="list.setFilters({ to: $any($event.target).value })" />
        <mat-hint>Including this day</mat-hint>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Status</mat-label>
        <mat-select multiple [value]="statusFilter()" (selectionChange)="list.setFilters({ status: $event.value.join(',') })">
          @for (status of statuses; track status) { <mat-option [value]="status">{{ status }}</mat-option> }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Client</mat-label>
        <mat-select [value]="list.filters().clientId" (selectionChange)="list.setFilters({ clientId: $event.value })">
          <mat-option value="">Any client</mat-option>
          @for (client of clients(); track client.id) { <mat-option [value]="client.id">{{ client.name }}</mat-option> }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Billable</mat-label>
        <mat-select [value]="list.filters().billable" (selectionChange)="list.setFilters({ billable: $event.value })">
          <mat-option value="">Billable or not</mat-option>
          <mat-option value="true">Billable</mat-option>
          <mat-option value="false">Non-billable</mat-option>
        </mat-select>
      </mat-form-field>
      @if (list.hasFilters()) {
        <button mat-button type="button" (click)="list.resetFilters()">Clear filters</button>
      }
    </section>

    @if (rangeError()) {
      <p class="form-alert" role="alert"><mat-icon aria-hidden="true">error</mat-icon>{{ rangeError() }}</p>
    }

    <div class="actions-bar">
      <span class="muted" role="status">{{ selectionText() }}</span>
      <button mat-flat-button type="button" (click)="submitSelected()" [disabled]="busy() || selected().size === 0">Submit selected</button>
    </div>

    @if (page.loading() && page.items().length === 0) {
      <app-loading label="Loading your time" />
    } @else if (page.failed()) {
      <app-empty-state icon="error" title="Your time could not be loaded"><button mat-stroked-button type="button" (click)="page.reload()">Try again</button></app-empty-state>
    } @else if (page.totalCount() === 0) {
      @if (list.hasFilters()) {
        <app-empty-state icon="filter_alt_off" title="No entries match these filters" text="Widen the dates or clear the filters to see more of your time.">
          <button mat-stroked-button type="button" (click)="list.resetFilters()">Clear filters</button>
        </app-empty-state>
      } @else {
        <app-empty-state icon="timer" title="You have not logged any time yet" text="Fill in your week on the grid, or log time from a ticket.">
          <a mat-stroked-button routerLink="." [queryParams]="{ view: null }">Open the week grid</a>
        </app-empty-state>
      }
    } @else {
      <div class="table-card">
      <div class="table-scroll">
        <table mat-table [dataSource]="page.items()" matSort [matSortActive]="list.sort().active" [matSortDirection]="list.sort().direction"
          (matSortChange)="list.sortBy($event)" aria-label="My time entries">
          <ng-container matColumnDef="select">
            <th mat-header-cell *matHeaderCellDef>
              <mat-checkbox [checked]="allSelected()" [indeterminate]="selected().size > 0 && !allSelected()" [disabled]="selectable().length === 0"
                (change)="toggleAll()" aria-label="Select every entry that can be submitted on this page" />
            </th>
            <td mat-cell *matCellDef="let entry">
              @if (!isLocked(entry)) {
                <mat-checkbox [checked]="selected().has(entry.id)" (change)="toggle(entry)" [aria-label]="'Select ' + describe(entry)" />
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="workDate">
            <th mat-header-cell *matHeaderCellDef mat-sort-header>Date</th>
            <td mat-cell *matCellDef="let entry">
              <a routerLink="." [queryParams]="{ view: null, week: weekOf(entry) }" [attr.aria-label]="'Open the week of ' + (entry.workDate | workDate)">{{ entry.workDate | workDate }}</a>
            </td>
          </ng-container>
          <ng-container matColumnDef="work">
            <th mat-header-cell *matHeaderCellDef>Work</th>
            <td mat-cell *matCellDef="let entry"><span class="strong">{{ label(entry) }}</span><span class="desc">{{ entry.description }}</span></td>
          </ng-container>
          <ng-container matColumnDef="durationMinutes">
            <th mat-header-cell *matHeaderCellDef mat-sort-header arrowPosition="before" class="num">Hours</th>
            <td mat-cell *matCellDef="let entry" class="num">{{ entry.durationMinutes | duration }}</td>
          </ng-container>
          <ng-container matColumnDef="billable">
            <th mat-header-cell *matHeaderCellDef>Billable</th>
            <td mat-cell *matCellDef="let entry">{{ entry.billable ? 'Yes' : 'No' }}</td>
          </ng-container>
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef mat-sort-header>Status</th>
            <td mat-cell *matCellDef="let entry">
              <app-entry-status [entry]="entry" />
              @if (entry.status === 'Rejected' && entry.rejectionReason) { <span class="reason">{{ entry.rejectionReason }}</span> }
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
      <mat-paginator [length]="page.totalCount()" [pageIndex]="list.pageIndex()" [pageSize]="list.query().take" [pageSizeOptions]="list.pageSizes"
        (page)="list.page($event)" aria-label="Pages of time entries" />
      </div>
    }
  `,
  styles: `
    .filters { display: flex; flex-wrap: wrap; gap: 0 12px; align-items: flex-start; }
    .filters mat-form-field { flex: 1 1 150px; max-width: 210px; }
    .filters button { margin-top: 10px; }
    .actions-bar { display: flex; align-items: center; justify-content: space-between; gap: 12px; margin: 4px 0 12px; flex-wrap: wrap; }
    .table-card { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; overflow: hidden; }
    .table-scroll { overflow-x: auto; }
    table { width: 100%; min-width: 720px; }
    .strong { display: block; font-weight: 500; }
    .desc { display: block; color: var(--mat-sys-on-surface-variant); max-width: 360px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .num { text-align: right; }
    .reason { display: block; color: var(--mat-sys-error); font: var(--mat-sys-body-small); max-width: 240px; }
    @media (max-width: 599.98px) { .filters mat-form-field { flex-basis: calc(50% - 6px); max-width: none; } }
  `,
})
export class TimeEntryList {
  private readonly api = inject(TimeEntriesApi);
  private readonly errors = inject(ErrorService);
  private readonly me = inject(AppConfigService).user()?.id ?? '';

  protected readonly statuses = STATUSES;
  protected readonly columns = ['select', 'workDate', 'work', 'durationMinutes', 'billable', 'status'];
  protected readonly isLocked = isLocked;
  protected readonly label = workLabel;

  protected readonly list = injectListState({ sort: 'workDate desc', filters: { from: '', to: '', status: '', clientId: '', billable: '' } });
  protected readonly rangeError = computed(() => {
    const { from, to } = this.list.filters();
    return from && to && to < from ? 'The end of the date range is before its start.' : '';
  });
  protected readonly page = injectPagedList(this.list, (params, query) => {
    // The URL's "to" is the last day shown; the API's is the day after (half-open).
    let p = params.set('technicianId', this.me);
    if (query.filters.to) p = p.set('to', addDays(query.filters.to, 1));
    if (this.rangeError()) p = p.delete('from').delete('to');
    return this.api.list(p);
  });
  protected readonly statusFilter = computed(() => this.list.filters().status.split(',').filter(Boolean));
  protected readonly clients = toSignal(
    inject(ClientsApi).list({ sort: 'name', take: 1000 }).pipe(map((p) => p.items), catchError(() => of([]))),
    { initialValue: [] },
  );

  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly busy = signal(false);
  protected readonly selectable = computed(() => this.page.items().filter((e) => !isLocked(e)));
  protected readonly allSelected = computed(() => this.selectable().length > 0 && this.selectable().every((e) => this.selected().has(e.id)));
  protected readonly selectionText = computed(() => {
    const chosen = this.page.items().filter((e) => this.selected().has(e.id));
    if (chosen.length === 0) return 'Select Draft or Rejected entries to submit them.';
    const minutes = chosen.reduce((sum, e) => sum + e.durationMinutes, 0);
    return `${chosen.length} selected · ${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')} hours`;
  });

  constructor() {
    // A new page keeps only the selections still on it.
    effect(() => {
      const shown = new Set(this.page.items().map((e) => e.id));
      untracked(() => {
        const current = this.selected();
        if ([...current].some((id) => !shown.has(id))) this.selected.set(new Set([...current].filter((id) => shown.has(id))));
      });
    });
  }

  protected toggle(entry: TimeEntryDto): void {
    const next = new Set(this.selected());
    if (!next.delete(entry.id)) next.add(entry.id);
    this.selected.set(next);
  }

  protected toggleAll(): void {
    this.selected.set(this.allSelected() ? new Set() : new Set(this.selectable().map((e) => e.id)));
  }

  protected async submitSelected(): Promise<void> {
    const ids = this.page.items().filter((e) => this.selected().has(e.id)).map((e) => e.id);
    if (ids.length === 0) return;
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.submit(ids));
      this.errors.success(`Submitted ${ids.length} ${ids.length === 1 ? 'entry' : 'entries'} for approval.`);
      this.selected.set(new Set());
      this.page.reload();
    } catch (error) {
      this.errors.handle(error, { reload: () => this.page.reload() });
    } finally {
      this.busy.set(false);
    }
  }

  protected weekOf(entry: TimeEntryDto): string {
    return weekStartOf(entry.workDate);
  }

  protected describe(entry: TimeEntryDto): string {
    return `${workLabel(entry)}, ${entry.workDate}, ${entry.durationMinutes} minutes`;
  }
}
