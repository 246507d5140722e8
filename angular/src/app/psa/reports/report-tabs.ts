/**
 * The reports, in tab order, with the permission each needs (the same expressions guard their routes) and whether
 * the period above the tabs applies (unbilled time is everything not yet invoiced; aging has its own "as of" date).
 */
export const REPORT_TABS = [
  { path: 'utilisation', label: 'Utilisation', permission: 'Psa.Reports', usesPeriod: true },
  { path: 'unbilled', label: 'Unbilled time', permission: 'Psa.Reports', usesPeriod: false },
  { path: 'aging', label: 'Invoice aging', permission: 'Billing.Invoices', usesPeriod: false },
  { path: 'export', label: 'Accounting export', permission: 'Billing.Invoices', usesPeriod: true },
] as const;

/** The navigation entry and the reports route need one of the reports' permissions. */
export const REPORTS_PERMISSION = 'Psa.Reports || Billing.Invoices';
