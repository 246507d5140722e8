import { Routes } from '@angular/router';
import { anonymousGuard, authGuard, homeRedirect, tenantGuard } from './core/auth/auth.guard';
import { permissionGuard } from './core/permissions/permission.guard';

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
      { path: 'tickets', data: { permission: 'Psa.Tickets' }, loadChildren: () => import('./psa/tickets/tickets.routes').then((m) => m.TICKET_ROUTES) },
      { path: 'time', loadChildren: () => import('./psa/time/time.routes').then((m) => m.TIME_ROUTES) },
      { path: 'clients', data: { permission: 'Psa.Clients' }, loadChildren: () => import('./psa/clients/clients.routes').then((m) => m.CLIENT_ROUTES) },
      { path: 'settings', loadChildren: () => import('./saas/settings/settings.routes').then((m) => m.SETTINGS_ROUTES) },
      { path: 'billing', loadChildren: () => import('./billing/billing.routes').then((m) => m.BILLING_ROUTES) },
      { path: 'reports', loadChildren: () => import('./psa/reports/reports.routes').then((m) => m.REPORTS_ROUTES) },
      { path: 'host', loadChildren: () => import('./saas/host-admin/host.routes').then((m) => m.HOST_ROUTES) },
      { path: 'not-allowed', title: 'No access · Regentra', loadComponent: () => import('./core/pages/not-allowed.page').then((m) => m.NotAllowedPage) },
      { path: '**', title: 'Page not found · Regentra', loadComponent: () => import('./core/pages/not-found.page').then((m) => m.NotFoundPage) },
    ],
  },
];
