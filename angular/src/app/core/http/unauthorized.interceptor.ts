import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AppConfigService } from '../config/app-config.service';

/**
 * A 401 from any API call means the session is gone (expired, signed out elsewhere, deactivated): forget the user
 * and go to sign-in, coming back to the current page afterwards. The account endpoints answer 401 for a wrong
 * password, which the sign-in form shows itself, so they are left alone. A 403 `Tenancy:TenantSuspended` means a host
 * operator suspended the organisation: the server has ended the session, so the app reloads its (now anonymous)
 * configuration and shows sign-in saying why.
 */
export const unauthorizedInterceptor: HttpInterceptorFn = (request, next) => {
  const router = inject(Router);
  const config = inject(AppConfigService);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 403 && isSuspension(error) && isSessionCall(request.url) && config.isAuthenticated()) {
        config.clear();
        void config.load().then(() => router.navigate(['/sign-in'], { queryParams: { suspended: 1 } }));
      } else if (error instanceof HttpErrorResponse && error.status === 401 && isSessionCall(request.url)) {
        config.clear();
        const current = router.url;
        if (!current.startsWith('/sign-in')) {
          void router.navigate(['/sign-in'], { queryParams: { returnUrl: current === '/' ? null : current } });
        }
      }
      return throwError(() => error);
    }),
  );
};

function isSuspension(error: HttpErrorResponse): boolean {
  const body = error.error as { code?: unknown } | null;
  return !!body && typeof body === 'object' && body.code === 'Tenancy:TenantSuspended';
}

function isSessionCall(url: string): boolean {
  const path = url.replace(/^https?:\/\/[^/]+/, '');
  return path.startsWith('/api/') && !path.startsWith('/api/account/') && !path.startsWith('/api/app-config');
}
