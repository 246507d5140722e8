import { ClipboardModule } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import { ErrorService } from '../../core/errors/error.service';
import { controlError } from '../../core/errors/form-errors';
import { OrgDateTimePipe } from '../../core/format/format.pipes';
import { toProblem } from '../../core/http/problem';
import { EmptyState } from '../../core/ui/empty-state';
import { Loading } from '../../core/ui/loading';
import { confirm } from '../../core/ui/confirm-dialog';
import { PageHeader } from '../../core/ui/page-header';
import { StripeApi } from './stripe.api';
import { StripeConnectionDto } from './stripe.models';
import { stripeProblem, stripeView } from './stripe-view';

/** Settings → Integrations → Stripe: connect with keys, test, the webhook (registered or by hand), disconnect. */
@Component({
  selector: 'app-stripe-settings-page',
  imports: [
    ClipboardModule, EmptyState, Loading, MatButtonModule, MatCardModule, MatChipsModule, MatFormFieldModule, MatIconModule, MatInputModule,
    OrgDateTimePipe, PageHeader, ReactiveFormsModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './stripe-settings.page.html',
  styleUrl: './stripe-settings.page.scss',
})
export class StripeSettingsPage {
  private readonly api = inject(StripeApi);
  private readonly errors = inject(ErrorService);
  private readonly dialog = inject(MatDialog);

  protected readonly errorOf = controlError;
  protected readonly connection = signal<StripeConnectionDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly replacing = signal(false);
  protected readonly busy = signal<'connect' | 'test' | 'disconnect' | null>(null);
  /** Stripe's refusal of the last connect, shown above the form until the next try. */
  protected readonly formError = signal<string | null>(null);
  /** The last test's refusal, or what a disconnect left to do by hand. */
  protected readonly notice = signal<{ tone: 'ok' | 'error' | 'info'; text: string } | null>(null);
  protected readonly hideSecret = signal(true);
  protected readonly view = computed(() => stripeView(this.connection(), this.replacing()));

  protected readonly form = inject(FormBuilder).nonNullable.group({
    publishableKey: ['', [Validators.required, Validators.maxLength(255)]],
    secretKey: ['', [Validators.required, Validators.maxLength(255)]],
    webhookSigningSecret: ['', Validators.maxLength(255)],
  });

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    try {
      this.show(await firstValueFrom(this.api.get()));
      this.failed.set(false);
    } catch (error) {
      this.errors.handle(error);
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  protected async connect(): Promise<void> {
    const askSecret = this.view().askSigningSecret;
    if (askSecret && !this.form.controls.webhookSigningSecret.value.trim()) {
      this.form.controls.webhookSigningSecret.setErrors({ message: 'Paste the signing secret (whsec_…) of the endpoint you added in Stripe.' });
      this.form.controls.webhookSigningSecret.markAsTouched();
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set('connect');
    this.formError.set(null);
    this.notice.set(null);
    const value = this.form.getRawValue();
    try {
      const connection = await firstValueFrom(this.api.connect({
        publishableKey: value.publishableKey.trim(),
        secretKey: value.secretKey.trim(),
        webhookSigningSecret: askSecret ? value.webhookSigningSecret.trim() : null,
      }));
      this.replacing.set(false);
      this.show(connection);
      if (connection.webhookStatus === 'ManualSetupRequired') {
        this.errors.success('Keys accepted. One step left: add the webhook endpoint in Stripe.');
      } else {
        this.form.reset();
        this.errors.success(`Stripe connected in ${connection.mode?.toLowerCase()} mode.`);
      }
    } catch (error) {
      this.showRefusal(error);
    } finally {
      this.busy.set(null);
    }
  }

  protected async test(): Promise<void> {
    this.busy.set('test');
    this.notice.set(null);
    try {
      const connection = await firstValueFrom(this.api.test());
      this.show(connection);
      this.notice.set({ tone: 'ok', text: `The connection works: ${connection.mode?.toLowerCase()} mode, account ${connection.accountName ?? connection.accountId}.` });
    } catch (error) {
      const problem = toProblem(error);
      if (problem.status === 401) return;
      this.notice.set({ tone: 'error', text: `The test failed: ${stripeProblem(problem).message} (${problem.code})` });
      void this.refresh(); // the failed test is recorded with the connection
    } finally {
      this.busy.set(null);
    }
  }

  protected async disconnect(): Promise<void> {
    const connection = this.connection();
    const account = connection?.accountName ?? connection?.accountId ?? 'this account';
    const confirmed = await confirm(this.dialog, {
      title: 'Disconnect Stripe?',
      text:
        `Regentra forgets the keys of ${account}. Pay links stop offering “Pay now” and Checkout pages still open are closed; ` +
        'the webhook endpoint Regentra registered is deleted from your Stripe account where the key allows. Payments already ' +
        'recorded stay on their invoices. You can connect again at any time (the webhook URL will be a new one).',
      confirm: 'Disconnect',
      cancel: 'Keep connected',
      destructive: true,
    });
    if (!confirmed) return;
    this.busy.set('disconnect');
    try {
      const result = await firstValueFrom(this.api.disconnect());
      this.replacing.set(false);
      this.form.reset();
      await this.refresh();
      this.notice.set(result.note ? { tone: 'info', text: result.note } : null);
      this.errors.success('Stripe disconnected.');
    } catch (error) {
      this.errors.handle(error);
    } finally {
      this.busy.set(null);
    }
  }

  protected replaceKeys(): void {
    this.form.reset({ publishableKey: this.connection()?.publishableKey ?? '', secretKey: '', webhookSigningSecret: '' });
    this.formError.set(null);
    this.replacing.set(true);
  }

  protected cancelReplace(): void {
    this.replacing.set(false);
    this.formError.set(null);
    this.form.reset();
  }

  protected copied(success: boolean, what: string): void {
    if (success) this.errors.success(`${what} copied.`);
    else this.errors.show({ code: 'Clipboard' }, `The browser did not allow copying; select the ${what.toLowerCase()} and copy it by hand.`);
  }

  private async refresh(): Promise<void> {
    try {
      this.show(await firstValueFrom(this.api.get()));
    } catch {
      // the screen keeps what it showed; the next action reloads
    }
  }

  private show(connection: StripeConnectionDto): void {
    this.connection.set(connection);
    if (connection.connected && !this.form.controls.publishableKey.value) this.form.controls.publishableKey.setValue(connection.publishableKey ?? '');
  }

  private showRefusal(error: unknown): void {
    const problem = toProblem(error);
    if (problem.status === 401) return;
    if (problem.code === 'Validation') {
      this.errors.handle(error, { form: this.form });
      return;
    }
    const { message, field } = stripeProblem(problem);
    this.formError.set(`${message} (${problem.code})`);
    if (field) {
      this.form.controls[field].setErrors({ server: problem.detail ?? message });
      this.form.controls[field].markAsTouched();
    }
  }
}
