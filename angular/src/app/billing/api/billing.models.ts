/**
 * DTOs of the Billing module (Regentra.Billing.Contracts), field by field. Enums travel as their names, `DateOnly` as
 * `yyyy-mm-dd`, instants as ISO strings, money as JSON numbers already rounded to the currency's minor unit.
 */

// Agreements

export type AgreementType = 'Hourly' | 'MonthlyRecurring' | 'BlockHours';

/** Billed minutes of each entry: rounded up to a multiple of incrementMinutes, then at least minimumMinutes. */
export interface RoundingRule {
  incrementMinutes: number;
  minimumMinutes: number;
}

export interface AgreementDto {
  id: string;
  clientId: string;
  type: AgreementType;
  effectiveFrom: string;
  /** Exclusive; null while the agreement runs on. */
  effectiveTo: string | null;
  currency: string;
  hourlyRate: number | null;
  monthlyFee: number | null;
  scope: string | null;
  includedHours: number | null;
  overageRate: number | null;
  rollover: boolean;
  rounding: RoundingRule | null;
  autoInvoice: boolean;
  autoSend: boolean;
  creationTime: string;
  concurrencyStamp: string;
}

/** The agreement in effect today, or none: time then bills hourly at the organisation's default rate. */
export interface CurrentAgreementDto {
  agreement: AgreementDto | null;
  defaultHourlyRate: number;
  currency: string;
}

export interface PutAgreementRequest {
  type: AgreementType;
  effectiveFrom: string;
  effectiveTo: string | null;
  hourlyRate: number | null;
  monthlyFee: number | null;
  scope: string | null;
  includedHours: number | null;
  overageRate: number | null;
  rollover: boolean;
  rounding: RoundingRule | null;
  autoInvoice: boolean;
  autoSend: boolean;
  concurrencyStamp: string | null;
}

// Invoices

export type InvoiceStatus = 'Draft' | 'Sent' | 'PartiallyPaid' | 'Paid' | 'Overdue' | 'Void';
export const INVOICE_STATUSES: InvoiceStatus[] = ['Draft', 'Sent', 'PartiallyPaid', 'Paid', 'Overdue', 'Void'];

export type InvoiceLineKind = 'Time' | 'Fee' | 'Overage' | 'Manual';

export interface InvoiceLineDto {
  id: string | null;
  kind: InvoiceLineKind;
  date: string | null;
  technicianName: string | null;
  ticketNumber: string | null;
  description: string;
  /** Hours for time and overage lines, 1 (or a share of a month) for fees. */
  quantity: number;
  unitPrice: number;
  amount: number;
  actualMinutes: number | null;
  billedMinutes: number | null;
  timeEntryId: string | null;
}

/** NotApproved, NonBillable, AlreadyInvoiced, NoAgreement, CoveredByFee, ZeroTotal, NoBillingEmail, NoRateForCurrency, AgreementCurrencyMismatch. */
export interface InvoiceWarningDto {
  code: string;
  message: string;
  count: number | null;
  hours: number | null;
}

export interface BlockHoursUsageDto {
  included: number;
  rolledIn: number;
  used: number;
  overage: number;
  carriedOut: number;
}

export interface InvoicePreviewDto {
  clientId: string;
  clientName: string;
  from: string;
  to: string;
  currency: string;
  lines: InvoiceLineDto[];
  subtotal: number;
  taxRatePercent: number;
  tax: number;
  total: number;
  coveredHours: number;
  blockHours: BlockHoursUsageDto | null;
  warnings: InvoiceWarningDto[];
}

export interface InvoiceDto {
  id: string;
  number: string | null;
  clientId: string;
  clientName: string;
  periodStart: string;
  periodEnd: string;
  status: InvoiceStatus;
  currency: string;
  subtotal: number;
  tax: number;
  total: number;
  paid: number;
  balance: number;
  issueDate: string | null;
  dueDate: string | null;
  creationTime: string;
  concurrencyStamp: string;
  /** Payments that need the MSP's attention (overpaid, on a void invoice, another currency). */
  flaggedPayments: number;
}

export interface InvoiceTotalsDto {
  currency: string;
  count: number;
  total: number;
  paid: number;
  balance: number;
}

export type PaymentKind = 'Payment' | 'Refund' | 'Failure';
export type PaymentFlag = 'Overpayment' | 'InvoiceVoid' | 'InvoiceDraft' | 'CurrencyMismatch';

export interface StripePaymentIdsDto {
  paymentIntentId: string | null;
  chargeId: string | null;
  refundId: string | null;
  checkoutSessionId: string | null;
}

export interface PaymentDto {
  id: string;
  kind: PaymentKind;
  amount: number;
  date: string;
  /** BankTransfer, Card, Cash, Check or Other (manual); Stripe's payment method type (card, sepa_debit, …). */
  method: string;
  reference: string | null;
  creationTime: string;
  source: 'Manual' | 'Stripe';
  currency: string;
  applied: boolean;
  message: string | null;
  flag: PaymentFlag | null;
  flagMessage: string | null;
  flagResolvedAt: string | null;
  flagResolution: string | null;
  stripe: StripePaymentIdsDto | null;
}

export interface InvoiceDetailDto {
  id: string;
  number: string | null;
  clientId: string;
  clientName: string;
  billingEmail: string | null;
  clientAddress: string | null;
  periodStart: string;
  periodEnd: string;
  status: InvoiceStatus;
  currency: string;
  lines: InvoiceLineDto[];
  subtotal: number;
  taxRatePercent: number;
  tax: number;
  total: number;
  /** Applied payments less applied refunds; more than total when overpaid (balance is then negative: a credit). */
  paid: number;
  balance: number;
  coveredHours: number;
  blockHours: BlockHoursUsageDto | null;
  warnings: InvoiceWarningDto[];
  payments: PaymentDto[];
  issueDate: string | null;
  dueDate: string | null;
  creationTime: string;
  sentAt: string | null;
  emailedAt: string | null;
  voidedAt: string | null;
  voidReason: string | null;
  payUrl: string | null;
  concurrencyStamp: string;
  flaggedPayments: number;
  refunded: number;
  /** One per send (the first and each resend), oldest first. */
  emails: InvoiceEmailDto[];
}

/** Pending: recorded and waiting for delivery or its next try; Failed: refused for good or out of retries; Cancelled: voided first. */
export type InvoiceEmailStatus = 'Pending' | 'Delivered' | 'Failed' | 'Cancelled';

/** One email of an invoice; every delivery of it carries the same Message-ID. */
export interface InvoiceEmailDto {
  id: string;
  /** 1 for the first send, 2 for the first resend, … */
  send: number;
  messageId: string;
  to: string;
  subject: string;
  status: InvoiceEmailStatus;
  queuedAt: string;
  /** Deliveries started, including interrupted and failed ones. */
  attempts: number;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  /** When a pending email is tried next. */
  nextAttemptAt: string | null;
  lastError: string | null;
  /** Delivered after an interrupted attempt that may have reached the mail server: the client may have it twice (same Message-ID). */
  possiblyRepeated: boolean;
}

export interface SendInvoiceResponse {
  invoice: InvoiceDetailDto;
  /** The email was handed to the mail server during the request. */
  emailed: boolean;
  /** Why not, when it failed (retried automatically unless refused for good); null when it went, or is on its way. */
  emailError: string | null;
}

export interface InvoiceRequest {
  clientId: string;
  from: string;
  to: string;
}

export type BatchOutcome = 'Invoiced' | 'Skipped' | 'Failed';

export interface BatchOutcomeDto {
  clientId: string;
  clientName: string;
  outcome: BatchOutcome;
  invoiceId: string | null;
  message: string | null;
}

export interface BatchInvoiceResponse {
  outcomes: BatchOutcomeDto[];
  invoiced: number;
  skipped: number;
  failed: number;
}

export interface AddInvoiceLineRequest {
  description: string;
  quantity: number;
  unitPrice: number;
}

export const PAYMENT_METHODS = ['BankTransfer', 'Card', 'Cash', 'Check', 'Other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface RecordPaymentRequest {
  amount: number;
  date: string;
  method: PaymentMethod;
  reference: string | null;
}

// Month-end runs

export type BillingRunStatus = 'Queued' | 'Running' | 'Completed' | 'CompletedWithErrors' | 'Failed';

export interface BillingRunDto {
  id: string;
  year: number;
  month: number;
  periodStart: string;
  periodEnd: string;
  trigger: 'Scheduled' | 'Manual';
  status: BillingRunStatus;
  creationTime: string;
  startedAt: string | null;
  finishedAt: string | null;
  totalClients: number;
  processed: number;
  invoiced: number;
  sent: number;
  skipped: number;
  failed: number;
  error: string | null;
}

export interface BillingRunItemDto {
  clientId: string;
  clientName: string;
  outcome: BatchOutcome;
  invoiceId: string | null;
  sent: boolean;
  message: string | null;
  at: string;
}

export interface BillingRunDetailDto {
  run: BillingRunDto;
  items: BillingRunItemDto[];
}
