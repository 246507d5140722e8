import { InvoiceWarningDto } from '../api/billing.models';
import { cannotGenerate, warningViews } from './warnings';

const base = { clientId: 'c1', from: '2026-02-01', to: '2026-03-01' };
const warning = (code: string, message = `${code} message`, count: number | null = null, hours: number | null = null): InvoiceWarningDto =>
  ({ code, message, count, hours });

describe('preview warnings', () => {
  it('splits unapproved time by status, in plain words, with a link to review it', () => {
    const views = warningViews({ ...base, warnings: [warning('NotApproved', 'x', 4, 5.25)] }, {
      canApprove: true,
      pending: [
        { status: 'Submitted', count: 3, minutes: 270, technicians: ['Tom Tech'] },
        { status: 'Draft', count: 1, minutes: 45, technicians: ['Ada Admin'] },
        { status: 'Rejected', count: 0, minutes: 0, technicians: [] },
      ],
    });
    expect(views.map((v) => v.title)).toEqual(['Waiting for approval', 'Not submitted yet']);
    expect(views[0].text).toBe('3 entries (4.5 h) by Tom Tech are still Submitted, so not on this invoice. Approve them, then preview again.');
    expect(views[0].links).toEqual([{ label: 'Review them', link: { commands: ['/time/approvals'] } }]);
    expect(views[1].text).toBe('1 entry (0.75 h) by Ada Admin is still Draft: it is billed once submitted by whoever logged it and approved.');
    expect(views[1].links[0].link).toEqual({ commands: ['/clients', 'c1', 'time'], queryParams: { from: '2026-02-01', to: '2026-03-01', status: 'Draft' } });
  });

  it('falls back to the API’s sentence when the time cannot be broken down', () => {
    const [view] = warningViews({ ...base, warnings: [warning('NotApproved', '2 billable entries (1.5 h) in the period are not approved.')] }, { canApprove: false });
    expect(view.text).toBe('2 billable entries (1.5 h) in the period are not approved.');
    expect(view.links.map((l) => l.label)).toEqual(['See the entries']);
    expect(view.links[0].link.queryParams).toEqual({ from: '2026-02-01', to: '2026-03-01', status: 'Draft,Submitted,Rejected' });
  });

  it('puts what blocks the invoice first, then why the total is 0, then the rest', () => {
    const views = warningViews({ ...base, warnings: [
      warning('CoveredByFee'), warning('NoBillingEmail'), warning('ZeroTotal', 'The total is 0 because there is no approved billable time in the period.'),
      warning('AlreadyInvoiced'), warning('NonBillable'),
    ] }, { canApprove: true });
    expect(views.map((v) => v.code)).toEqual(['AlreadyInvoiced', 'ZeroTotal', 'NoBillingEmail', 'CoveredByFee', 'NonBillable']);
    expect(views[1].title).toBe('Why is the total 0?');
    expect(views[0].links[0].link).toEqual({ commands: ['/billing/invoices'], queryParams: { clientId: 'c1' } });
    expect(views.find((v) => v.code === 'NonBillable')?.links[0].link.queryParams).toEqual({ from: '2026-02-01', to: '2026-03-01', billable: 'false' });
  });

  it('links agreement problems to the agreement, and shows unknown warnings as they come', () => {
    const views = warningViews({ ...base, warnings: [warning('NoAgreement'), warning('NoRateForCurrency'), warning('SomethingNew', 'New thing.')] }, { canApprove: true });
    expect(views.map((v) => [v.code, v.tone])).toEqual([['NoRateForCurrency', 'error'], ['SomethingNew', 'warning'], ['NoAgreement', 'info']]);
    expect(views[0].links[0].link).toEqual({ commands: ['/clients', 'c1', 'agreement'] });
  });

  it('knows when the API will not generate', () => {
    expect(cannotGenerate({ lines: [], warnings: [] })).toMatch(/Nothing to invoice/);
    expect(cannotGenerate({ lines: [{} as never], warnings: [warning('AgreementCurrencyMismatch', 'Priced in EUR.')] })).toBe('Priced in EUR.');
    expect(cannotGenerate({ lines: [{} as never], warnings: [warning('NotApproved')] })).toBeNull();
  });
});
