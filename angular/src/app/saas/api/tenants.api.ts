import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { Paged } from '../../core/list/paged';
import { TenantDto } from './saas.models';

/** /api/saas/tenants: every organisation, for host operators (Saas.Tenants, Saas.Tenants.Manage). */
@Injectable({ providedIn: 'root' })
export class TenantsApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/saas/tenants';

  list(params: HttpParams): Observable<Paged<TenantDto>> {
    return this.http.get<Paged<TenantDto>>(this.base, { params });
  }

  suspend(id: string, reason: string): Observable<TenantDto> {
    return this.http.post<TenantDto>(`${this.base}/${id}/suspend`, { reason });
  }

  reactivate(id: string): Observable<TenantDto> {
    return this.http.post<TenantDto>(`${this.base}/${id}/reactivate`, null);
  }
}
