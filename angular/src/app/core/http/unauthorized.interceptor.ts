import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AppConfigService } from '../config/app-config.service';

/**
 * A 401 from any API call means the session is gone (expired, signed out elsewhere, deactivated): forget the user
 * and go to sign-in, coming back to the current page afterwards. The account endpoints answer 401 for a wrong
 * password, which the sign-in form shows itself, so they are left alone.
 */
export const unauthorizedInterceptor: HttpInterceptorFn = (request, next) => {
  const router = inject(Router);
  const config = inject(AppConfigService);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && isSessionCall(request.url)) {
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

function isSessionCall(url: string): boolean {
  const path = url.replace(/^https?:\/\/[^/]+/, '');
  return path.startsWith('/api/') && !path.startsWith('/api/account/') && !path.startsWith('/api/app-config');
}
