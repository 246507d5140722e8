import { Routes } from '@angular/router';

/** /tickets (the shell's guard checks data.permission: Psa.Tickets, set where app.routes.ts loads these). */
export const TICKET_ROUTES: Routes = [
  { path: '', title: 'Tickets · Regentra', loadComponent: () => import('./ticket-list.page').then((m) => m.TicketListPage) },
  { path: ':id', title: 'Ticket · Regentra', loadComponent: () => import('./ticket-detail.page').then((m) => m.TicketDetailPage) },
];
