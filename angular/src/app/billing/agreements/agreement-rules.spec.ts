import { AgreementDto } from '../api/billing.models';
import {
  AgreementFormValue, agreementImpact, billedMinutes, describeTerms, fromAgreement, roundingExample, timeAmount, toRequest,
} from './agreement-rules';

const form = (patch: Partial<AgreementFormValue> = {}): AgreementFormValue => ({
  type: 'Hourly', effectiveFrom: '2026-04-01', lastDay: null, hourlyRate: 120, monthlyFee: null, scope: null, includedHours: null,
  overageRate: null, rollover: false, rounding: { incrementMinutes: 15, minimumMinutes: 30 }, autoInvoice: true, autoSend: false, ...patch,
});

const agreement = (patch: Partial<AgreementDto>): AgreementDto => ({
  id: 'a1', clientId: 'c1', type: 'Hourly', effectiveFrom: '2026-01-01', effectiveTo: null, currency: 'GBP', hourlyRate: 100, monthlyFee: null,
  scope: null, includedHours: null, overageRate: null, rollover: false, rounding: null, autoInvoice: false, autoSend: false,
  creationTime: '2026-01-01T00:00:00Z', concurrencyStamp: 'stamp-1', ...patch,
});

const context = { today: '2026-03-15', currency: 'GBP', defaultHourlyRate: 95, organisationCurrency: 'GBP', locale: 'en-GB' };
const texts = (value: AgreementFormValue, history: AgreementDto[] = []) => agreementImpact(history, value, context).rules.map((r) => r.text);

describe('rounding', () => {
  it('rounds up to the increment, then raises to the minimum, as the API does', () => {
    const rule = { incrementMinutes: 15, minimumMinutes: 30 };
    expect(billedMinutes(7, rule)).toBe(30);
    expect(billedMinutes(31, rule)).toBe(45);
    expect(billedMinutes(45, rule)).toBe(45);
    expect(billedMinutes(7, { incrementMinutes: 6, minimumMinutes: 0 })).toBe(12);
    expect(billedMinutes(7, { incrementMinutes: 0, minimumMinutes: 10 })).toBe(10);
    expect(billedMinutes(7, null)).toBe(7);
  });

  it('works the 7-minute example in words, with its price at the rate', () => {
    const example = roundingExample({ incrementMinutes: 15, minimumMinutes: 30 }, 120, 'GBP', 'en-GB');
    expect(example.billedMinutes).toBe(30);
    expect(example.amount).toBe(60);
    expect(example.sentence).toBe(
      'A 7-minute entry bills as 30 minutes (0.50 h), £60.00 at £120.00 an hour: rounded up to 15 minutes (the next multiple of 15), then raised to the 30-minute minimum. Its actual 7 minutes are kept too.');
  });

  it('says when there is no rounding, or the increment alone decides', () => {
    expect(roundingExample({ incrementMinutes: 0, minimumMinutes: 0 }, 120, 'GBP', 'en-GB').sentence)
      .toBe('No rounding: a 7-minute entry bills as 7 minutes (0.12 h), £14.00 at £120.00 an hour.');
    expect(roundingExample({ incrementMinutes: null, minimumMinutes: null }, null, 'GBP', 'en-GB').sentence)
      .toBe('No rounding: a 7-minute entry bills as 7 minutes (0.12 h).');
    expect(roundingExample({ incrementMinutes: 15, minimumMinutes: 0 }, 100, 'GBP', 'en-GB').sentence)
      .toBe('A 7-minute entry bills as 15 minutes (0.25 h), £25.00 at £100.00 an hour: rounded up to 15 minutes (the next multiple of 15). Its actual 7 minutes are kept too.');
    expect(roundingExample({ incrementMinutes: 1, minimumMinutes: 5 }, null, 'GBP', 'en-GB').steps)
      .toEqual(['7 minutes is already a multiple of 1']);
  });

  it('prices in the currency’s own decimals, rounding once, half away from zero', () => {
    expect(timeAmount(7, 100, 'GBP')).toBe(11.67);
    expect(timeAmount(7, 10_000, 'JPY')).toBe(1167);
    expect(timeAmount(7, 1, 'KWD')).toBe(0.117);
    expect(timeAmount(1, 0.3, 'GBP')).toBe(0.01); // 0.005 → 0.01
    expect(roundingExample({ incrementMinutes: 15, minimumMinutes: 0 }, 9000, 'JPY', 'en-GB').sentence).toContain('JP¥2,250 at JP¥9,000 an hour');
  });
});

describe('the request', () => {
  it('sends only the fields of the chosen type, and the day after the last day as effectiveTo', () => {
    const request = toRequest(form({ monthlyFee: 500, includedHours: 10, lastDay: '2026-12-31' }), null);
    expect(request).toEqual({
      type: 'Hourly', effectiveFrom: '2026-04-01', effectiveTo: '2027-01-01', hourlyRate: 120, monthlyFee: null, scope: null, includedHours: null,
      overageRate: null, rollover: false, rounding: { incrementMinutes: 15, minimumMinutes: 30 }, autoInvoice: true, autoSend: false, concurrencyStamp: null,
    });
  });

  it('sends block hours with their fee, hours, overage and roll-over', () => {
    const request = toRequest(form({ type: 'BlockHours', hourlyRate: 120, monthlyFee: 900, includedHours: 10, overageRate: 110, rollover: true, scope: '  Helpdesk ' }), 's');
    expect(request).toMatchObject({ hourlyRate: null, monthlyFee: 900, includedHours: 10, overageRate: 110, rollover: true, scope: 'Helpdesk', concurrencyStamp: 's' });
  });

  it('sends no rounding as null, and no auto-send without auto-invoice', () => {
    const request = toRequest(form({ rounding: { incrementMinutes: 0, minimumMinutes: null }, autoInvoice: false, autoSend: true }), null);
    expect(request.rounding).toBeNull();
    expect(request.autoSend).toBe(false);
  });

  it('reads an agreement back into the form', () => {
    const value = fromAgreement(agreement({ effectiveTo: '2026-07-01', rounding: { incrementMinutes: 6, minimumMinutes: 0 } }));
    expect(value.lastDay).toBe('2026-06-30');
    expect(value.rounding).toEqual({ incrementMinutes: 6, minimumMinutes: 0 });
    expect(toRequest(value, 'stamp-1').effectiveTo).toBe('2026-07-01');
  });
});

describe('what saving will do', () => {
  it('says a later start ends the running agreement the day before', () => {
    const impact = agreementImpact([agreement({})], form(), context);
    expect(impact.blocked).toBe(false);
    expect(impact.editing).toBeNull();
    expect(impact.rules[0]).toEqual({
      tone: 'warning',
      text: 'The Hourly agreement from 1 Jan 2026 will end: its last day becomes 31 Mar 2026, and this one takes over on 1 Apr 2026.',
    });
  });

  it('edits the agreement with the same start date, carrying its stamp', () => {
    const impact = agreementImpact([agreement({ effectiveFrom: '2026-04-01', type: 'BlockHours' })], form(), context);
    expect(impact.editing?.concurrencyStamp).toBe('stamp-1');
    expect(impact.rules[0].text).toBe('Saving changes the Block hours agreement that starts on 1 Apr 2026 (same start date).');
  });

  it('refuses an overlap with a later agreement before the API does', () => {
    const later = agreement({ id: 'a2', effectiveFrom: '2026-06-01' });
    const open = agreementImpact([later], form(), context);
    expect(open.blocked).toBe(true);
    expect(open.rules.find((r) => r.tone === 'error')?.text)
      .toBe('Another agreement starts on 1 Jun 2026, and agreements never overlap: give this one a last day of 31 May 2026 at the latest.');
    expect(agreementImpact([later], form({ lastDay: '2026-05-31' }), context).blocked).toBe(false);
    expect(agreementImpact([later], form({ lastDay: '2026-06-01' }), context).blocked).toBe(true);
  });

  it('leaves an agreement that already ended alone', () => {
    const ended = agreement({ effectiveTo: '2026-02-01' });
    expect(texts(form(), [ended]).some((t) => t.includes('will end'))).toBe(false);
  });

  it('refuses a last day before the start', () => {
    const impact = agreementImpact([], form({ lastDay: '2026-03-31' }), context);
    expect(impact.blocked).toBe(true);
    expect(impact.rules[0].tone).toBe('error');
  });

  it('explains the currency, past starts, the default rate until a first agreement starts, and the month-end run', () => {
    expect(texts(form())).toContain("Rates and fees are in GBP, the client's currency, and the agreement keeps it: if the client's currency changes later, set a new agreement in the new currency.");
    expect(texts(form())).toContain("Until 1 Apr 2026 the client has no agreement, so time bills hourly at the organisation's default rate of £95.00.");
    expect(texts(form({ effectiveFrom: '2026-03-01' }))).toContain('It applies from 1 Mar 2026 to invoices generated from now on; invoices already generated keep their amounts.');
    expect(texts(form())).toContain('The month-end run invoices this client after each month closes and leaves the draft for you to check and send.');
    expect(texts(form({ autoSend: true }))).toContain('The month-end run invoices this client after each month closes and emails the invoice to its billing email.');
    expect(texts(form({ autoInvoice: false }))).toContain('The month-end run leaves this client out: invoice it from New invoice.');
  });

  it('explains fees and blocks', () => {
    expect(texts(form({ type: 'BlockHours', includedHours: 10, rollover: true })))
      .toContain('Hours above the included 10 a month bill at the overage rate; unused hours carry into the next month only.');
    expect(texts(form({ type: 'MonthlyRecurring' })).some((t) => t.startsWith('Time is tracked for utilisation'))).toBe(true);
  });

  it('describes terms for the history in one line', () => {
    expect(describeTerms(agreement({ hourlyRate: 120, rounding: { incrementMinutes: 15, minimumMinutes: 30 } }), 'en-GB'))
      .toBe('£120.00 an hour · rounded up to 15 min, at least 30 min');
    expect(describeTerms(agreement({ type: 'BlockHours', currency: 'JPY', monthlyFee: 90000, includedHours: 10, overageRate: 9500, rollover: true }), 'en-GB'))
      .toBe('JP¥90,000 a month for 10 h, then JP¥9,500 an hour, unused hours roll over · no rounding');
  });
});
