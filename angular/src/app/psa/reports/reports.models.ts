/** Mirrors Regentra.Psa.Contracts.Reports (GET /api/psa/reports/utilization and /unbilled). */
export type UtilizationGroupBy = 'technician' | 'client';

export interface UtilizationRowDto {
  /** Technician or client id; null for internal time when grouped by client (and on the total row). */
  key: string | null;
  name: string;
  totalHours: number;
  billableHours: number;
  nonBillableHours: number;
  /** Billable ÷ total × 100, one decimal; 0 without time. */
  utilizationPercent: number;
}

export interface UtilizationReportDto {
  from: string;
  to: string;
  groupBy: UtilizationGroupBy;
  statuses: string[];
  rows: UtilizationRowDto[];
  total: UtilizationRowDto;
}

export interface UnbilledClientDto {
  clientId: string;
  clientName: string;
  entryCount: number;
  hours: number;
  oldestWorkDate: string;
  newestWorkDate: string;
}

export interface UnbilledReportDto {
  clients: UnbilledClientDto[];
  entryCount: number;
  hours: number;
}

/** Mirrors Regentra.Billing.Contracts.Reports (GET /api/billing/reports/aging). */
export interface AgingAmountsDto {
  current: number;
  days1To30: number;
  days31To60: number;
  days61To90: number;
  over90: number;
  total: number;
  invoices: number;
}

export interface AgingClientDto {
  clientId: string;
  clientName: string;
  currency: string;
  amounts: AgingAmountsDto;
  oldestDueDate: string;
}

export interface AgingCurrencyDto {
  currency: string;
  amounts: AgingAmountsDto;
}

export interface InvoiceAgingDto {
  asOf: string;
  totals: AgingCurrencyDto[];
  clients: AgingClientDto[];
}
