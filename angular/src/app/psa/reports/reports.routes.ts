import { inject } from '@angular/core';
import { Routes } from '@angular/router';
import { provideCharts } from 'ng2-charts';
import { AppConfigService } from '../../core/config/app-config.service';
import { REPORT_CHART_PARTS } from './report-charts';
import { REPORT_TABS, REPORTS_PERMISSION } from './report-tabs';

/** /reports/{utilisation,unbilled,aging,export}: loaded with loadChildren from app.routes.ts. */
export const REPORTS_ROUTES: Routes = [
  {
    path: '',
    title: 'Reports · Regentra',
    data: { permission: REPORTS_PERMISSION },
    providers: [provideCharts({ registerables: REPORT_CHART_PARTS })],
    loadComponent: () => import('./reports.page').then((m) => m.ReportsPage),
    children: [
      {
        path: '',
        pathMatch: 'full',
        // The first report the person may see, keeping the period in the query.
        redirectTo: () => {
          const config = inject(AppConfigService);
          return REPORT_TABS.find((tab) => config.isGranted(tab.permission))?.path ?? 'utilisation';
        },
      },
      { path: 'utilisation', title: 'Utilisation · Reports · Regentra', data: { permission: 'Psa.Reports' }, loadComponent: () => import('./utilization.report').then((m) => m.UtilizationReport) },
      { path: 'unbilled', title: 'Unbilled time · Reports · Regentra', data: { permission: 'Psa.Reports' }, loadComponent: () => import('./unbilled.report').then((m) => m.UnbilledReport) },
      { path: 'aging', title: 'Invoice aging · Reports · Regentra', data: { permission: 'Billing.Invoices' }, loadComponent: () => import('./aging.report').then((m) => m.AgingReport) },
      { path: 'export', title: 'Accounting export · Reports · Regentra', data: { permission: 'Billing.Invoices' }, loadComponent: () => import('./export.report').then((m) => m.ExportReport) },
    ],
  },
];
