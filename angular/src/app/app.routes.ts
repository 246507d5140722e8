import { Routes } from '@angular/router';
import { anonymousGuard, authGuard, homeRedirect, tenantGuard } from './core/auth/auth.guard';
import { permissionGuard } from './core/permissions/permission.guard';

/** A screen that has a route and a permission but no page yet (see psa/placeholder). */
const comingSoon = (title: string, icon: string, text: string) => ({
  loadComponent: () => import('./psa/placeholder/coming-soon.page').then((m) => m.ComingSoonPage),
  data: { title, icon, text },
});

export const routes: Routes = [
  // Signed out.
  { path: 'sign-in', title: 'Sign in · Regentra', canActivate: [anonymousGuard], loadComponent: () => import('./saas/sign-in/sign-in.page').then((m) => m.SignInPage) },
  { path: 'sign-up', title: 'Create your organisation · Regentra', canActivate: [anonymousGuard], loadComponent: () => import('./saas/sign-up/sign-up.page').then((m) => m.SignUpPage) },
  // The path InvitationService puts in the emailed link.
  { path: 'accept-invitation', title: 'Join your team · Regentra', loadComponent: () => import('./saas/accept-invitation/accept-invitation.page').then((m) => m.AcceptInvitationPage) },
  { path: 'forgot-password', title: 'Reset your password · Regentra', loadComponent: () => import('./saas/password-reset/forgot-password.page').then((m) => m.ForgotPasswordPage) },
  // The path PasswordResetService puts in the emailed link.
  { path: 'reset-password', title: 'Choose a new password · Regentra', loadComponent: () => import('./saas/password-reset/reset-password.page').then((m) => m.ResetPasswordPage) },
  // An invoice's pay link, for the MSP's client: anonymous, no app chrome (the host serves the app for GET /pay/{token}).
  { path: 'pay/:token', title: 'Invoice', loadComponent: () => import('./billing/pay/pay.page').then((m) => m.PayPage) },

  // Signed in: the shell, then each screen with the permission it needs (data.permission, any expression).
  {
    path: '',
    canActivate: [authGuard],
    canActivateChild: [permissionGuard],
    loadComponent: () => import('./core/shell/shell').then((m) => m.Shell),
    children: [
      { path: '', pathMatch: 'full', redirectTo: homeRedirect },
      { path: 'dashboard', title: 'Dashboard · Regentra', canActivate: [tenantGuard], loadComponent: () => import('./psa/dashboard/dashboard.page').then((m) => m.DashboardPage) },
      { path: 'profile', title: 'Profile · Regentra', loadComponent: () => import('./saas/profile/profile.page').then((m) => m.ProfilePage) },
      { path: 'tickets', title: 'Tickets · Regentra', ...withData(comingSoon('Tickets', 'confirmation_number', 'The ticket list, ticket detail and logging time from a ticket come next.'), { permission: 'Psa.Tickets' }) },
      { path: 'time/timesheet', title: 'My timesheet · Regentra', ...withData(comingSoon('My timesheet', 'calendar_view_week', 'The weekly grid of your time, with bulk entry and submit, comes next.'), { permission: 'Psa.TimeEntries' }) },
      { path: 'time/approvals', title: 'Approvals · Regentra', ...withData(comingSoon('Approvals', 'fact_check', 'The approval queue grouped by technician comes next. The dashboard shows how many entries are waiting.'), { permission: 'Psa.TimeEntries.Approve' }) },
      { path: 'clients', title: 'Clients · Regentra', ...withData(comingSoon('Clients', 'business', 'The client list, client detail and editing come next.'), { permission: 'Psa.Clients' }) },
      { path: 'reports', loadChildren: () => import('./psa/reports/reports.routes').then((m) => m.REPORTS_ROUTES) },
      { path: 'settings/organisation', loadChildren: () => import('./saas/organisation/organisation.routes').then((m) => m.ORGANISATION_ROUTES) },
      { path: 'settings/integrations/stripe', loadChildren: () => import('./billing/stripe-settings/stripe-settings.routes').then((m) => m.STRIPE_SETTINGS_ROUTES) },
      { path: 'host', loadChildren: () => import('./saas/host-admin/host.routes').then((m) => m.HOST_ROUTES) },
      { path: 'not-allowed', title: 'No access · Regentra', loadComponent: () => import('./core/pages/not-allowed.page').then((m) => m.NotAllowedPage) },
      { path: '**', title: 'Page not found · Regentra', loadComponent: () => import('./core/pages/not-found.page').then((m) => m.NotFoundPage) },
    ],
  },
];

function withData<T extends { data: Record<string, unknown> }>(route: T, data: Record<string, unknown>): T {
  return { ...route, data: { ...route.data, ...data } };
}
