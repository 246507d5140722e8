import { ChangeDetectionStrategy, Component, effect, inject, input, output, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { DurationPipe, WorkDatePipe } from '../../../core/format/format.pipes';
import { injectListState, injectPagedList } from '../../../core/list/list-state';
import { EmptyState } from '../../../core/ui/empty-state';
import { Loading } from '../../../core/ui/loading';
import { TimeEntryDto } from '../../api/psa.models';
import { TimeEntriesApi } from '../../api/time-entries.api';
import { EntryStatus, workLabel } from '../shared/entry-status';

/** Everyone's approved time, newest first, paged and sorted by the server: where a reviewer reopens an approval. */
@Component({
  selector: 'app-approved-list',
  imports: [DurationPipe, EmptyState, EntryStatus, Loading, MatButtonModule, MatPaginatorModule, MatSortModule, MatTableModule, WorkDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="muted intro">An approved entry can be reopened while it is not on an invoice: it goes back to the queue for another look.</p>
    @if (page.loading() && page.items().length === 0) {
      <app-loading label="Loading approved time" />
    } @else if (page.failed()) {
      <app-empty-state icon="error" title="Approved time could not be loaded"><button mat-stroked-button type="button" (click)="page.reload()">Try again</button></app-empty-state>
    } @else if (page.totalCount() === 0) {
      <app-empty-state icon="task_alt" title="No approved time yet" text="Entries you approve from the queue are listed here." />
    } @else {
      <div class="table-card">
      <div class="table-scroll">
        <table mat-table [dataSource]="page.items()" matSort [matSortActive]="list.sort().active" [matSortDirection]="list.sort().direction"
          (matSortChange)="list.sortBy($event)" aria-label="Approved time">
          <ng-container matColumnDef="workDate">
            <th mat-header-cell *matHeaderCellDef mat-sort-header>Date</th>
            <td mat-cell *matCellDef="let e" class="nowrap">{{ e.workDate | workDate }}</td>
          </ng-container>
          <ng-container matColumnDef="technician">
            <th mat-header-cell *matHeaderCellDef>Technician</th>
            <td mat-cell *matCellDef="let e">{{ e.technicianName }}</td>
          </ng-container>
          <ng-container matColumnDef="work">
            <th mat-header-cell *matHeaderCellDef>Work</th>
            <td mat-cell *matCellDef="let e"><span class="strong">{{ label(e) }}</span><span class="desc">{{ e.description }}</span></td>
          </ng-container>
          <ng-container matColumnDef="durationMinutes">
            <th mat-header-cell *matHeaderCellDef mat-sort-header>Hours</th>
            <td mat-cell *matCellDef="let e">{{ e.durationMinutes | duration }}</td>
          </ng-container>
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef>Status</th>
            <td mat-cell *matCellDef="let e"><app-entry-status [entry]="e" /></td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef><span class="visually-hidden">Actions</span></th>
            <td mat-cell *matCellDef="let e" class="actions">
              <button mat-button type="button" (click)="historyOf.emit(e)" [attr.aria-label]="'History of ' + describe(e)">History</button>
              @if (!e.invoiceId) {
                <button mat-stroked-button type="button" (click)="reopen.emit(e)" [attr.aria-label]="'Reopen ' + describe(e)">Reopen</button>
              }
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns" [class.open]="row.id === historyId()"></tr>
        </table>
      </div>
      <mat-paginator [length]="page.totalCount()" [pageIndex]="list.pageIndex()" [pageSize]="list.query().take" [pageSizeOptions]="list.pageSizes"
        (page)="list.page($event)" aria-label="Pages of approved time" />
      </div>
    }
  `,
  styles: `
    .intro { margin: 0 0 12px; }
    .table-card { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; overflow: hidden; }
    .table-scroll { overflow-x: auto; }
    table { width: 100%; min-width: 640px; }
    .nowrap { white-space: nowrap; }
    .strong { display: block; font-weight: 500; }
    .desc { display: block; color: var(--mat-sys-on-surface-variant); max-width: 240px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .actions { text-align: right; }
    .actions button { margin: 2px 0 2px 4px; }
    tr.open { box-shadow: inset 3px 0 0 var(--mat-sys-primary); }
  `,
})
export class ApprovedList {
  private readonly api = inject(TimeEntriesApi);
  readonly refresh = input(0);
  readonly historyId = input<string | null>(null);
  readonly historyOf = output<TimeEntryDto>();
  readonly reopen = output<TimeEntryDto>();

  protected readonly columns = ['workDate', 'technician', 'work', 'durationMinutes', 'status', 'actions'];
  protected readonly label = workLabel;
  protected readonly list = injectListState({ sort: 'workDate desc', filters: {} as Record<string, string> });
  protected readonly page = injectPagedList(this.list, (params) => this.api.list(params.set('status', 'Approved')));

  constructor() {
    let first = true;
    effect(() => {
      this.refresh();
      if (first) first = false;
      else untracked(() => this.page.reload());
    });
  }

  protected describe(e: TimeEntryDto): string {
    return `${e.technicianName}, ${workLabel(e)}, ${e.workDate}`;
  }
}
