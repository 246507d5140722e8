import { Routes } from '@angular/router';
import { CLIENT_TABS } from './client-tabs';

/** /clients (data.permission Psa.Clients is set where app.routes.ts loads these; tabs add their own). */
export const CLIENT_ROUTES: Routes = [
  { path: '', title: 'Clients · Regentra', loadComponent: () => import('./client-list.page').then((m) => m.ClientListPage) },
  {
    path: ':id',
    title: 'Client · Regentra',
    loadComponent: () => import('./client-detail.page').then((m) => m.ClientDetailPage),
    children: [
      { path: '', pathMatch: 'full', redirectTo: CLIENT_TABS[0].path },
      ...CLIENT_TABS.map((tab) => ({ path: tab.path, loadComponent: tab.loadComponent, data: tab.permission ? { permission: tab.permission } : {} })),
    ],
  },
];
