import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Title } from '@angular/platform-browser';
import { firstValueFrom } from 'rxjs';
import { formatMoney } from '../money/money';
import { toProblem } from '../../core/http/problem';
import { PayApi } from './pay.api';
import { PublicInvoiceDto } from './pay.models';
import { CheckoutReturn, payView, paymentSettled } from './pay-state';

/** How often and how long the page asks for the real status after Stripe sends the client back. */
export const CONFIRM_POLL = { intervalMs: 1500, attempts: 10 };

/**
 * /pay/{token}: the invoice a client was sent, without sign-in or the app's chrome. Shows the organisation's name and
 * logo, the amounts, the PDF, and "Pay now" to Stripe Checkout; back from Checkout it reads the real status.
 */
@Component({
  selector: 'app-pay-page',
  imports: [MatButtonModule, MatIconModule, MatProgressSpinnerModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './pay.page.html',
  styleUrl: './pay.page.scss',
})
export class PayPage {
  private readonly api = inject(PayApi);
  private readonly title = inject(Title);

  /** Route parameter and query (component input binding). */
  readonly token = input.required<string>();
  readonly checkout = input<string | undefined>();

  protected readonly invoice = signal<PublicInvoiceDto | null>(null);
  protected readonly loadError = signal<'not-found' | 'unreachable' | null>(null);
  protected readonly polling = signal(false);
  protected readonly redirecting = signal(false);
  protected readonly payError = signal<string | null>(null);
  protected readonly logoFailed = signal(false);

  protected readonly checkoutReturn = computed<CheckoutReturn>(() => (this.checkout() === 'success' ? 'success' : this.checkout() === 'cancelled' ? 'cancelled' : null));
  protected readonly view = computed(() => payView({ invoice: this.invoice(), loadError: this.loadError(), checkout: this.checkoutReturn(), polling: this.polling() }));
  protected readonly pdfUrl = computed(() => this.api.pdfUrl(this.token()));

  private pollTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stopPolling());
    effect(() => {
      const invoice = this.invoice();
      this.title.setTitle(invoice ? `Invoice ${invoice.number} from ${invoice.organizationName}` : 'Invoice');
    });
    // Load once the token is bound (inputs are set before the first change detection).
    queueMicrotask(() => void this.start());
  }

  protected money(amount: number): string {
    const invoice = this.invoice();
    return invoice ? formatMoney(amount, invoice.currency) : '';
  }

  protected date(value: string, shiftDays = 0): string {
    const date = new Date(`${value}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + shiftDays);
    return new Intl.DateTimeFormat(navigator.language || 'en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
  }

  protected statusText(status: PublicInvoiceDto['status']): string {
    return status === 'PartiallyPaid' ? 'Partially paid' : status === 'Void' ? 'Void (cancelled)' : status;
  }

  protected async retry(): Promise<void> {
    this.loadError.set(null);
    await this.start();
  }

  /** Opens a Stripe Checkout page for what is due now and goes there. */
  protected async pay(): Promise<void> {
    this.redirecting.set(true);
    this.payError.set(null);
    try {
      const checkout = await firstValueFrom(this.api.checkout(this.token()));
      window.location.assign(checkout.url);
    } catch (error) {
      const problem = toProblem(error);
      this.redirecting.set(false);
      this.payError.set(problem.status === 429
        ? 'Too many attempts from this network. Wait a minute, then try again.'
        : problem.detail ?? 'Stripe could not be reached. Try again in a moment.');
      await this.refresh(); // the invoice may have changed (paid meanwhile, a payment clearing)
    }
  }

  /** Asks again (after "not confirmed yet"). */
  protected async checkAgain(): Promise<void> {
    await this.refresh();
    if (this.invoice() && !paymentSettled(this.invoice()!)) this.poll(CONFIRM_POLL.attempts);
  }

  private async start(): Promise<void> {
    await this.refresh();
    const invoice = this.invoice();
    if (invoice && this.checkoutReturn() === 'success' && !paymentSettled(invoice)) this.poll(CONFIRM_POLL.attempts);
  }

  /** Back from a successful checkout: Stripe's webhook may take a moment, so ask a few times for the real status. */
  private poll(attemptsLeft: number): void {
    this.stopPolling();
    this.polling.set(true);
    this.pollTimer = setTimeout(async () => {
      await this.refresh();
      const invoice = this.invoice();
      if (!invoice || paymentSettled(invoice) || attemptsLeft <= 1) this.polling.set(false);
      else this.poll(attemptsLeft - 1);
    }, CONFIRM_POLL.intervalMs);
  }

  private stopPolling(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }

  private async refresh(): Promise<void> {
    try {
      this.invoice.set(await firstValueFrom(this.api.get(this.token())));
      this.loadError.set(null);
    } catch (error) {
      const notFound = error instanceof HttpErrorResponse && error.status === 404;
      this.loadError.set(notFound ? 'not-found' : 'unreachable');
      if (notFound) this.invoice.set(null);
    }
  }
}
