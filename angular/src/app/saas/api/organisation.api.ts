import { HttpClient, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, map, of, throwError } from 'rxjs';
import { TenantSettings } from '../../core/config/app-config.models';
import { LogoDto, UpdateTenantSettingsRequest } from './saas.models';

/** /api/saas/settings and /api/saas/settings/logo. */
@Injectable({ providedIn: 'root' })
export class OrganisationApi {
  private readonly http = inject(HttpClient);

  get(): Observable<TenantSettings> {
    return this.http.get<TenantSettings>('/api/saas/settings');
  }

  update(request: UpdateTenantSettingsRequest): Observable<TenantSettings> {
    return this.http.put<TenantSettings>('/api/saas/settings', request);
  }

  /** The logo image, or null when the organisation has none (404 is an answer here, not an error). */
  logo(): Observable<Blob | null> {
    return this.http.get('/api/saas/settings/logo', { responseType: 'blob', observe: 'response' }).pipe(
      map((response: HttpResponse<Blob>) => response.body),
      catchError((error: { status?: number }) => (error.status === 404 ? of(null) : throwError(() => error))),
    );
  }

  /** Sends the file itself as the body (PNG or JPEG); the API checks its bytes, not only its name. */
  uploadLogo(file: File): Observable<LogoDto> {
    return this.http.put<LogoDto>('/api/saas/settings/logo', file, { headers: { 'Content-Type': file.type || 'application/octet-stream' } });
  }

  removeLogo(): Observable<void> {
    return this.http.delete<void>('/api/saas/settings/logo');
  }
}
