import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ErrorService } from '../../core/errors/error.service';
import { controlError } from '../../core/errors/form-errors';
import { OrgFormat } from '../../core/format/org-format.service';
import { InvoiceDetailDto } from '../api/billing.models';
import { InvoicesApi } from '../api/invoices.api';
import { formatMoney, roundMoney } from '../money/money';
import { numberIn } from '../ui/validators';

/** Adds a manual line to a draft (a negative unit price is a discount); answers with the updated invoice. */
@Component({
  selector: 'app-add-line-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `.form-grid { align-items: start; } p { margin-top: 0; }`,
  template: `
    <h2 mat-dialog-title>Add a line</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <div class="form-grid two">
          <mat-form-field class="span-all">
            <mat-label>Description</mat-label>
            <input matInput formControlName="description" maxlength="4000" cdkFocusInitial />
            <mat-error>{{ errorOf(form.controls.description) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Quantity</mat-label>
            <input matInput type="number" formControlName="quantity" min="0" step="1" inputmode="decimal" />
            <mat-error>{{ errorOf(form.controls.quantity) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Unit price</mat-label>
            <input matInput type="number" formControlName="unitPrice" step="0.01" inputmode="decimal" />
            <span matTextSuffix>{{ invoice.currency }}</span>
            <mat-hint>Negative for a discount</mat-hint>
            <mat-error>{{ errorOf(form.controls.unitPrice) }}</mat-error>
          </mat-form-field>
        </div>
        <p class="muted" aria-live="polite">Line amount: {{ amount() }} (before tax)</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="busy()">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()">{{ busy() ? 'Adding…' : 'Add line' }}</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class AddLineDialog {
  protected readonly invoice = inject<InvoiceDetailDto>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<AddLineDialog, InvoiceDetailDto>);
  private readonly api = inject(InvoicesApi);
  private readonly errors = inject(ErrorService);
  private readonly locale = inject(OrgFormat).locale;
  protected readonly errorOf = controlError;
  protected readonly busy = signal(false);

  protected readonly form = new FormGroup({
    description: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(4000)] }),
    quantity: new FormControl<number | null>(1, [Validators.required, numberIn(0.0001, 100_000, 4, 'Enter more than 0 and at most 100,000 (at most 4 decimals).')]),
    unitPrice: new FormControl<number | null>(null, [Validators.required, numberIn(-10_000_000, 10_000_000, 4, 'Enter between -10,000,000 and 10,000,000 (at most 4 decimals).')]),
  });
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.value });
  protected readonly amount = computed(() => {
    const { quantity, unitPrice } = this.value();
    const amount = Number(quantity ?? 0) * Number(unitPrice ?? 0);
    return formatMoney(Number.isFinite(amount) ? roundMoney(amount, this.invoice.currency) : 0, this.invoice.currency, this.locale);
  });

  protected save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.busy()) return;
    this.busy.set(true);
    const v = this.form.getRawValue();
    this.api.addLine(this.invoice.id, { description: v.description.trim(), quantity: Number(v.quantity), unitPrice: Number(v.unitPrice) }).subscribe({
      next: (invoice) => this.ref.close(invoice),
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.handle(error, { form: this.form });
      },
    });
  }
}
