import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ErrorService } from '../../core/errors/error.service';
import { controlError } from '../../core/errors/form-errors';
import { OrgFormat } from '../../core/format/org-format.service';
import { InvoiceDetailDto, PaymentMethod } from '../api/billing.models';
import { InvoicesApi } from '../api/invoices.api';
import { amountStep, fitsCurrency, formatMoney, minorUnits } from '../money/money';
import { MANUAL_METHOD_OPTIONS } from './payment-labels';

/** Records money received outside Stripe (bank transfer, cash, …); answers with the updated invoice. */
@Component({
  selector: 'app-record-payment-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `.form-grid { align-items: start; } p { margin-top: 0; }`,
  template: `
    <h2 mat-dialog-title>Record a payment</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <p class="muted">{{ invoice.number }} · {{ due }} due. Payments through the pay link are recorded by Stripe on their own.</p>
        <div class="form-grid two">
          <mat-form-field>
            <mat-label>Amount</mat-label>
            <input matInput type="number" formControlName="amount" [step]="step" min="0" inputmode="decimal" cdkFocusInitial />
            <span matTextSuffix>{{ invoice.currency }}</span>
            <mat-error>{{ errorOf(form.controls.amount) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Received on</mat-label>
            <input matInput type="date" formControlName="date" [max]="today" />
            <mat-error>{{ errorOf(form.controls.date) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Method</mat-label>
            <mat-select formControlName="method">
              @for (m of methods; track m.value) { <mat-option [value]="m.value">{{ m.label }}</mat-option> }
            </mat-select>
            <mat-error>{{ errorOf(form.controls.method) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Reference (optional)</mat-label>
            <input matInput formControlName="reference" maxlength="200" />
            <mat-hint>E.g. the bank's transaction reference</mat-hint>
            <mat-error>{{ errorOf(form.controls.reference) }}</mat-error>
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="busy()">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()">{{ busy() ? 'Recording…' : 'Record payment' }}</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class RecordPaymentDialog {
  protected readonly invoice = inject<InvoiceDetailDto>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<RecordPaymentDialog, InvoiceDetailDto>);
  private readonly api = inject(InvoicesApi);
  private readonly errors = inject(ErrorService);
  private readonly format = inject(OrgFormat);

  protected readonly methods = MANUAL_METHOD_OPTIONS;
  protected readonly errorOf = controlError;
  protected readonly step = amountStep(this.invoice.currency);
  protected readonly today = this.format.today();
  protected readonly due = formatMoney(this.invoice.balance, this.invoice.currency, this.format.locale);
  protected readonly busy = signal(false);

  protected readonly form = new FormGroup({
    amount: new FormControl<number | null>(this.invoice.balance > 0 ? this.invoice.balance : null, [Validators.required, (c: AbstractControl) => this.checkAmount(c)]),
    date: new FormControl(this.today, { nonNullable: true, validators: [Validators.required] }),
    method: new FormControl<PaymentMethod>('BankTransfer', { nonNullable: true, validators: [Validators.required] }),
    reference: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(200)] }),
  });

  protected save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.busy()) return;
    this.busy.set(true);
    const v = this.form.getRawValue();
    this.api.recordPayment(this.invoice.id, { amount: Number(v.amount), date: v.date, method: v.method, reference: v.reference.trim() || null }).subscribe({
      next: (invoice) => this.ref.close(invoice),
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.handle(error, { form: this.form });
      },
    });
  }

  private checkAmount(control: AbstractControl): ValidationErrors | null {
    const value = control.value as number | null;
    if (value === null || (value as unknown) === '') return null;
    const amount = Number(value);
    const currency = this.invoice.currency;
    if (!(amount > 0)) return { message: 'Enter the amount received (more than 0).' };
    if (!fitsCurrency(amount, currency)) return { message: `${currency} amounts have at most ${minorUnits(currency)} decimals.` };
    if (amount > this.invoice.balance) return { message: `The balance due is ${this.due}; a payment cannot exceed it.` };
    return null;
  }
}
