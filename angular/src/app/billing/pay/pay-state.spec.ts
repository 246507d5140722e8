import { PublicInvoiceDto } from './pay.models';
import { PayInputs, payView, paymentSettled } from './pay-state';

const invoice = (patch: Partial<PublicInvoiceDto> = {}): PublicInvoiceDto => ({
  organizationName: 'Northwind IT', organizationAddress: null, number: 'INV-2026-00001', clientName: 'Contoso',
  issueDate: '2026-11-01', dueDate: '2026-12-01', periodStart: '2026-10-01', periodEnd: '2026-11-01', currency: 'GBP',
  subtotal: 100, tax: 20, total: 120, amountPaid: 0, amountDue: 120, status: 'Sent', onlinePaymentAvailable: true,
  onlinePaymentUnavailableReason: null, paymentProcessing: false, logoUrl: null, ...patch,
});

const show = (patch: Partial<PayInputs>) => payView({ invoice: invoice(), loadError: null, checkout: null, polling: false, ...patch });

describe('pay page states', () => {
  it('offers Pay now on an invoice that can be paid online', () => {
    const view = show({});
    expect(view.state).toBe('payable');
    expect(view.canPay).toBe(true);
    expect(view.notice).toBeNull();
  });

  it('offers the rest after a partial payment', () => {
    const view = show({ invoice: invoice({ status: 'PartiallyPaid', amountPaid: 50, amountDue: 70 }) });
    expect(view.state).toBe('payable');
    expect(view.canPay).toBe(true);
  });

  it('says cancelled and still offers Pay now after Checkout was cancelled', () => {
    const view = show({ checkout: 'cancelled' });
    expect(view.state).toBe('payable');
    expect(view.canPay).toBe(true);
    expect(view.notice?.title).toBe('Payment cancelled');
  });

  it('confirms while polling after a successful checkout, and never offers a second payment meanwhile', () => {
    const confirming = show({ checkout: 'success', polling: true });
    expect(confirming.state).toBe('confirming');
    expect(confirming.canPay).toBe(false);

    const waiting = show({ checkout: 'success', polling: false });
    expect(waiting.state).toBe('awaiting-confirmation');
    expect(waiting.canPay).toBe(false);
    expect(waiting.notice?.tone).toBe('warn');
  });

  it('shows Paid as soon as the real status says so, with thanks after a checkout', () => {
    const paid = invoice({ status: 'Paid', amountPaid: 120, amountDue: 0, onlinePaymentAvailable: false });
    expect(show({ invoice: paid, checkout: 'success', polling: true }).state).toBe('paid');
    expect(show({ invoice: paid, checkout: 'success' }).notice?.title).toBe('Thank you: your payment was received');
    expect(show({ invoice: paid }).notice?.title).toBe('This invoice is paid');
    expect(show({ invoice: paid }).canPay).toBe(false);
  });

  it('shows a bank debit on its way as processing', () => {
    const processing = invoice({ paymentProcessing: true, onlinePaymentAvailable: false, onlinePaymentUnavailableReason: 'A payment is being processed.' });
    const afterCheckout = show({ invoice: processing, checkout: 'success', polling: true });
    expect(afterCheckout.state).toBe('processing');
    expect(afterCheckout.notice?.title).toBe('Thank you: your payment is on its way');
    expect(show({ invoice: processing }).notice?.title).toBe('A payment is being processed');
    expect(afterCheckout.canPay).toBe(false);
  });

  it('says a void invoice is cancelled and asks for nothing', () => {
    const view = show({ invoice: invoice({ status: 'Void', onlinePaymentAvailable: false, amountDue: 0 }) });
    expect(view.state).toBe('void');
    expect(view.canPay).toBe(false);
    expect(view.showInvoice).toBe(true);
  });

  it('gives the reason when online payment is not offered', () => {
    const view = show({ invoice: invoice({ onlinePaymentAvailable: false, onlinePaymentUnavailableReason: 'Online payment is not offered for this invoice.' }) });
    expect(view.state).toBe('not-payable');
    expect(view.canPay).toBe(false);
    expect(view.notice?.text).toBe('Online payment is not offered for this invoice.');
  });

  it('tells an unknown link from an unreachable server', () => {
    expect(show({ invoice: null, loadError: 'not-found' }).state).toBe('not-found');
    expect(show({ invoice: null, loadError: 'unreachable' }).state).toBe('unreachable');
    expect(show({ invoice: null }).state).toBe('loading');
    expect(show({ invoice: null, loadError: 'not-found' }).showInvoice).toBe(false);
  });

  it('stops polling once the payment shows', () => {
    expect(paymentSettled(invoice())).toBe(false);
    expect(paymentSettled(invoice({ status: 'Paid' }))).toBe(true);
    expect(paymentSettled(invoice({ paymentProcessing: true }))).toBe(true);
    expect(paymentSettled(invoice({ status: 'PartiallyPaid' }))).toBe(false);
  });
});
