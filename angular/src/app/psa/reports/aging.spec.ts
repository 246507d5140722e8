import { AGING_BUCKETS, agingCharts, bucketValues, overdueAmount } from './aging';
import { AgingAmountsDto, AgingClientDto, AgingCurrencyDto } from './reports.models';

const amounts = (current: number, d30: number, d60: number, d90: number, over: number, invoices = 1): AgingAmountsDto => ({
  current, days1To30: d30, days31To60: d60, days61To90: d90, over90: over, total: current + d30 + d60 + d90 + over, invoices,
});

const client = (name: string, currency: string, a: AgingAmountsDto): AgingClientDto =>
  ({ clientId: name, clientName: name, currency, amounts: a, oldestDueDate: '2026-09-01' });

describe('invoice aging buckets', () => {
  it('has the five buckets in age order: current, 1–30, 31–60, 61–90, 90+', () => {
    expect(AGING_BUCKETS.map((b) => b.label)).toEqual(['Current', '1–30 days', '31–60 days', '61–90 days', '90+ days']);
    expect(bucketValues(amounts(1, 2, 3, 4, 5))).toEqual([1, 2, 3, 4, 5]);
  });

  it('makes one chart per currency, never adding currencies together', () => {
    const totals: AgingCurrencyDto[] = [
      { currency: 'GBP', amounts: amounts(100, 50, 0, 0, 25, 3) },
      { currency: 'JPY', amounts: amounts(0, 12000, 0, 0, 0, 1) },
    ];
    const clients = [client('Contoso', 'GBP', amounts(100, 50, 0, 0, 0, 2)), client('Fabrikam', 'GBP', amounts(0, 0, 0, 0, 25)), client('Tokyo KK', 'JPY', amounts(0, 12000, 0, 0, 0))];

    const charts = agingCharts(totals, clients);

    expect(charts.map((c) => c.currency)).toEqual(['GBP', 'JPY']);
    expect(charts[0].values).toEqual([100, 50, 0, 0, 25]);
    expect(charts[0].total).toBe(175);
    expect(charts[0].invoices).toBe(3);
    expect(charts[0].clients.map((c) => c.clientName)).toEqual(['Contoso', 'Fabrikam']);
    expect(charts[1].values).toEqual([0, 12000, 0, 0, 0]);
    expect(charts[1].clients.map((c) => c.clientName)).toEqual(['Tokyo KK']);
  });

  it('names the overdue bucket holding the most money, and none when nothing is overdue', () => {
    const [late, onTime] = agingCharts(
      [{ currency: 'EUR', amounts: amounts(500, 10, 80, 0, 40) }, { currency: 'USD', amounts: amounts(300, 0, 0, 0, 0) }],
      [],
    );
    expect(late.worstOverdue).toEqual({ label: '31–60 days', amount: 80 });
    expect(onTime.worstOverdue).toBeNull();
  });

  it('says how much is past due without floating-point noise', () => {
    expect(overdueAmount({ ...amounts(0.1, 0.2, 0, 0, 0), total: 0.3 + 0.1 })).toBe(0.3);
    expect(overdueAmount(amounts(10, 0, 0, 0, 0))).toBe(0);
  });
});
