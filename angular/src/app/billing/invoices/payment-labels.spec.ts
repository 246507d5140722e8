import { flagTitle, kindLabel, methodLabel } from './payment-labels';

describe('payment labels', () => {
  it('names manual and Stripe methods in words', () => {
    expect(methodLabel({ method: 'BankTransfer', source: 'Manual' })).toBe('Bank transfer');
    expect(methodLabel({ method: 'sepa_debit', source: 'Stripe' })).toBe('SEPA Direct Debit');
    expect(methodLabel({ method: 'klarna_pay_later', source: 'Stripe' })).toBe('Klarna pay later');
    expect(methodLabel({ method: '', source: 'Manual' })).toBe('—');
  });

  it('calls a failure a failed attempt and explains flags', () => {
    expect(kindLabel({ kind: 'Failure' })).toBe('Failed attempt');
    expect(kindLabel({ kind: 'Refund' })).toBe('Refund');
    expect(flagTitle('Overpayment')).toBe('Overpaid: the client has a credit');
    expect(flagTitle('Whatever')).toBe('Needs attention');
  });
});
