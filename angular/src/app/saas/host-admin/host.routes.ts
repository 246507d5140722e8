import { Routes } from '@angular/router';

/** /host/…: host operators only (they have no organisation). Loaded with loadChildren from app.routes.ts. */
export const HOST_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'organisations' },
  {
    path: 'organisations',
    title: 'Organisations · Host · Regentra',
    data: { permission: 'Saas.Tenants' },
    loadComponent: () => import('./organisations.page').then((m) => m.OrganisationsPage),
  },
];
