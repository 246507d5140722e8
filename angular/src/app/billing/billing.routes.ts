import { Routes } from '@angular/router';

/**
 * Billing (loaded under /billing by app.routes.ts), each page with the permission it needs. The two client pages are
 * the client's Agreement and Invoices tabs on a page of their own, until the client page takes them as tabs.
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
  {
    path: 'clients/:clientId/agreement',
    title: 'Agreement · Regentra',
    data: { permission: 'Billing.Agreements', tab: 'agreement' },
    loadComponent: () => import('./clients/client-billing.page').then((m) => m.ClientBillingPage),
  },
  {
    path: 'clients/:clientId/invoices',
    title: 'Client invoices · Regentra',
    data: { permission: 'Billing.Invoices', tab: 'invoices' },
    loadComponent: () => import('./clients/client-billing.page').then((m) => m.ClientBillingPage),
  },
];
