import { inject } from '@angular/core';
import { CanActivateFn, RedirectCommand, Router } from '@angular/router';
import { AppConfigService } from '../config/app-config.service';

/**
 * Route guard for `data: { permission: 'Psa.TimeEntries.Approve' }` (any permission expression). Someone signed in
 * without it sees the "not allowed" page, never a blank screen, and the address bar keeps the link they followed
 * (so they can send it to an administrator). Put authGuard first: anonymous people are sent to sign-in.
 */
export const permissionGuard: CanActivateFn = (route, state) => {
  const config = inject(AppConfigService);
  const permission = route.data['permission'] as string | undefined;
  if (config.isGranted(permission)) return true;
  const router = inject(Router);
  return new RedirectCommand(router.parseUrl('/not-allowed'), { browserUrl: state.url });
};
