import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { Paged } from '../../core/list/paged';
import {
  ApprovalQueueDto, BulkLogTimeEntriesResponse, LogTimeEntryRequest, TimeEntriesChangedResponse, TimeEntryDto,
  TimeEntrySummaryDto, TimeEntryTransitionDto, UpdateTimeEntryRequest,
} from './psa.models';

/** Filters of GET /api/psa/time-entries (status comma-separated; `to` exclusive). */
export interface TimeEntryFilter {
  technicianId?: string;
  clientId?: string;
  ticketId?: string;
  status?: string;
  billable?: boolean;
  from?: string;
  to?: string;
  skip?: number;
  take?: number;
  sort?: string;
}

/** /api/psa/time-entries and the approval queue. */
@Injectable({ providedIn: 'root' })
export class TimeEntriesApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/psa/time-entries';

  list(filter: TimeEntryFilter | HttpParams = {}): Observable<Paged<TimeEntryDto>> {
    return this.http.get<Paged<TimeEntryDto>>(this.base, { params: filter instanceof HttpParams ? filter : toParams(filter) });
  }

  /** Totals of everything the same filter lists (every page); paging and sort parameters are ignored. */
  summary(filter: Omit<TimeEntryFilter, 'skip' | 'take' | 'sort'> | HttpParams = {}): Observable<TimeEntrySummaryDto> {
    const params = filter instanceof HttpParams ? filter.delete('skip').delete('take').delete('sort') : toParams(filter);
    return this.http.get<TimeEntrySummaryDto>(`${this.base}/summary`, { params });
  }

  get(id: string): Observable<TimeEntryDto> {
    return this.http.get<TimeEntryDto>(`${this.base}/${id}`);
  }

  history(id: string): Observable<TimeEntryTransitionDto[]> {
    return this.http.get<TimeEntryTransitionDto[]>(`${this.base}/${id}/history`);
  }

  log(request: LogTimeEntryRequest): Observable<TimeEntryDto> {
    return this.http.post<TimeEntryDto>(this.base, request);
  }

  /** All rows or none; errors name their row (`entries[3].durationMinutes`). */
  logMany(entries: LogTimeEntryRequest[]): Observable<BulkLogTimeEntriesResponse> {
    return this.http.post<BulkLogTimeEntriesResponse>(`${this.base}/bulk`, { entries });
  }

  update(id: string, request: UpdateTimeEntryRequest): Observable<TimeEntryDto> {
    return this.http.put<TimeEntryDto>(`${this.base}/${id}`, request);
  }

  delete(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/${id}`);
  }

  submit(ids: string[]): Observable<TimeEntriesChangedResponse> {
    return this.http.post<TimeEntriesChangedResponse>(`${this.base}/submit`, { ids });
  }

  approve(ids: string[]): Observable<TimeEntriesChangedResponse> {
    return this.http.post<TimeEntriesChangedResponse>(`${this.base}/approve`, { ids });
  }

  reject(ids: string[], reason: string): Observable<TimeEntriesChangedResponse> {
    return this.http.post<TimeEntriesChangedResponse>(`${this.base}/reject`, { ids, reason });
  }

  reopen(id: string): Observable<TimeEntryDto> {
    return this.http.post<TimeEntryDto>(`${this.base}/${id}/reopen`, null);
  }

  /** The Submitted queue, grouped by technician, with a page of entries (oldest first). */
  approvals(params: { technicianId?: string; skip?: number; take?: number } = {}): Observable<ApprovalQueueDto> {
    return this.http.get<ApprovalQueueDto>('/api/psa/approvals', { params: toParams(params) });
  }
}

export function toParams(values: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
  }
  return params;
}
