import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { Paged } from '../../core/list/paged';

/** Mirrors Regentra.Saas.Contracts.Tenants.TenantDto. */
export interface TenantDto {
  id: string;
  name: string;
  slug: string;
  isActive: boolean;
  creationTime: string;
  suspendedAt: string | null;
  suspensionReason: string | null;
  userCount: number;
}

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
