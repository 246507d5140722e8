import { Routes } from '@angular/router';

/** Time (loaded under /time by app.routes.ts): my timesheet and the approval queue, each with its permission. */
export const TIME_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'timesheet' },
  {
    path: 'timesheet',
    title: 'My timesheet · Regentra',
    data: { permission: 'Psa.TimeEntries' },
    loadComponent: () => import('./timesheet/timesheet.page').then((m) => m.TimesheetPage),
  },
  {
    path: 'approvals',
    title: 'Approvals · Regentra',
    data: { permission: 'Psa.TimeEntries.Approve' },
    loadComponent: () => import('./approvals/approvals.page').then((m) => m.ApprovalsPage),
  },
];
