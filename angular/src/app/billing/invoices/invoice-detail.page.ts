import { BreakpointObserver } from '@angular/cdk/layout';
import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatTooltipModule } from '@angular/material/tooltip';
import { DomSanitizer, SafeResourceUrl } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { Observable, map } from 'rxjs';
import { AppConfigService } from '../../core/config/app-config.service';
import { ErrorService } from '../../core/errors/error.service';
import { DurationPipe, OrgDateTimePipe } from '../../core/format/format.pipes';
import { OrgFormat } from '../../core/format/org-format.service';
import { PermissionDirective } from '../../core/permissions/permission.directive';
import { EmptyState } from '../../core/ui/empty-state';
import { Loading } from '../../core/ui/loading';
import { InvoiceDetailDto, InvoiceLineDto, PaymentDto } from '../api/billing.models';
import { InvoicesApi } from '../api/invoices.api';
import { LINKS } from '../links';
import { MoneyPipe } from '../money/money.pipe';
import { formatMoney } from '../money/money';
import { askReason } from '../ui/reason.dialog';
import { confirm } from '../../core/ui/confirm-dialog';
import { DayPipe } from '../ui/dates.pipes';
import { flaggedChip, invoiceStatusChip, isOpen } from '../ui/invoice-status';
import { StatusChipComponent } from '../ui/status-chip';
import { formatPeriod } from '../ui/dates';
import { AddLineDialog } from './add-line.dialog';
import { InvoiceEmailsCard } from './invoice-emails.card';
import { emailChip, emailNeedsWatching } from './invoice-emails';
import { flagTitle, kindLabel, methodLabel } from './payment-labels';
import { RecordPaymentDialog } from './record-payment.dialog';

/**
 * One invoice: header with status, number, dates and amounts paid and due; its lines; what can be done in its state
 * (draft: add or remove manual lines, delete, send; sent: resend, copy the pay link, record a payment, void); the PDF
 * embedded and to download; payments, refunds and failed attempts, with flagged payments explained and resolvable;
 * its emails, watched while one is being delivered or about to be retried.
 */
@Component({
  selector: 'app-invoice-detail-page',
  imports: [
    DayPipe, DurationPipe, EmptyState, Loading, MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule, MatInputModule, MatTooltipModule,
    InvoiceEmailsCard, MoneyPipe, OrgDateTimePipe, PermissionDirective, RouterLink, StatusChipComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './invoice-detail.page.html',
  styleUrl: './invoice-detail.page.scss',
})
export class InvoiceDetailPage {
  /** The route's :id. */
  readonly id = input.required<string>();

  private readonly api = inject(InvoicesApi);
  private readonly errors = inject(ErrorService);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly clipboard = inject(Clipboard);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly config = inject(AppConfigService);
  private readonly format = inject(OrgFormat);

  protected readonly links = LINKS;
  protected readonly statusChip = invoiceStatusChip;
  protected readonly flagChip = flaggedChip;
  protected readonly methodLabel = methodLabel;
  protected readonly kindLabel = kindLabel;
  protected readonly flagTitle = flagTitle;

  protected readonly invoice = signal<InvoiceDetailDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  /** The action in flight ('send', 'void', …): its button says so and every action waits. */
  protected readonly busy = signal<string | null>(null);

  protected readonly isDraft = computed(() => this.invoice()?.status === 'Draft');
  protected readonly isOpen = computed(() => { const i = this.invoice(); return !!i && isOpen(i.status); });
  protected readonly hasPdf = computed(() => !!this.invoice()?.number);
  protected readonly title = computed(() => { const i = this.invoice(); return i ? (i.number ? `Invoice ${i.number}` : 'Draft invoice') : 'Invoice'; });
  protected readonly credit = computed(() => { const i = this.invoice(); return !!i && i.balance < 0; });
  protected readonly flagged = computed(() => this.invoice()?.payments.filter((p) => p.flag && !p.flagResolvedAt) ?? []);
  protected readonly canVoidNow = computed(() => { const i = this.invoice(); return !!i && this.isOpen() && i.paid === 0; });

  private readonly handset = toSignal(inject(BreakpointObserver).observe('(max-width: 719.98px)').pipe(map((s) => s.matches)), { initialValue: false });
  protected readonly compact = this.handset;

  protected readonly pdfUrl = signal<SafeResourceUrl | null>(null);
  protected readonly pdfLoading = signal(false);
  private objectUrl: string | null = null;
  private watchTimer: ReturnType<typeof setTimeout> | null = null;

  /** What the Emailed date says: when it went, or where the last email stands. */
  protected readonly emailedText = computed(() => {
    const i = this.invoice();
    if (!i) return '';
    const last = i.emails.at(-1);
    if (last?.status === 'Pending' || last?.status === 'Failed') return `${emailChip(last).label} · ${last.to}`;
    if (i.emailedAt) return `${this.format.dateTime(i.emailedAt)}${i.billingEmail ? ' to ' + i.billingEmail : ''}`;
    return i.billingEmail ? `Not yet · ${i.billingEmail}` : 'No billing email';
  });

  constructor() {
    queueMicrotask(() => this.load());
    inject(DestroyRef).onDestroy(() => {
      this.dropPdf();
      if (this.watchTimer) clearTimeout(this.watchTimer);
    });
  }

  protected load(): void {
    this.loading.set(true);
    this.api.get(this.id()).subscribe({
      next: (invoice) => {
        this.show(invoice);
        this.loading.set(false);
        this.failed.set(false);
      },
      error: (error: unknown) => {
        this.errors.handle(error);
        this.loading.set(false);
        this.failed.set(true);
      },
    });
  }

  protected addLine(): void {
    const invoice = this.invoice();
    if (!invoice) return;
    this.dialog.open<AddLineDialog, InvoiceDetailDto, InvoiceDetailDto>(AddLineDialog, { data: invoice, width: '560px', maxWidth: 'calc(100vw - 24px)' })
      .afterClosed().subscribe((updated) => {
        if (updated) {
          this.show(updated);
          this.errors.success('Line added.');
        }
      });
  }

  protected removeLine(line: InvoiceLineDto): void {
    const invoice = this.invoice();
    if (!invoice || !line.id) return;
    this.run('remove-line', this.api.removeLine(invoice.id, line.id), () => this.errors.success('Line removed.'));
  }

  protected send(): void {
    const invoice = this.invoice();
    if (!invoice) return;
    const terms = this.config.settings()?.paymentTermsDays;
    void confirm(this.dialog, {
      title: 'Send this invoice?',
      text: [
        `It gets the next invoice number, is dated today and falls due ${terms ? `in ${terms} days` : 'after your payment terms'}.`,
        invoice.billingEmail
          ? `The PDF is emailed to ${invoice.billingEmail} with a link to pay online.`
          : 'The client has no billing email yet: add one to the client first, or sending will be refused.',
        'After sending, the invoice can no longer be changed; it can be voided while nothing is paid.',
      ],
      confirm: 'Send invoice',
    }).then((yes) => yes && this.sendNow('send'));
  }

  protected resend(): void {
    this.sendNow('resend');
  }

  protected copyPayLink(): void {
    const url = this.invoice()?.payUrl;
    if (!url) return;
    if (this.clipboard.copy(url)) this.errors.success('Pay link copied.');
    else this.errors.show({ code: 'Clipboard' }, 'The pay link could not be copied; select it and copy it by hand.');
  }

  protected recordPayment(): void {
    const invoice = this.invoice();
    if (!invoice) return;
    this.dialog.open<RecordPaymentDialog, InvoiceDetailDto, InvoiceDetailDto>(RecordPaymentDialog, { data: invoice, width: '600px', maxWidth: 'calc(100vw - 24px)' })
      .afterClosed().subscribe((updated) => {
        if (updated) {
          this.show(updated);
          this.errors.success('Payment recorded.');
        }
      });
  }

  protected voidInvoice(): void {
    const invoice = this.invoice();
    if (!invoice) return;
    const entries = invoice.lines.filter((l) => l.timeEntryId).length;
    void askReason(this.dialog, {
      title: `Void ${invoice.number}?`,
      text: [
        entries > 0
          ? `Its ${entries} time ${entries === 1 ? 'entry is' : 'entries are'} released: they show as unbilled again and can go on a new invoice.`
          : 'Its period is released and can be invoiced again.',
        `The number ${invoice.number} stays used, the pay link stops taking payments and any open checkout page is closed. This cannot be undone.`,
      ],
      confirm: 'Void invoice',
      destructive: true,
      label: 'Reason', hint: 'Kept with the invoice, e.g. "Wrong period"', maxLength: 1000,
    }).then((reason) => reason && this.run('void', this.api.void(invoice.id, reason), () => this.errors.success(`${invoice.number} is void; its time is unbilled again.`)));
  }

  protected deleteDraft(): void {
    const invoice = this.invoice();
    if (!invoice) return;
    void confirm(this.dialog, {
      title: 'Delete this draft?',
      text: 'Its time entries are released and show as unbilled again. No number was used, so nothing is left behind.',
      confirm: 'Delete draft',
      destructive: true,
    }).then((yes) => yes && this.deleteNow(invoice.id));
  }

  private deleteNow(id: string): void {
    this.busy.set('delete');
    this.api.deleteDraft(id).subscribe({
      next: () => {
        this.busy.set(null);
        this.errors.success('Draft deleted.');
        void this.router.navigate(LINKS.invoices().commands);
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.errors.handle(error, { reload: () => this.load() });
      },
    });
  }

  protected resolveFlag(payment: PaymentDto): void {
    const invoice = this.invoice();
    if (!invoice) return;
    void askReason(this.dialog, {
      title: 'Mark as sorted out?',
      text: [payment.flagMessage ?? flagTitle(payment.flag ?? ''), 'Say what was done about it (for example, refunded in Stripe); the note is kept with the payment.'],
      confirm: 'Mark as sorted out',
      label: 'What was done', maxLength: 500,
    }).then((note) => note && this.run('resolve', this.api.resolveFlag(invoice.id, payment.id, note), () => this.errors.success('Marked as sorted out.')));
  }

  protected togglePdf(): void {
    if (this.pdfUrl()) {
      this.dropPdf();
      return;
    }
    this.pdfLoading.set(true);
    this.api.pdf(this.id()).subscribe({
      next: (blob) => {
        this.dropPdf();
        this.objectUrl = URL.createObjectURL(blob);
        this.pdfUrl.set(this.sanitizer.bypassSecurityTrustResourceUrl(this.objectUrl));
        this.pdfLoading.set(false);
      },
      error: (error: unknown) => {
        this.pdfLoading.set(false);
        this.errors.handle(error);
      },
    });
  }

  protected downloadPdf(): void {
    const invoice = this.invoice();
    if (!invoice?.number) return;
    this.busy.set('pdf');
    this.api.pdf(invoice.id).subscribe({
      next: (blob) => {
        this.busy.set(null);
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = `${invoice.number}.pdf`;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.errors.handle(error);
      },
    });
  }

  protected hours(line: InvoiceLineDto): string {
    return line.kind === 'Time' || line.kind === 'Overage' ? `${line.quantity.toFixed(2)} h` : String(line.quantity);
  }

  protected stripeIds(payment: PaymentDto): { label: string; value: string }[] {
    const s = payment.stripe;
    if (!s) return [];
    return [
      { label: 'PaymentIntent', value: s.paymentIntentId ?? '' }, { label: 'Charge', value: s.chargeId ?? '' },
      { label: 'Refund', value: s.refundId ?? '' }, { label: 'Checkout Session', value: s.checkoutSessionId ?? '' },
    ].filter((id) => id.value);
  }

  protected periodText(invoice: InvoiceDetailDto): string {
    return formatPeriod({ from: invoice.periodStart, to: invoice.periodEnd }, this.format.locale);
  }

  protected money(amount: number): string {
    const invoice = this.invoice();
    return invoice ? formatMoney(amount, invoice.currency, this.format.locale) : '';
  }

  private sendNow(kind: 'send' | 'resend'): void {
    const invoice = this.invoice();
    if (!invoice) return;
    this.busy.set('send');
    this.api.send(invoice.id).subscribe({
      next: (response) => {
        this.busy.set(null);
        this.show(response.invoice);
        const to = response.invoice.billingEmail;
        if (response.emailError) this.errors.show({ code: 'Billing:Invoice.EmailFailed' }, response.emailError);
        else if (response.emailed) this.errors.success(kind === 'send' ? `Invoice sent and emailed to ${to}.` : `Emailed again to ${to}.`);
        else this.errors.success(kind === 'send' ? `Invoice sent; its email to ${to} is on its way.` : `Its email to ${to} is on its way.`);
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.errors.handle(error, { reload: () => this.load() });
      },
    });
  }

  private run(action: string, request: Observable<InvoiceDetailDto>, done: () => void): void {
    if (this.busy()) return;
    this.busy.set(action);
    request.subscribe({
      next: (invoice) => {
        this.busy.set(null);
        this.show(invoice);
        done();
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.errors.handle(error, { reload: () => this.load() });
      },
    });
  }

  private show(invoice: InvoiceDetailDto): void {
    const numberChanged = this.invoice()?.number !== invoice.number || this.invoice()?.status !== invoice.status;
    this.invoice.set(invoice);
    if (numberChanged && this.pdfUrl()) this.dropPdf();
    this.watchEmails(invoice);
  }

  /** While an email is on its way or about to be retried, looks again every 5 s so its outcome shows without a reload. */
  private watchEmails(invoice: InvoiceDetailDto): void {
    if (this.watchTimer) clearTimeout(this.watchTimer);
    this.watchTimer = null;
    if (!invoice.emails.some((e) => emailNeedsWatching(e, new Date()))) return;
    this.watchTimer = setTimeout(() => {
      this.watchTimer = null;
      if (this.busy()) return this.watchEmails(this.invoice() ?? invoice);
      this.api.get(invoice.id).subscribe({ next: (latest) => { if (!this.busy()) this.show(latest); }, error: () => undefined });
    }, 5000);
  }

  private dropPdf(): void {
    if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
    this.objectUrl = null;
    this.pdfUrl.set(null);
  }
}
