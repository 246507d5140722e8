import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { Paged } from '../../core/list/paged';
import { toParams } from '../../psa/api/time-entries.api';
import {
  AddInvoiceLineRequest, BatchInvoiceResponse, InvoiceDetailDto, InvoiceDto, InvoicePreviewDto, InvoiceRequest, InvoiceTotalsDto,
  RecordPaymentRequest, SendInvoiceResponse,
} from './billing.models';

/** Filters of GET /api/billing/invoices and /invoices/totals (status comma-separated; from/to select periods overlapping [from, to)). */
export interface InvoiceFilter {
  status?: string;
  clientId?: string;
  from?: string;
  to?: string;
  overdue?: boolean | string;
  flagged?: boolean | string;
  skip?: number;
  take?: number;
  sort?: string;
}

/** /api/billing/invoices: preview → generate → edit draft → send → payments / void, lists, totals and PDFs. */
@Injectable({ providedIn: 'root' })
export class InvoicesApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/billing/invoices';

  list(filter: InvoiceFilter | HttpParams = {}): Observable<Paged<InvoiceDto>> {
    return this.http.get<Paged<InvoiceDto>>(this.base, { params: params(filter) });
  }

  /** What everything the same filters select adds up to, per currency (paging and sorting are ignored). */
  totals(filter: InvoiceFilter | HttpParams = {}): Observable<InvoiceTotalsDto[]> {
    let query = params(filter);
    for (const key of ['skip', 'take', 'sort']) query = query.delete(key);
    return this.http.get<InvoiceTotalsDto[]>(`${this.base}/totals`, { params: query });
  }

  get(id: string): Observable<InvoiceDetailDto> {
    return this.http.get<InvoiceDetailDto>(`${this.base}/${id}`);
  }

  /** Writes nothing. */
  preview(request: InvoiceRequest): Observable<InvoicePreviewDto> {
    return this.http.post<InvoicePreviewDto>(`${this.base}/preview`, request);
  }

  /** A draft; its time entries are locked to it. A client's period is invoiced once (409 Billing:Invoice.PeriodAlreadyInvoiced). */
  generate(request: InvoiceRequest): Observable<InvoiceDetailDto> {
    return this.http.post<InvoiceDetailDto>(this.base, request);
  }

  batch(from: string, to: string, clientIds: string[]): Observable<BatchInvoiceResponse> {
    return this.http.post<BatchInvoiceResponse>(`${this.base}/batch`, { from, to, clientIds });
  }

  addLine(id: string, request: AddInvoiceLineRequest): Observable<InvoiceDetailDto> {
    return this.http.post<InvoiceDetailDto>(`${this.base}/${id}/lines`, request);
  }

  removeLine(id: string, lineId: string): Observable<InvoiceDetailDto> {
    return this.http.delete<InvoiceDetailDto>(`${this.base}/${id}/lines/${lineId}`);
  }

  /** Deletes a draft and releases its time entries. */
  deleteDraft(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/${id}`);
  }

  /** Numbers a draft and emails it with its pay link; on a sent, unpaid invoice emails it again. */
  send(id: string): Observable<SendInvoiceResponse> {
    return this.http.post<SendInvoiceResponse>(`${this.base}/${id}/send`, null);
  }

  void(id: string, reason: string): Observable<InvoiceDetailDto> {
    return this.http.post<InvoiceDetailDto>(`${this.base}/${id}/void`, { reason });
  }

  recordPayment(id: string, request: RecordPaymentRequest): Observable<InvoiceDetailDto> {
    return this.http.post<InvoiceDetailDto>(`${this.base}/${id}/payments`, request);
  }

  resolveFlag(id: string, paymentId: string, note: string): Observable<InvoiceDetailDto> {
    return this.http.post<InvoiceDetailDto>(`${this.base}/${id}/payments/${paymentId}/resolve`, { note });
  }

  /** The PDF of a sent invoice (drafts have none: they get their number when sent). */
  pdf(id: string): Observable<Blob> {
    return this.http.get(`${this.base}/${id}/pdf`, { responseType: 'blob' });
  }
}

function params(filter: InvoiceFilter | HttpParams): HttpParams {
  return filter instanceof HttpParams ? filter : toParams(filter);
}
