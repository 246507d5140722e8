import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { RoleDto, RolePermissionsDto } from './saas.models';

/** /api/saas/roles. */
@Injectable({ providedIn: 'root' })
export class RolesApi {
  private readonly http = inject(HttpClient);

  list(): Observable<RoleDto[]> {
    return this.http.get<RoleDto[]>('/api/saas/roles');
  }

  permissions(role: string): Observable<RolePermissionsDto> {
    return this.http.get<RolePermissionsDto>(`/api/saas/roles/${encodeURIComponent(role)}/permissions`);
  }

  /** Replaces the role's grants; a stale `concurrencyStamp` answers 409 Concurrency. */
  update(role: string, grantedPermissions: string[], concurrencyStamp: string): Observable<RolePermissionsDto> {
    return this.http.put<RolePermissionsDto>(`/api/saas/roles/${encodeURIComponent(role)}/permissions`, { grantedPermissions, concurrencyStamp });
  }
}
