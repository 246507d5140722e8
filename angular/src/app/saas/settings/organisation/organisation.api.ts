import { HttpClient, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, map, of, throwError } from 'rxjs';
import { TenantSettings } from '../../../core/config/app-config.models';

/** Mirrors Regentra.Saas.Contracts.Settings.UpdateTenantSettingsRequest. */
export type UpdateTenantSettingsRequest = TenantSettings;

/** Mirrors the answer of PUT /api/saas/settings/logo. */
export interface LogoDto {
  contentType: string;
  bytes: number;
  version: string;
}

/** The logo rules the API enforces (LogoImage): checked here first so a wrong file is refused before it is sent. */
export const LOGO_RULES = { types: ['image/png', 'image/jpeg'], maxBytes: 512 * 1024, maxPixels: 4000 } as const;

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

/** Why a chosen file cannot be the logo, before it is uploaded, or null. */
export function logoFileError(file: Pick<File, 'type' | 'size' | 'name'>): string | null {
  if (!(LOGO_RULES.types as readonly string[]).includes(file.type)) return `${file.name} is not a PNG or JPEG image.`;
  if (file.size > LOGO_RULES.maxBytes) return `${file.name} is ${Math.ceil(file.size / 1024)} KB; the logo may be at most ${LOGO_RULES.maxBytes / 1024} KB.`;
  return null;
}
