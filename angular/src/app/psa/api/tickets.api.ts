import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { Paged } from '../../core/list/paged';
import { AssigneeDto, CreateTicketRequest, TicketDetailDto, TicketDto, TicketStatus, TimeEntryDto, UpdateTicketRequest } from './psa.models';
import { toParams } from './time-entries.api';

export interface TicketFilter {
  /** Comma-separated, like priority. */
  status?: string;
  priority?: string;
  clientId?: string;
  assigneeId?: string;
  text?: string;
  skip?: number;
  take?: number;
  sort?: string;
}

/** /api/psa/tickets. */
@Injectable({ providedIn: 'root' })
export class TicketsApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/psa/tickets';

  list(filter: TicketFilter | HttpParams = {}): Observable<Paged<TicketDto>> {
    return this.http.get<Paged<TicketDto>>(this.base, { params: filter instanceof HttpParams ? filter : toParams(filter) });
  }

  get(id: string): Observable<TicketDetailDto> {
    return this.http.get<TicketDetailDto>(`${this.base}/${id}`);
  }

  create(request: CreateTicketRequest): Observable<TicketDetailDto> {
    return this.http.post<TicketDetailDto>(this.base, request);
  }

  update(id: string, request: UpdateTicketRequest): Observable<TicketDetailDto> {
    return this.http.put<TicketDetailDto>(`${this.base}/${id}`, request);
  }

  changeStatus(id: string, status: TicketStatus, concurrencyStamp: string): Observable<TicketDetailDto> {
    return this.http.post<TicketDetailDto>(`${this.base}/${id}/status`, { status, concurrencyStamp });
  }

  /** Active members a ticket can be assigned to, by name (no team permission needed). */
  assignees(filter: { search?: string; skip?: number; take?: number } = {}): Observable<Paged<AssigneeDto>> {
    return this.http.get<Paged<AssigneeDto>>('/api/psa/assignees', { params: toParams(filter) });
  }

  timeEntries(id: string, page: { skip?: number; take?: number } = {}): Observable<Paged<TimeEntryDto>> {
    return this.http.get<Paged<TimeEntryDto>>(`${this.base}/${id}/time-entries`, { params: toParams(page) });
  }
}
