import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { forkJoin } from 'rxjs';
import { AppConfigService } from '../../core/config/app-config.service';
import { ErrorService } from '../../core/errors/error.service';
import { controlError } from '../../core/errors/form-errors';
import { OrgFormat } from '../../core/format/org-format.service';
import { injectLoader } from '../../core/http/loader';
import { PermissionDirective } from '../../core/permissions/permission.directive';
import { EmptyState } from '../../core/ui/empty-state';
import { Loading } from '../../core/ui/loading';
import { AgreementsApi } from '../api/agreements.api';
import { AgreementDto, AgreementType } from '../api/billing.models';
import { MoneyPipe } from '../money/money.pipe';
import { amountStep } from '../money/money';
import { injectClientId } from '../ui/client-id';
import { addDays, addMonths, monthStart } from '../ui/dates';
import { DayPipe } from '../ui/dates.pipes';
import { numberIn } from '../ui/validators';
import {
  AGREEMENT_TYPES, AgreementFormValue, agreementImpact, agreementTypeLabel, describeRounding, describeTerms, fromAgreement, roundingExample, toRequest,
} from './agreement-rules';

const MONEY = numberIn(0, 10_000_000, 4, 'Enter an amount between 0 and 10,000,000 (at most 4 decimals).');

/** Required when the agreement's type is one of `types` (the field is shown only then). */
function requiredFor(...types: AgreementType[]) {
  return (control: AbstractControl): ValidationErrors | null => {
    const type = control.parent?.get('type')?.value as AgreementType | undefined;
    return type && types.includes(type) && (control.value === null || control.value === '') ? { required: true } : null;
  };
}

/**
 * A client's service agreement: the one in effect today, its history, and a form per type with rounding and its
 * worked example, effective dates and the month-end switches. What saving will do (the API's rules) is shown before
 * saving. Takes the client id as an input, or from the route (`clientId` or the client page's `id`).
 */
@Component({
  selector: 'app-client-agreement-tab',
  imports: [
    DayPipe, EmptyState, Loading, MatButtonModule, MatCardModule, MatCheckboxModule, MatFormFieldModule, MatIconModule, MatInputModule,
    MatRadioModule, MoneyPipe, PermissionDirective, ReactiveFormsModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-agreement.tab.html',
  styleUrl: './client-agreement.tab.scss',
})
export class ClientAgreementTab {
  readonly clientId = input<string>();
  protected readonly id = injectClientId(this.clientId);

  private readonly api = inject(AgreementsApi);
  private readonly errors = inject(ErrorService);
  private readonly config = inject(AppConfigService);
  private readonly format = inject(OrgFormat);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly types = AGREEMENT_TYPES;
  protected readonly typeLabel = agreementTypeLabel;
  protected readonly roundingText = describeRounding;
  protected readonly errorOf = controlError;
  protected readonly locale = this.format.locale;

  protected readonly data = injectLoader(() => forkJoin({ current: this.api.current(this.id()), history: this.api.history(this.id()) }));
  protected readonly current = computed(() => this.data.value()?.current.agreement ?? null);
  protected readonly currency = computed(() => this.data.value()?.current.currency ?? this.config.settings()?.currency ?? 'GBP');
  protected readonly history = computed(() => this.data.value()?.history ?? []);
  protected readonly step = computed(() => amountStep(this.currency()));

  /** null: no form; 'edit': changing the current agreement's terms; 'new': a new agreement from a date. */
  protected readonly mode = signal<'edit' | 'new' | null>(null);
  protected readonly busy = signal(false);

  protected readonly form = new FormGroup({
    type: new FormControl<AgreementType>('Hourly', { nonNullable: true }),
    effectiveFrom: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    lastDay: new FormControl<string | null>(null),
    hourlyRate: new FormControl<number | null>(null, [requiredFor('Hourly'), MONEY]),
    monthlyFee: new FormControl<number | null>(null, [requiredFor('MonthlyRecurring', 'BlockHours'), MONEY]),
    scope: new FormControl<string | null>(null, [Validators.maxLength(1000)]),
    includedHours: new FormControl<number | null>(null, [requiredFor('BlockHours'), numberIn(0.01, 10_000, 2, 'Enter more than 0 and at most 10,000 hours (at most 2 decimals).')]),
    overageRate: new FormControl<number | null>(null, [requiredFor('BlockHours'), MONEY]),
    rollover: new FormControl(false, { nonNullable: true }),
    rounding: new FormGroup({
      incrementMinutes: new FormControl<number | null>(0, [numberIn(0, 240, 0, 'Enter whole minutes from 0 (no rounding) to 240.')]),
      minimumMinutes: new FormControl<number | null>(0, [numberIn(0, 1440, 0, 'Enter whole minutes from 0 (no minimum) to 1440.')]),
    }),
    autoInvoice: new FormControl(false, { nonNullable: true }),
    autoSend: new FormControl(false, { nonNullable: true }),
  });

  private readonly value = signal<AgreementFormValue>(this.form.getRawValue());
  protected readonly type = computed(() => this.value().type);
  protected readonly impact = computed(() => agreementImpact(this.history(), this.value(), {
    today: this.format.today(),
    currency: this.currency(),
    defaultHourlyRate: this.data.value()?.current.defaultHourlyRate ?? 0,
    organisationCurrency: this.config.settings()?.currency ?? this.currency(),
    locale: this.locale,
  }));
  protected readonly example = computed(() => {
    const v = this.value();
    const rate = v.type === 'Hourly' ? v.hourlyRate : v.type === 'BlockHours' ? v.overageRate : null;
    return roundingExample(v.rounding, rate === null || Number.isNaN(Number(rate)) ? null : Number(rate), this.currency(), this.locale);
  });

  constructor() {
    this.form.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.value.set(this.form.getRawValue()));
    this.form.controls.type.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => {
      for (const name of ['hourlyRate', 'monthlyFee', 'includedHours', 'overageRate'] as const) this.form.controls[name].updateValueAndValidity({ emitEvent: false });
    });
    // Sending automatically needs invoicing automatically (the API's rule).
    this.form.controls.autoInvoice.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((on) => {
      if (on) this.form.controls.autoSend.enable({ emitEvent: false });
      else {
        this.form.controls.autoSend.setValue(false, { emitEvent: false });
        this.form.controls.autoSend.disable({ emitEvent: false });
      }
      this.value.set(this.form.getRawValue());
    });
    // With nothing to change yet, a manager lands straight on the form (once: not again after saving).
    let offered = false;
    effect(() => {
      const loaded = this.data.value();
      if (offered || !loaded) return;
      offered = true;
      if (!loaded.current.agreement && loaded.history.length === 0 && this.config.isGranted('Billing.Agreements.Manage')) untracked(() => this.open('new'));
    });
  }

  protected open(mode: 'edit' | 'new'): void {
    const current = this.current();
    const today = this.format.today();
    const start = current ? addMonths(monthStart(today), 1) : monthStart(today);
    const value: AgreementFormValue = mode === 'edit' && current ? fromAgreement(current) : {
      ...(current ? fromAgreement(current) : this.form.getRawValue()),
      effectiveFrom: start,
      lastDay: null,
      // A first agreement starts from the organisation's default rate, unless none is set (then the field asks for one).
      hourlyRate: current?.hourlyRate ?? (current ? null : this.data.value()?.current.defaultHourlyRate || null),
    };
    this.form.reset();
    this.form.setValue({ ...value, rounding: { incrementMinutes: value.rounding.incrementMinutes ?? 0, minimumMinutes: value.rounding.minimumMinutes ?? 0 } });
    this.form.controls.autoInvoice.updateValueAndValidity();
    this.value.set(this.form.getRawValue());
    this.mode.set(mode);
  }

  protected cancel(): void {
    this.mode.set(null);
  }

  protected save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.impact().blocked || this.busy()) return;
    this.busy.set(true);
    const request = toRequest(this.form.getRawValue(), this.impact().editing?.concurrencyStamp ?? null);
    this.api.put(this.id(), request).subscribe({
      next: () => {
        this.busy.set(false);
        this.mode.set(null);
        this.errors.success('Agreement saved.');
        this.data.reload();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.handle(error, { form: this.form, aliases: { effectiveTo: 'lastDay' }, reload: () => this.data.reload() });
      },
    });
  }

  protected terms(a: AgreementDto): string {
    return describeTerms(a, this.locale);
  }

  /** The agreement's last day (the API's effectiveTo is the day after). */
  protected lastDay(a: AgreementDto): string | null {
    return a.effectiveTo ? addDays(a.effectiveTo, -1) : null;
  }

  protected isCurrent(a: AgreementDto): boolean {
    return a.id === this.current()?.id;
  }
}
