import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatChipListboxChange, MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { catchError, map, of, switchMap } from 'rxjs';
import { AppConfigService } from '../../core/config/app-config.service';
import { injectListState, injectPagedList } from '../../core/list/list-state';
import { PermissionDirective } from '../../core/permissions/permission.directive';
import { EmptyState } from '../../core/ui/empty-state';
import { Loading } from '../../core/ui/loading';
import { PageHeader } from '../../core/ui/page-header';
import { ClientPicker } from '../../psa/shared/client-picker';
import { INVOICE_STATUSES, InvoiceDto, InvoiceStatus, InvoiceTotalsDto } from '../api/billing.models';
import { InvoicesApi } from '../api/invoices.api';
import { LINKS } from '../links';
import { MoneyPipe } from '../money/money.pipe';
import { addDays } from '../ui/dates';
import { DayPipe, PeriodPipe } from '../ui/dates.pipes';
import { flaggedChip, invoiceStatusChip } from '../ui/invoice-status';
import { StatusChipComponent } from '../ui/status-chip';

/**
 * Every invoice: status chips, client, period, overdue and flagged filters in the URL, paged and sorted by the server,
 * and what everything the filters select adds up to per currency (GET /invoices/totals with the same filters).
 */
@Component({
  selector: 'app-invoice-list-page',
  imports: [
    ClientPicker, DayPipe, EmptyState, Loading, MatButtonModule, MatCardModule, MatCheckboxModule, MatChipsModule, MatFormFieldModule, MatIconModule, MatInputModule,
    MatPaginatorModule, MatSelectModule, MatSortModule, MatTableModule, MoneyPipe, PageHeader, PeriodPipe, PermissionDirective, RouterLink,
    StatusChipComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './invoice-list.page.html',
  styleUrl: './invoice-list.page.scss',
})
export class InvoiceListPage {
  private readonly api = inject(InvoicesApi);
  private readonly config = inject(AppConfigService);

  protected readonly links = LINKS;
  protected readonly statuses = INVOICE_STATUSES;
  protected readonly statusChip = invoiceStatusChip;
  protected readonly flagChip = flaggedChip;

  readonly list = injectListState({
    sort: 'creationTime desc',
    filters: { status: '', clientId: '', from: '', to: '', overdue: '', flagged: '' },
  });
  readonly page = injectPagedList(this.list, (params) => this.api.list(params));

  /** Totals of everything the filters select (not only this page), per currency. */
  protected readonly totals = signal<InvoiceTotalsDto[] | null>(null);

  protected readonly canFilterByClient = this.config.isGranted('Psa.Clients');
  /** The client filter's picker (searches on the server); follows the URL on back and forward. */
  protected readonly clientId = new FormControl<string | null>(null);

  protected readonly selectedStatuses = computed(() => this.list.filters().status.split(',').filter(Boolean) as InvoiceStatus[]);
  /** The period filter's last day as the date field shows it (the URL keeps the API's exclusive `to`). */
  protected readonly lastDay = computed(() => (this.list.filters().to ? addDays(this.list.filters().to, -1) : ''));

  private readonly handset = toSignal(inject(BreakpointObserver).observe('(max-width: 719.98px)').pipe(map((s) => s.matches)), { initialValue: false });
  protected readonly columns = computed(() =>
    this.handset() ? ['number', 'status', 'balance'] : ['number', 'clientName', 'period', 'status', 'issueDate', 'dueDate', 'total', 'balance']);
  protected readonly compact = this.handset;
  /** How many filters besides the status are set (a phone folds them away). */
  protected readonly otherFilters = computed(() => {
    const f = this.list.filters();
    return [f.clientId, f.from, f.to, f.overdue, f.flagged].filter(Boolean).length;
  });
  protected readonly showFilters = signal(false);
  protected readonly filtersShown = computed(() => !this.handset() || this.showFilters());

  constructor() {
    const destroy = inject(DestroyRef);
    effect(() => {
      const id = this.list.filters().clientId;
      if ((this.clientId.value ?? '') !== id) this.clientId.setValue(id || null, { emitEvent: false });
    });
    this.clientId.valueChanges.pipe(takeUntilDestroyed(destroy)).subscribe((id) => this.list.setFilters({ clientId: id ?? '' }));
    toObservable(this.list.filters)
      .pipe(
        switchMap((filters) => {
          this.totals.set(null);
          return this.api.totals(filters).pipe(catchError(() => of([] as InvoiceTotalsDto[])));
        }),
        takeUntilDestroyed(destroy),
      )
      .subscribe((totals) => this.totals.set(totals));
  }

  protected setStatuses(event: MatChipListboxChange): void {
    const chosen = (event.value as InvoiceStatus[]) ?? [];
    // In the order of the lifecycle, so the URL does not depend on the order of clicks.
    this.list.setFilters({ status: INVOICE_STATUSES.filter((s) => chosen.includes(s)).join(',') });
  }

  protected setFrom(value: string): void {
    this.list.setFilters({ from: value ?? '' });
  }

  protected setLastDay(value: string): void {
    this.list.setFilters({ to: value ? addDays(value, 1) : '' });
  }

  protected setFlag(name: 'overdue' | 'flagged', on: boolean): void {
    this.list.setFilters({ [name]: on ? 'true' : '' });
  }

  protected label(invoice: InvoiceDto): string {
    return invoice.number ?? 'Draft';
  }
}
