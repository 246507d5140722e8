import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { toParams } from '../api/time-entries.api';
import { InvoiceAgingDto, UnbilledReportDto, UtilizationGroupBy, UtilizationReportDto } from './reports.models';

/** The report endpoints: /api/psa/reports (utilisation, unbilled) and /api/billing/reports (aging, the accounting export). */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  /** [from, to): work dates from ≤ d < to. */
  utilization(from: string, to: string, groupBy: UtilizationGroupBy): Observable<UtilizationReportDto> {
    return this.http.get<UtilizationReportDto>('/api/psa/reports/utilization', { params: new HttpParams().set('from', from).set('to', to).set('groupBy', groupBy) });
  }

  /** Approved billable time not yet on an invoice, per client; optionally only work dates in [from, to). */
  unbilled(period: { from?: string; to?: string } = {}): Observable<UnbilledReportDto> {
    return this.http.get<UnbilledReportDto>('/api/psa/reports/unbilled', { params: toParams(period) });
  }

  aging(asOf?: string): Observable<InvoiceAgingDto> {
    return this.http.get<InvoiceAgingDto>('/api/billing/reports/aging', { params: asOf ? new HttpParams().set('asOf', asOf) : undefined });
  }

  /** The accounting CSV of invoices issued in [from, to): a plain link, so the browser downloads it with the session cookie. */
  exportUrl(from: string, to: string): string {
    return `/api/billing/invoices/export.csv?${new HttpParams().set('from', from).set('to', to).toString()}`;
  }
}
