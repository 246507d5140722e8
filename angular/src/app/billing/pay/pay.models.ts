/** Mirrors Regentra.Billing.Contracts.Invoices.InvoiceStatus. */
export type InvoiceStatus = 'Draft' | 'Sent' | 'PartiallyPaid' | 'Paid' | 'Overdue' | 'Void';

/** Mirrors Regentra.Billing.Contracts.Payments.PublicInvoiceDto: what the holder of a pay link may see. */
export interface PublicInvoiceDto {
  organizationName: string;
  organizationAddress: string | null;
  number: string;
  clientName: string;
  issueDate: string;
  dueDate: string;
  periodStart: string;
  /** Exclusive: the day after the period's last day. */
  periodEnd: string;
  currency: string;
  subtotal: number;
  tax: number;
  total: number;
  amountPaid: number;
  amountDue: number;
  status: InvoiceStatus;
  onlinePaymentAvailable: boolean;
  onlinePaymentUnavailableReason: string | null;
  paymentProcessing: boolean;
  logoUrl: string | null;
}

/** Mirrors Regentra.Billing.Contracts.Payments.CheckoutResponse. */
export interface CheckoutResponse {
  url: string;
  sessionId: string;
  amount: number;
  currency: string;
  expiresAt: string;
}
