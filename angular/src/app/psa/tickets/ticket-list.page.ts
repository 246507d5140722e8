import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import { debounceTime, map } from 'rxjs';
import { injectListState, injectPagedList } from '../../core/list/list-state';
import { PermissionDirective } from '../../core/permissions/permission.directive';
import { EmptyState } from '../../core/ui/empty-state';
import { Loading } from '../../core/ui/loading';
import { PageHeader } from '../../core/ui/page-header';
import { TICKET_PRIORITIES, TICKET_STATUSES, TICKET_STATUS_LABELS, TicketDto, TicketPriority, TicketStatus } from '../api/psa.models';
import { TicketsApi } from '../api/tickets.api';
import { AssigneePicker } from '../shared/assignee-picker';
import { ClientPicker } from '../shared/client-picker';
import { openTicketCreate } from './ticket-create.dialog';
import { OPEN_STATUSES_FILTER, TICKET_LIST_DEFAULTS, readPriorities, readStatuses, writePriorities, writeStatuses } from './ticket-filters';
import { TicketsTable } from './tickets-table';

/** Every ticket, filtered by status, priority, client, assignee and text (all kept in the URL), newest first. */
@Component({
  selector: 'app-ticket-list-page',
  imports: [
    AssigneePicker, ClientPicker, EmptyState, Loading, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatPaginatorModule,
    MatSelectModule, PageHeader, PermissionDirective, ReactiveFormsModule, TicketsTable,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './ticket-list.page.html',
  styleUrl: './ticket-list.page.scss',
})
export class TicketListPage {
  private readonly api = inject(TicketsApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);

  readonly list = injectListState(TICKET_LIST_DEFAULTS);
  readonly page = injectPagedList<TicketDto, typeof TICKET_LIST_DEFAULTS.filters>(this.list, (params) => this.api.list(params));

  protected readonly statuses = TICKET_STATUSES;
  protected readonly statusLabels = TICKET_STATUS_LABELS;
  protected readonly priorities = TICKET_PRIORITIES;

  protected readonly text = new FormControl('', { nonNullable: true });
  protected readonly status = new FormControl<TicketStatus[]>([], { nonNullable: true });
  protected readonly priority = new FormControl<TicketPriority[]>([], { nonNullable: true });
  protected readonly clientId = new FormControl<string | null>(null);
  protected readonly assigneeId = new FormControl<string | null>(null);

  /** On a phone the filters beyond search fold behind a button saying how many are set. */
  protected readonly phone = toSignal(inject(BreakpointObserver).observe('(max-width: 599.98px)').pipe(map((s) => s.matches)), { initialValue: false });
  protected readonly filtersOpen = signal(false);
  protected readonly activeFilters = computed(() => {
    const f = this.list.filters();
    return [f.status, f.priority, f.clientId, f.assigneeId].filter((v) => v !== '').length;
  });

  constructor() {
    // URL → controls (first load, back and forward), without echoing back.
    effect(() => {
      const f = this.list.filters();
      if (this.text.value.trim() !== f.text) this.text.setValue(f.text, { emitEvent: false });
      this.status.setValue(readStatuses(f.status), { emitEvent: false });
      this.priority.setValue(readPriorities(f.priority), { emitEvent: false });
      if ((this.clientId.value ?? '') !== f.clientId) this.clientId.setValue(f.clientId || null, { emitEvent: false });
      if ((this.assigneeId.value ?? '') !== f.assigneeId) this.assigneeId.setValue(f.assigneeId || null, { emitEvent: false });
    });

    // Controls → URL.
    const destroy = inject(DestroyRef);
    this.text.valueChanges.pipe(debounceTime(300), takeUntilDestroyed(destroy)).subscribe((text) => this.list.setFilters({ text: text.trim() }));
    this.status.valueChanges.pipe(takeUntilDestroyed(destroy)).subscribe((values) => this.list.setFilters({ status: writeStatuses(values) }));
    this.priority.valueChanges.pipe(takeUntilDestroyed(destroy)).subscribe((values) => this.list.setFilters({ priority: writePriorities(values) }));
    this.clientId.valueChanges.pipe(takeUntilDestroyed(destroy)).subscribe((id) => this.list.setFilters({ clientId: id ?? '' }));
    this.assigneeId.valueChanges.pipe(takeUntilDestroyed(destroy)).subscribe((id) => this.list.setFilters({ assigneeId: id ?? '' }));
  }

  protected showOpen(): void {
    this.list.setFilters({ status: OPEN_STATUSES_FILTER });
  }

  protected statusSummary(): string {
    const chosen = this.status.value;
    if (chosen.length === 0) return 'Any status';
    return this.list.filters().status === OPEN_STATUSES_FILTER ? 'Open (not resolved)' : chosen.map((s) => this.statusLabels[s]).join(', ');
  }

  protected async create(): Promise<void> {
    const ticket = await openTicketCreate(this.dialog);
    if (ticket) void this.router.navigate(['/tickets', ticket.id]);
  }
}
