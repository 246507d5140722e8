/** The reports, in tab order, with the permission each needs (the same expressions guard their routes). */
export const REPORT_TABS = [
  { path: 'utilisation', label: 'Utilisation', permission: 'Psa.Reports' },
  { path: 'unbilled', label: 'Unbilled time', permission: 'Psa.Reports' },
  { path: 'aging', label: 'Invoice aging', permission: 'Billing.Invoices' },
  { path: 'export', label: 'Accounting export', permission: 'Billing.Invoices' },
] as const;

/** The navigation entry and the reports route need one of the reports' permissions. */
export const REPORTS_PERMISSION = 'Psa.Reports || Billing.Invoices';
