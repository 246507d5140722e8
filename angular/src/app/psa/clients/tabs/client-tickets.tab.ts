import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { injectListState, injectPagedList } from '../../../core/list/list-state';
import { EmptyState } from '../../../core/ui/empty-state';
import { Loading } from '../../../core/ui/loading';
import { TICKET_STATUSES, TICKET_STATUS_LABELS, TicketDto, TicketStatus } from '../../api/psa.models';
import { TicketsApi } from '../../api/tickets.api';
import { readStatuses, writeStatuses } from '../../tickets/ticket-filters';
import { TicketsTable } from '../../tickets/tickets-table';
import { ClientContext } from '../client-context';

/** The client's tickets, newest first, filtered by status (in the URL). */
@Component({
  selector: 'app-client-tickets-tab',
  imports: [EmptyState, Loading, MatButtonModule, MatFormFieldModule, MatPaginatorModule, MatSelectModule, ReactiveFormsModule, TicketsTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bar">
      <mat-form-field class="status">
        <mat-label>Status</mat-label>
        <mat-select [formControl]="status" multiple>
          @for (s of statuses; track s) { <mat-option [value]="s">{{ labels[s] }}</mat-option> }
        </mat-select>
      </mat-form-field>
    </div>
    @if (page.loading() && page.items().length === 0) {
      <app-loading label="Loading the client's tickets" />
    } @else if (page.failed() && page.items().length === 0) {
      <app-empty-state icon="error" title="The tickets could not be loaded"><button mat-stroked-button type="button" (click)="page.reload()">Try again</button></app-empty-state>
    } @else if (page.totalCount() === 0) {
      @if (list.hasFilters()) {
        <app-empty-state icon="filter_alt_off" title="No tickets with these statuses"><button mat-stroked-button type="button" (click)="list.resetFilters()">Clear filters</button></app-empty-state>
      } @else {
        <app-empty-state icon="confirmation_number" title="No tickets for this client yet" text="Open a ticket for their next request with New ticket above; its time shows on the Time tab." />
      }
    } @else {
      <app-tickets-table [items]="page.items()" [list]="list" [loading]="page.loading()" label="The client's tickets"
        [columns]="['number', 'title', 'priority', 'status', 'assignee', 'lastModificationTime']" />
      <mat-paginator [length]="page.totalCount()" [pageIndex]="list.pageIndex()" [pageSize]="list.query().take" [pageSizeOptions]="list.pageSizes"
        (page)="list.page($event)" aria-label="Pages of the client's tickets" />
    }
  `,
  styles: `.bar { margin-bottom: 8px; } .status { width: 260px; max-width: 100%; }`,
})
export class ClientTicketsTab {
  private readonly api = inject(TicketsApi);
  private readonly context = inject(ClientContext);
  protected readonly statuses = TICKET_STATUSES;
  protected readonly labels = TICKET_STATUS_LABELS;

  readonly list = injectListState({ sort: 'number desc', filters: { status: '' } });
  readonly page = injectPagedList<TicketDto, { status: string }>(this.list, (params) => this.api.list(params.set('clientId', this.clientId())));
  protected readonly status = new FormControl<TicketStatus[]>([], { nonNullable: true });

  constructor() {
    effect(() => this.status.setValue(readStatuses(this.list.filters().status), { emitEvent: false }));
    // Another client in the same page (its id changed in the URL): load its tickets.
    let shown = this.clientId();
    effect(() => {
      const id = this.clientId();
      if (id !== shown) {
        shown = id;
        untracked(() => this.page.reload());
      }
    });
    this.status.valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe((values) => this.list.setFilters({ status: writeStatuses(values) }));
  }

  private clientId(): string {
    return this.context.client()?.id ?? '';
  }
}
