import { Routes } from '@angular/router';

/**
 * Billing (loaded under /billing by app.routes.ts), each page with the permission it needs. A client's Agreement and
 * Invoices are tabs of the client page (psa/clients/client-tabs.ts).
 */
export const BILLING_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'invoices' },
  {
    path: 'invoices',
    title: 'Invoices · Regentra',
    data: { permission: 'Billing.Invoices' },
    loadComponent: () => import('./invoices/invoice-list.page').then((m) => m.InvoiceListPage),
  },
  {
    path: 'new-invoice',
    title: 'New invoice · Regentra',
    data: { permission: 'Billing.Invoices.Generate' },
    loadComponent: () => import('./wizard/invoice-wizard.page').then((m) => m.InvoiceWizardPage),
  },
  {
    path: 'invoices/:id',
    title: 'Invoice · Regentra',
    data: { permission: 'Billing.Invoices' },
    loadComponent: () => import('./invoices/invoice-detail.page').then((m) => m.InvoiceDetailPage),
  },
  {
    path: 'runs',
    title: 'Month-end runs · Regentra',
    data: { permission: 'Billing.Runs' },
    loadComponent: () => import('./runs/runs.page').then((m) => m.RunsPage),
  },
];
