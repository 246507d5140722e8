import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { Paged } from '../../core/list/paged';
import { ClientDto, CreateClientRequest, UpdateClientRequest } from './psa.models';
import { toParams } from './time-entries.api';

/** /api/psa/clients. */
@Injectable({ providedIn: 'root' })
export class ClientsApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/psa/clients';

  list(filter: { search?: string; isActive?: boolean; skip?: number; take?: number; sort?: string } | HttpParams = {}): Observable<Paged<ClientDto>> {
    return this.http.get<Paged<ClientDto>>(this.base, { params: filter instanceof HttpParams ? filter : toParams(filter) });
  }

  get(id: string): Observable<ClientDto> {
    return this.http.get<ClientDto>(`${this.base}/${id}`);
  }

  create(request: CreateClientRequest): Observable<ClientDto> {
    return this.http.post<ClientDto>(this.base, request);
  }

  update(id: string, request: UpdateClientRequest): Observable<ClientDto> {
    return this.http.put<ClientDto>(`${this.base}/${id}`, request);
  }

  deactivate(id: string): Observable<ClientDto> {
    return this.http.post<ClientDto>(`${this.base}/${id}/deactivate`, null);
  }

  reactivate(id: string): Observable<ClientDto> {
    return this.http.post<ClientDto>(`${this.base}/${id}/reactivate`, null);
  }

  delete(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/${id}`);
  }
}
