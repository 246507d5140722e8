import { Routes } from '@angular/router';

/** Settings (loaded under /settings by app.routes.ts): the organisation, the team, the roles' permissions, integrations. */
export const SETTINGS_ROUTES: Routes = [
  {
    path: 'organisation',
    title: 'Organisation · Settings · Regentra',
    data: { permission: 'Saas.Settings' },
    loadComponent: () => import('./organisation/organisation.page').then((m) => m.OrganisationPage),
  },
  {
    path: 'team',
    title: 'Team · Regentra',
    data: { permission: 'Saas.Users' },
    loadComponent: () => import('./team/team.page').then((m) => m.TeamPage),
  },
  {
    path: 'roles',
    title: 'Roles · Regentra',
    data: { permission: 'Saas.Roles' },
    loadComponent: () => import('./roles/roles.page').then((m) => m.RolesPage),
  },
  {
    // The screen belongs to Billing (the Stripe connection is Billing's); it sits with the other settings.
    path: 'integrations/stripe',
    title: 'Stripe · Settings · Regentra',
    data: { permission: 'Billing.Stripe.Manage' },
    loadComponent: () => import('../../billing/stripe-settings/stripe-settings.page').then((m) => m.StripeSettingsPage),
  },
];
