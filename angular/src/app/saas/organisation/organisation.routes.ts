import { Routes } from '@angular/router';

/** /settings/organisation: loaded with loadChildren from app.routes.ts. */
export const ORGANISATION_ROUTES: Routes = [
  {
    path: '',
    title: 'Organisation · Settings · Regentra',
    data: { permission: 'Saas.Settings' },
    loadComponent: () => import('./organisation.page').then((m) => m.OrganisationPage),
  },
];
