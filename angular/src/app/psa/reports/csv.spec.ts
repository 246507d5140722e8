import { agingCsv, toCsv, unbilledCsv, utilizationCsv } from './csv';
import { InvoiceAgingDto, UtilizationReportDto } from './reports.models';

describe('CSV building', () => {
  const columns = [
    { header: 'Name', value: (r: { name: string; hours: number | null }) => r.name },
    { header: 'Hours', value: (r: { name: string; hours: number | null }) => r.hours },
  ];

  it('writes a header and one CRLF-ended line per row', () => {
    expect(toCsv(columns, [{ name: 'Ada', hours: 1.5 }, { name: 'Tom', hours: 0 }])).toBe('Name,Hours\r\nAda,1.5\r\nTom,0\r\n');
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(toCsv(columns, [{ name: 'Contoso, Ltd', hours: 1 }])).toContain('"Contoso, Ltd",1');
    expect(toCsv(columns, [{ name: 'The "Best" IT', hours: 1 }])).toContain('"The ""Best"" IT",1');
    expect(toCsv(columns, [{ name: 'Line\nbreak', hours: 1 }])).toContain('"Line\nbreak",1');
  });

  it('neutralises text a spreadsheet would run as a formula, but not negative numbers', () => {
    const rows = toCsv(
      [{ header: 'Text', value: (r: { text: string }) => r.text }, { header: 'Amount', value: () => -5 }],
      [{ text: '=HYPERLINK("x")' }, { text: '+1' }, { text: '@sum' }, { text: '-2' }],
    ).split('\r\n');
    expect(rows[1]).toBe(`"'=HYPERLINK(""x"")",-5`);
    expect(rows[2]).toBe("'+1,-5");
    expect(rows[3]).toBe("'@sum,-5");
    expect(rows[4]).toBe("'-2,-5");
  });

  it('leaves missing values empty', () => {
    expect(toCsv(columns, [{ name: 'Ada', hours: null }])).toBe('Name,Hours\r\nAda,\r\n');
  });

  it('exports utilisation with its total row, headed by what it is grouped by', () => {
    const row = (name: string, total: number, billable: number) =>
      ({ key: name, name, totalHours: total, billableHours: billable, nonBillableHours: total - billable, utilizationPercent: (billable / total) * 100 });
    const report: UtilizationReportDto = {
      from: '2026-11-01', to: '2026-12-01', groupBy: 'client', statuses: ['Submitted', 'Approved'],
      rows: [row('Contoso', 10, 7.5)], total: { ...row('Total', 10, 7.5), key: null },
    };
    expect(utilizationCsv(report)).toBe('Client,Total hours,Billable hours,Non-billable hours,Utilisation %\r\nContoso,10,7.5,2.5,75\r\nTotal,10,7.5,2.5,75\r\n');
  });

  it('exports unbilled time per client', () => {
    const csv = unbilledCsv({ clients: [{ clientId: 'c', clientName: 'Contoso', entryCount: 3, hours: 4.5, oldestWorkDate: '2026-11-02', newestWorkDate: '2026-11-20' }], entryCount: 3, hours: 4.5 });
    expect(csv).toBe('Client,Entries,Hours,Oldest work date,Newest work date\r\nContoso,3,4.5,2026-11-02,2026-11-20\r\n');
  });

  it('exports one currency of the aging report, with its total', () => {
    const a = (n: number) => ({ current: n, days1To30: 0, days31To60: 0, days61To90: 0, over90: 1, total: n + 1, invoices: 1 });
    const report: InvoiceAgingDto = {
      asOf: '2026-12-01',
      totals: [{ currency: 'GBP', amounts: a(10) }, { currency: 'USD', amounts: a(99) }],
      clients: [{ clientId: '1', clientName: 'Contoso', currency: 'GBP', amounts: a(10), oldestDueDate: '2026-08-01' }, { clientId: '2', clientName: 'Yankee', currency: 'USD', amounts: a(99), oldestDueDate: '2026-08-01' }],
    };
    expect(agingCsv(report, 'GBP')).toBe(
      'Client,Currency,Current,1–30 days,31–60 days,61–90 days,90+ days,Total,Invoices,Oldest due date\r\n' +
        'Contoso,GBP,10,0,0,0,1,11,1,2026-08-01\r\n' +
        'Total,GBP,10,0,0,0,1,11,1,\r\n',
    );
  });
});
