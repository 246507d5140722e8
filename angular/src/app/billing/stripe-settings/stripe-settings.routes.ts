import { Routes } from '@angular/router';

/** /settings/integrations/stripe: loaded with loadChildren from app.routes.ts. */
export const STRIPE_SETTINGS_ROUTES: Routes = [
  {
    path: '',
    title: 'Stripe · Settings · Regentra',
    data: { permission: 'Billing.Stripe.Manage' },
    loadComponent: () => import('./stripe-settings.page').then((m) => m.StripeSettingsPage),
  },
];
