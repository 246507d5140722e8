import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { AbstractControl, FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { firstValueFrom } from 'rxjs';
import { AppConfigService } from '../../../core/config/app-config.service';
import { TenantSettings } from '../../../core/config/app-config.models';
import { ErrorService } from '../../../core/errors/error.service';
import { controlError } from '../../../core/errors/form-errors';
import { toProblem } from '../../../core/http/problem';
import { Loading } from '../../../core/ui/loading';
import { PageHeader } from '../../../core/ui/page-header';
import { EmptyState } from '../../../core/ui/empty-state';
import { currencies, timeZones } from '../../account/locale-defaults';
import { OrganisationApi } from '../../api/organisation.api';
import { LOGO_RULES, logoFileError } from './logo-rules';

/** Settings → Organisation: name, address and logo, billing defaults, time zone and self-approval. */
@Component({
  selector: 'app-organisation-page',
  imports: [
    EmptyState, Loading, MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, MatSlideToggleModule,
    PageHeader, ReactiveFormsModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './organisation.page.html',
  styleUrl: './organisation.page.scss',
})
export class OrganisationPage {
  private readonly api = inject(OrganisationApi);
  private readonly config = inject(AppConfigService);
  private readonly errors = inject(ErrorService);

  protected readonly errorOf = controlError;
  protected readonly timeZones = timeZones();
  protected readonly currencies = currencies();
  protected readonly logoRules = LOGO_RULES;
  protected readonly year = new Date().getFullYear();
  protected readonly canManage = computed(() => this.config.isGranted('Saas.Settings.Manage'));

  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly busy = signal(false);
  protected readonly logoUrl = signal<string | null>(null);
  protected readonly logoBusy = signal(false);
  protected readonly logoError = signal<string | null>(null);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    organizationName: ['', [Validators.required, Validators.maxLength(100)]],
    address: ['', Validators.maxLength(500)],
    timeZone: ['', Validators.required],
    currency: ['', Validators.required],
    invoicePrefix: ['', [Validators.required, Validators.pattern(/^[A-Z0-9-]{1,10}$/)]],
    paymentTermsDays: [30, [Validators.required, Validators.min(0), Validators.max(365)]],
    taxRatePercent: [0, [Validators.required, Validators.min(0), Validators.max(100)]],
    defaultHourlyRate: [0, [Validators.required, Validators.min(0), Validators.max(1_000_000)]],
    allowSelfApproval: [false],
    concurrencyStamp: [''],
  });

  constructor() {
    void this.load();
    inject(DestroyRef).onDestroy(() => this.setLogo(null));
  }

  /** The server's message, or the rule a browser-side check broke (min, max, pattern). */
  protected fieldError(control: AbstractControl, rule: string): string {
    if (control.hasError('server') || control.hasError('required')) return controlError(control);
    return control.hasError('min') || control.hasError('max') || control.hasError('pattern') ? rule : controlError(control);
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    try {
      const settings = await firstValueFrom(this.api.get());
      this.fill(settings);
      this.failed.set(false);
      void this.loadLogo();
    } catch (error) {
      this.errors.handle(error);
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  protected async save(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    const value = this.form.getRawValue();
    try {
      const saved = await firstValueFrom(this.api.update({ ...value, address: value.address.trim() || null, invoicePrefix: value.invoicePrefix.trim() }));
      this.fill(saved);
      this.errors.success('Organisation settings saved.');
      await this.config.load(); // the toolbar's name, dates in the new time zone, the new currency for clients
    } catch (error) {
      this.errors.handle(error, { form: this.form, reload: () => void this.load() });
    } finally {
      this.busy.set(false);
    }
  }

  protected async chooseLogo(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again still fires a change
    if (!file) return;
    const refusal = logoFileError(file);
    this.logoError.set(refusal);
    if (refusal) return;
    this.logoBusy.set(true);
    try {
      await firstValueFrom(this.api.uploadLogo(file));
      this.setLogo(URL.createObjectURL(file));
      this.errors.success('Logo saved. It is printed on invoices from now on.');
    } catch (error) {
      const problem = toProblem(error);
      const message = problem.errors?.['logo']?.join(' ');
      if (message) this.logoError.set(message);
      else this.errors.handle(error);
    } finally {
      this.logoBusy.set(false);
    }
  }

  protected async removeLogo(): Promise<void> {
    this.logoBusy.set(true);
    this.logoError.set(null);
    try {
      await firstValueFrom(this.api.removeLogo());
      this.setLogo(null);
      this.errors.success('Logo removed.');
    } catch (error) {
      this.errors.handle(error);
    } finally {
      this.logoBusy.set(false);
    }
  }

  private async loadLogo(): Promise<void> {
    try {
      const blob = await firstValueFrom(this.api.logo());
      this.setLogo(blob ? URL.createObjectURL(blob) : null);
    } catch (error) {
      this.errors.handle(error);
    }
  }

  private setLogo(url: string | null): void {
    const previous = this.logoUrl();
    if (previous) URL.revokeObjectURL(previous);
    this.logoUrl.set(url);
  }

  private fill(settings: TenantSettings): void {
    this.form.reset({ ...settings, address: settings.address ?? '' });
    if (this.canManage()) this.form.enable();
    else this.form.disable();
  }
}
