import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { Observable, map, of, switchMap } from 'rxjs';
import { AppConfigService } from '../../core/config/app-config.service';
import { DurationPipe } from '../../core/format/format.pipes';
import { injectLoader } from '../../core/http/loader';
import { injectListState, injectPagedList } from '../../core/list/list-state';
import { PermissionDirective } from '../../core/permissions/permission.directive';
import { EmptyState } from '../../core/ui/empty-state';
import { Loading } from '../../core/ui/loading';
import { TimeEntryDto } from '../../psa/api/psa.models';
import { TimeEntriesApi } from '../../psa/api/time-entries.api';
import { ReportsApi } from '../../psa/reports/reports.api';
import { UnbilledClientDto, UnbilledReportDto } from '../../psa/reports/reports.models';
import { InvoiceDto } from '../api/billing.models';
import { InvoicesApi } from '../api/invoices.api';
import { LINKS } from '../links';
import { MoneyPipe } from '../money/money.pipe';
import { injectClientId } from '../ui/client-id';
import { addDays } from '../ui/dates';
import { DayPipe, PeriodPipe } from '../ui/dates.pipes';
import { flaggedChip, invoiceStatusChip } from '../ui/invoice-status';
import { StatusChipComponent } from '../ui/status-chip';

/** How many unbilled entries the tab lists (the summary above counts them all). */
const UNBILLED_SHOWN = 200;

/**
 * A client's invoices (paged and sorted in the URL, with what they add up to) and its approved time not yet
 * invoiced. Takes the client id as an input, or from the route (`clientId` or the client page's `id`).
 */
@Component({
  selector: 'app-client-invoices-tab',
  imports: [
    DayPipe, DurationPipe, EmptyState, Loading, MatButtonModule, MatCardModule, MatIconModule, MatPaginatorModule, MatSortModule, MatTableModule,
    MoneyPipe, PeriodPipe, PermissionDirective, RouterLink, StatusChipComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-invoices.tab.html',
  styleUrl: './client-invoices.tab.scss',
})
export class ClientInvoicesTab {
  readonly clientId = input<string>();
  protected readonly id = injectClientId(this.clientId);

  private readonly invoicesApi = inject(InvoicesApi);
  private readonly unbilledApi = inject(ReportsApi);
  private readonly entriesApi = inject(TimeEntriesApi);
  private readonly config = inject(AppConfigService);

  protected readonly links = LINKS;
  protected readonly statusChip = invoiceStatusChip;
  protected readonly flagChip = flaggedChip;
  private readonly handset = toSignal(inject(BreakpointObserver).observe('(max-width: 719.98px)').pipe(map((s) => s.matches)), { initialValue: false });
  protected readonly compact = this.handset;
  protected readonly columns = computed(() =>
    this.handset() ? ['number', 'status', 'balance'] : ['number', 'period', 'status', 'issueDate', 'total', 'balance']);

  readonly list = injectListState({ sort: 'creationTime desc', take: 10, filters: {} });
  readonly page = injectPagedList(this.list, (params) => this.invoicesApi.list(params.set('clientId', this.id())));
  protected readonly totals = injectLoader(() => this.invoicesApi.totals({ clientId: this.id() }));

  protected readonly canSeeUnbilled = this.config.isGranted('Psa.Reports');
  private readonly canSeeEntries = this.config.isGranted('Psa.TimeEntries.ViewAll');

  /** The client's unbilled summary and, for those who may see everyone's time, its entries (newest first). */
  protected readonly unbilled = injectLoader(() =>
    this.unbilledReport().pipe(
      map((report) => report?.clients.find((c) => c.clientId === this.id()) ?? null),
      switchMap((summary: UnbilledClientDto | null): Observable<{ summary: UnbilledClientDto | null; entries: TimeEntryDto[] | null }> => {
        if (!summary || !this.canSeeEntries) return of({ summary, entries: null });
        return this.entriesApi
          .list({ clientId: this.id(), status: 'Approved', billable: true, from: summary.oldestWorkDate, to: addDays(summary.newestWorkDate, 1), sort: 'workDate desc', take: 1000 })
          .pipe(map((page) => ({ summary, entries: page.items.filter((e) => e.invoiceId === null).slice(0, UNBILLED_SHOWN) })));
      }),
    ));
  protected readonly shownLimit = UNBILLED_SHOWN;

  private unbilledReport(): Observable<UnbilledReportDto | null> {
    return this.canSeeUnbilled ? this.unbilledApi.unbilled() : of(null);
  }

  protected label(invoice: InvoiceDto): string {
    return invoice.number ?? 'Draft';
  }
}
