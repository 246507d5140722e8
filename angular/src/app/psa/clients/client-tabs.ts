import { Type } from '@angular/core';

/** One tab of the client page: its URL segment (/clients/:id/<path>), its label, and who may see it. */
export interface ClientTab {
  path: string;
  label: string;
  /** A permission expression; the tab and its route are hidden from / refused to anyone without it. */
  permission?: string;
  loadComponent: () => Promise<Type<unknown>>;
}

/**
 * The client page's tabs, in order. Adding one is one line here: its route and its link both come from this list.
 * The tab's component injects ClientContext for the client (and `reload()` after changing it).
 */
export const CLIENT_TABS: ClientTab[] = [
  { path: 'overview', label: 'Overview', loadComponent: () => import('./tabs/client-overview.tab').then((m) => m.ClientOverviewTab) },
  { path: 'tickets', label: 'Tickets', permission: 'Psa.Tickets', loadComponent: () => import('./tabs/client-tickets.tab').then((m) => m.ClientTicketsTab) },
  {
    path: 'time', label: 'Time', permission: 'Psa.TimeEntries || Psa.TimeEntries.ViewAll || Psa.TimeEntries.Approve',
    loadComponent: () => import('./tabs/client-time.tab').then((m) => m.ClientTimeTab),
  },
  // Part 2 adds, for example:
  // { path: 'agreement', label: 'Agreement', permission: 'Billing.Agreements', loadComponent: () => import('../../billing/agreements/client-agreement.tab').then((m) => m.ClientAgreementTab) },
];
