import { PublicInvoiceDto } from './pay.models';

/** How Stripe Checkout sent the client back: the success and cancel URLs carry `?checkout=`. */
export type CheckoutReturn = 'success' | 'cancelled' | null;

export type PayState =
  | 'loading'
  | 'not-found'
  | 'unreachable'
  | 'confirming'
  | 'awaiting-confirmation'
  | 'paid'
  | 'processing'
  | 'void'
  | 'payable'
  | 'not-payable';

export interface PayView {
  state: PayState;
  /** The message above the invoice: what happened and what the client can do. */
  notice: { tone: 'ok' | 'info' | 'warn' | 'error'; title: string; text: string } | null;
  /** Whether "Pay now" is offered. */
  canPay: boolean;
  /** Whether the amounts and the PDF are shown (they are whenever the invoice was found). */
  showInvoice: boolean;
}

export interface PayInputs {
  invoice: PublicInvoiceDto | null;
  /** The invoice could not be loaded: 404 (not-found) or anything else (unreachable). */
  loadError: 'not-found' | 'unreachable' | null;
  checkout: CheckoutReturn;
  /** Still asking the API after a successful checkout, until the payment shows (Paid or processing). */
  polling: boolean;
}

/** What the pay page shows: the real status decides; the return from Checkout only says what to wait for. */
export function payView({ invoice, loadError, checkout, polling }: PayInputs): PayView {
  if (loadError === 'not-found') {
    return view('not-found', false, false, { tone: 'error', title: 'This pay link is not valid', text: 'Check the link in your email, or ask the sender for a new one.' });
  }
  if (!invoice) {
    return loadError === 'unreachable'
      ? view('unreachable', false, false, { tone: 'error', title: 'The invoice could not be loaded', text: 'Check your connection and try again.' })
      : view('loading', false, false, null);
  }
  if (invoice.status === 'Paid') {
    return view('paid', false, true, checkout === 'success'
      ? { tone: 'ok', title: 'Thank you: your payment was received', text: `Invoice ${invoice.number} is paid in full. A receipt is on its way from Stripe.` }
      : { tone: 'ok', title: 'This invoice is paid', text: 'Nothing is due on it. Thank you!' });
  }
  if (invoice.status === 'Void') {
    return view('void', false, true, { tone: 'info', title: 'This invoice has been cancelled', text: `${invoice.organizationName} voided it: nothing is due on it.` });
  }
  if (invoice.paymentProcessing) {
    return view('processing', false, true, {
      tone: 'ok',
      title: checkout === 'success' ? 'Thank you: your payment is on its way' : 'A payment is being processed',
      text: 'Bank debits take a few working days to clear. Nothing more needs paying meanwhile; this page shows Paid once it has.',
    });
  }
  if (checkout === 'success') {
    return polling
      ? view('confirming', false, true, { tone: 'info', title: 'Confirming your payment…', text: 'Stripe is telling us about your payment. This takes a few seconds.' })
      : view('awaiting-confirmation', false, true, {
          tone: 'warn',
          title: 'Your payment is not confirmed yet',
          text: 'Stripe has not reported it to us so far. Please do not pay again: check this page again in a minute.',
        });
  }
  const cancelled = checkout === 'cancelled'
    ? { tone: 'info' as const, title: 'Payment cancelled', text: 'Nothing was charged. You can pay whenever you are ready.' }
    : null;
  if (invoice.onlinePaymentAvailable) return view('payable', true, true, cancelled);
  return view('not-payable', false, true, {
    tone: 'info',
    title: 'Online payment is not available',
    text: invoice.onlinePaymentUnavailableReason ?? 'The invoice says how else to pay.',
  });
}

/** Whether polling after a successful checkout can stop: the payment is visible (or nothing is due any more). */
export function paymentSettled(invoice: PublicInvoiceDto): boolean {
  return invoice.status === 'Paid' || invoice.status === 'Void' || invoice.paymentProcessing;
}

function view(state: PayState, canPay: boolean, showInvoice: boolean, notice: PayView['notice']): PayView {
  return { state, canPay, showInvoice, notice };
}
