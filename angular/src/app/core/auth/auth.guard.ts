import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { AppConfigService } from '../config/app-config.service';

/** Sends an anonymous person to sign-in, remembering where they were going (`returnUrl`), and back after. */
export const authGuard: CanActivateFn = (_route, state) => {
  const config = inject(AppConfigService);
  if (config.isAuthenticated()) return true;
  return inject(Router).createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
};

/** The signed-out pages (sign-in, sign-up): someone already signed in goes to the dashboard. */
export const anonymousGuard: CanActivateFn = () => {
  const config = inject(AppConfigService);
  return config.isAuthenticated() ? inject(Router).createUrlTree(['/dashboard']) : true;
};

/** Where "home" is: the dashboard of one's organisation, or, for a host operator (no organisation), host administration. */
export const HOST_HOME = '/host/organisations';

export function homeUrl(config: AppConfigService): string {
  return config.isAuthenticated() && !config.tenant() ? HOST_HOME : '/dashboard';
}

/** For `redirectTo` of the empty path: the signed-in person's home. */
export const homeRedirect = () => homeUrl(inject(AppConfigService));

/** Organisation screens (the dashboard): a host operator has no organisation, so goes to host administration instead. */
export const tenantGuard: CanActivateFn = () => {
  const config = inject(AppConfigService);
  return config.tenant() || !config.isAuthenticated() ? true : inject(Router).createUrlTree([HOST_HOME]);
};

/** A returnUrl is followed only inside the app (never to another site). */
export function safeReturnUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/dashboard';
  if (value.startsWith('/sign-in') || value.startsWith('/sign-up')) return '/dashboard';
  return value;
}
