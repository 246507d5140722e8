import { PaymentDto } from '../api/billing.models';

const MANUAL_METHODS: Record<string, string> = {
  BankTransfer: 'Bank transfer', Card: 'Card', Cash: 'Cash', Check: 'Cheque', Other: 'Other',
};

const STRIPE_METHODS: Record<string, string> = {
  card: 'Card', sepa_debit: 'SEPA Direct Debit', bacs_debit: 'Bacs Direct Debit', us_bank_account: 'US bank account',
  acss_debit: 'Pre-authorised debit', au_becs_debit: 'BECS Direct Debit', link: 'Link', ideal: 'iDEAL', bancontact: 'Bancontact',
};

/** A payment method in words: `BankTransfer` → `Bank transfer`, Stripe's `sepa_debit` → `SEPA Direct Debit`. */
export function methodLabel(payment: Pick<PaymentDto, 'method' | 'source'>): string {
  const method = payment.method ?? '';
  const known = payment.source === 'Stripe' ? STRIPE_METHODS[method] : MANUAL_METHODS[method];
  if (known) return known;
  const words = method.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim();
  return words ? words[0].toUpperCase() + words.slice(1).toLowerCase() : '—';
}

export const MANUAL_METHOD_OPTIONS = Object.entries(MANUAL_METHODS).map(([value, label]) => ({ value, label }));

export function kindLabel(payment: Pick<PaymentDto, 'kind'>): string {
  return payment.kind === 'Failure' ? 'Failed attempt' : payment.kind;
}

/** What a flag means and what to do, in plain words (the API's own message comes with it). */
export function flagTitle(flag: string): string {
  switch (flag) {
    case 'Overpayment':
      return 'Overpaid: the client has a credit';
    case 'InvoiceVoid':
      return 'Paid on a void invoice: not counted';
    case 'InvoiceDraft':
      return 'Paid before the invoice was sent: not counted';
    case 'CurrencyMismatch':
      return 'Paid in another currency: not counted';
    default:
      return 'Needs attention';
  }
}
