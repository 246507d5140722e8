import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { OrgDateTimePipe } from '../../core/format/format.pipes';
import { Filters, ListState } from '../../core/list/list-state';
import { TicketDto } from '../api/psa.models';
import { Chip } from '../shared/chips';

export type TicketColumn = 'number' | 'title' | 'client' | 'priority' | 'status' | 'assignee' | 'lastModificationTime';

/** Rows of tickets, sorted through the host's `ListState` (number, title, priority, status, last change). */
@Component({
  selector: 'app-tickets-table',
  imports: [Chip, MatSortModule, MatTableModule, OrgDateTimePipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-wrap" [class.reloading]="loading()">
      <table mat-table [dataSource]="items()" matSort [matSortActive]="list().sort().active" [matSortDirection]="list().sort().direction"
        (matSortChange)="list().sortBy($event)" [attr.aria-label]="label()" [attr.aria-busy]="loading()">
        <ng-container matColumnDef="number">
          <th mat-header-cell *matHeaderCellDef mat-sort-header="number" start="desc">Number</th>
          <td mat-cell *matCellDef="let t" class="nowrap"><a [routerLink]="['/tickets', t.id]">{{ t.number }}</a></td>
        </ng-container>
        <ng-container matColumnDef="title">
          <th mat-header-cell *matHeaderCellDef mat-sort-header="title">Title</th>
          <td mat-cell *matCellDef="let t" class="title">
            <a [routerLink]="['/tickets', t.id]" class="title-link">{{ t.title }}</a>
            @if (phone()) {
              <span class="meta">{{ t.number }} · {{ t.clientName }}</span>
              <span class="meta"><app-chip kind="ticket" [value]="t.status" /> <app-chip kind="priority" [value]="t.priority" /></span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="client">
          <th mat-header-cell *matHeaderCellDef>Client</th>
          <td mat-cell *matCellDef="let t"><a [routerLink]="['/clients', t.clientId]" class="quiet">{{ t.clientName }}</a></td>
        </ng-container>
        <ng-container matColumnDef="priority">
          <th mat-header-cell *matHeaderCellDef mat-sort-header="priority" start="desc">Priority</th>
          <td mat-cell *matCellDef="let t"><app-chip kind="priority" [value]="t.priority" /></td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef mat-sort-header="status">Status</th>
          <td mat-cell *matCellDef="let t"><app-chip kind="ticket" [value]="t.status" /></td>
        </ng-container>
        <ng-container matColumnDef="assignee">
          <th mat-header-cell *matHeaderCellDef>Assignee</th>
          <td mat-cell *matCellDef="let t">{{ t.assigneeName ?? '—' }}@if (!t.assigneeName) { <span class="visually-hidden">Unassigned</span> }</td>
        </ng-container>
        <ng-container matColumnDef="lastModificationTime">
          <th mat-header-cell *matHeaderCellDef mat-sort-header="lastModificationTime" start="desc">Updated</th>
          <td mat-cell *matCellDef="let t" class="nowrap muted">{{ (t.lastModificationTime ?? t.creationTime) | orgDateTime }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="shown()"></tr>
        <tr mat-row *matRowDef="let row; columns: shown()"></tr>
      </table>
    </div>
  `,
  styles: `
    .table-wrap { overflow-x: auto; transition: opacity 120ms; }
    .table-wrap.reloading { opacity: 0.6; }
    table { width: 100%; }
    .nowrap { white-space: nowrap; }
    .title { min-width: 180px; }
    .title-link { color: var(--mat-sys-on-surface); font-weight: 500; text-decoration: none; }
    .title-link:hover, .title-link:focus-visible { text-decoration: underline; }
    .quiet { color: inherit; }
    .meta { display: flex; gap: 6px; align-items: center; margin-top: 4px; color: var(--mat-sys-on-surface-variant); }
  `,
})
export class TicketsTable {
  readonly items = input.required<TicketDto[]>();
  readonly list = input.required<ListState<Filters>>();
  readonly columns = input<TicketColumn[]>(['number', 'title', 'client', 'priority', 'status', 'assignee', 'lastModificationTime']);
  readonly loading = input(false);
  readonly label = input('Tickets');

  protected readonly phone = toSignal(inject(BreakpointObserver).observe('(max-width: 719.98px)').pipe(map((s) => s.matches)), { initialValue: false });
  protected readonly shown = computed<TicketColumn[]>(() => (this.phone() ? ['title'] : this.columns()));
}
