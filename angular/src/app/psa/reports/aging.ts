import { AgingAmountsDto, AgingClientDto, AgingCurrencyDto } from './reports.models';

/** The aging buckets in the order they are shown: not yet due, then by days past the due date. */
export const AGING_BUCKETS = [
  { key: 'current', label: 'Current' },
  { key: 'days1To30', label: '1–30 days' },
  { key: 'days31To60', label: '31–60 days' },
  { key: 'days61To90', label: '61–90 days' },
  { key: 'over90', label: '90+ days' },
] as const satisfies readonly { key: keyof AgingAmountsDto; label: string }[];

export type AgingBucketKey = (typeof AGING_BUCKETS)[number]['key'];

/** One currency's chart: what is owed per bucket. Currencies are never added together, so each gets its own. */
export interface AgingChart {
  currency: string;
  labels: string[];
  values: number[];
  total: number;
  invoices: number;
  /** The clients owing in this currency, most overdue first (as the API sorts them). */
  clients: AgingClientDto[];
  /** The bucket holding the most money past due, for the chart's text alternative. */
  worstOverdue: { label: string; amount: number } | null;
}

export function bucketValues(amounts: AgingAmountsDto): number[] {
  return AGING_BUCKETS.map((bucket) => amounts[bucket.key]);
}

/** The per-currency charts of an aging report, in the order of its totals (one per currency). */
export function agingCharts(totals: AgingCurrencyDto[], clients: AgingClientDto[]): AgingChart[] {
  return totals.map(({ currency, amounts }) => {
    const overdue = AGING_BUCKETS.slice(1)
      .map((bucket) => ({ label: bucket.label, amount: amounts[bucket.key] }))
      .filter((bucket) => bucket.amount > 0)
      .sort((a, b) => b.amount - a.amount);
    return {
      currency,
      labels: AGING_BUCKETS.map((bucket) => bucket.label),
      values: bucketValues(amounts),
      total: amounts.total,
      invoices: amounts.invoices,
      clients: clients.filter((client) => client.currency === currency),
      worstOverdue: overdue[0] ?? null,
    };
  });
}

/** How much of a currency's total is past due (everything but Current). */
export function overdueAmount(amounts: AgingAmountsDto): number {
  // Back to three decimals (the most any currency has), so binary floating point never shows 0.30000000000000004.
  return Math.round((amounts.total - amounts.current) * 1000) / 1000;
}
