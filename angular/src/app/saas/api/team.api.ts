import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { Paged } from '../../core/list/paged';
import { InvitationDto, UserDto } from './saas.models';

/** /api/saas/users and /api/saas/invitations. */
@Injectable({ providedIn: 'root' })
export class TeamApi {
  private readonly http = inject(HttpClient);

  users(params: HttpParams): Observable<Paged<UserDto>> {
    return this.http.get<Paged<UserDto>>('/api/saas/users', { params });
  }

  changeRole(id: string, role: string): Observable<UserDto> {
    return this.http.put<UserDto>(`/api/saas/users/${id}/role`, { role });
  }

  deactivate(id: string): Observable<UserDto> {
    return this.http.post<UserDto>(`/api/saas/users/${id}/deactivate`, null);
  }

  reactivate(id: string): Observable<UserDto> {
    return this.http.post<UserDto>(`/api/saas/users/${id}/reactivate`, null);
  }

  /** Invitations not yet accepted (pending, expired, revoked), newest first. */
  invitations(): Observable<InvitationDto[]> {
    return this.http.get<InvitationDto[]>('/api/saas/invitations');
  }

  /** Emails the link; the answer carries it too (`acceptUrl`), once. */
  invite(email: string, role: string): Observable<InvitationDto> {
    return this.http.post<InvitationDto>('/api/saas/invitations', { email, role });
  }

  revoke(id: string): Observable<void> {
    return this.http.delete<void>(`/api/saas/invitations/${id}`);
  }
}
