import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom } from 'rxjs';
import { AppConfigService } from '../../core/config/app-config.service';
import { ErrorService } from '../../core/errors/error.service';
import { controlError } from '../../core/errors/form-errors';
import { currencies } from '../../saas/account/locale-defaults';
import { ClientsApi } from '../api/clients.api';
import { ClientDto } from '../api/psa.models';

/**
 * Adds a client or changes one: name, billing email, address, currency (the organisation's by default), notes, and
 * whether its time is billable by default. A stale change (someone else saved first) offers Reload.
 */
@Component({
  selector: 'app-client-form-dialog',
  imports: [MatButtonModule, MatCheckboxModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ client ? 'Edit client' : 'New client' }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <div class="form-grid two">
          <mat-form-field class="span-all">
            <mat-label>Name</mat-label>
            <input matInput formControlName="name" maxlength="200" autocomplete="organization" />
            <mat-error>{{ errorOf(form.controls.name) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Billing email</mat-label>
            <input matInput type="email" formControlName="billingEmail" autocomplete="email" />
            <mat-hint>Invoices are emailed here</mat-hint>
            <mat-error>{{ errorOf(form.controls.billingEmail) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Currency</mat-label>
            <mat-select formControlName="currency">
              @for (code of currencies; track code) { <mat-option [value]="code">{{ code }}</mat-option> }
            </mat-select>
            <mat-hint>What the client is invoiced in</mat-hint>
            <mat-error>{{ errorOf(form.controls.currency) }}</mat-error>
          </mat-form-field>
          <mat-form-field class="span-all">
            <mat-label>Address</mat-label>
            <textarea matInput formControlName="address" rows="3" autocomplete="street-address"></textarea>
            <mat-error>{{ errorOf(form.controls.address) }}</mat-error>
          </mat-form-field>
          <mat-form-field class="span-all">
            <mat-label>Notes</mat-label>
            <textarea matInput formControlName="notes" rows="3"></textarea>
            <mat-hint>For your team only; never on invoices</mat-hint>
            <mat-error>{{ errorOf(form.controls.notes) }}</mat-error>
          </mat-form-field>
          <div class="span-all">
            <mat-checkbox formControlName="billableByDefault">Time for this client is billable by default</mat-checkbox>
            <p class="muted hint">Technicians can still mark each entry billable or not.</p>
          </div>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()">{{ client ? 'Save client' : 'Create client' }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `form { display: contents; } .form-grid { align-items: start; } .hint { margin: 0 0 0 40px; font: var(--mat-sys-body-small); }`,
})
export class ClientFormDialog {
  protected readonly client = inject<ClientDto | null>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ClientFormDialog, ClientDto>>(MatDialogRef);
  private readonly api = inject(ClientsApi);
  private readonly errors = inject(ErrorService);
  protected readonly busy = signal(false);
  protected readonly errorOf = controlError;
  private readonly defaultCurrency = inject(AppConfigService).settings()?.currency ?? 'USD';
  protected readonly currencies = withCurrency(currencies(), this.client?.currency ?? this.defaultCurrency);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: [this.client?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    billingEmail: [this.client?.billingEmail ?? '', [Validators.email, Validators.maxLength(256)]],
    address: [this.client?.address ?? '', Validators.maxLength(500)],
    currency: [this.client?.currency ?? this.defaultCurrency, Validators.required],
    notes: [this.client?.notes ?? '', Validators.maxLength(4000)],
    billableByDefault: [this.client?.billableByDefault ?? true],
  });

  protected async save(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    const v = this.form.getRawValue();
    const request = {
      name: v.name.trim(), billingEmail: v.billingEmail.trim() || null, address: v.address.trim() || null, currency: v.currency,
      notes: v.notes.trim() || null, billableByDefault: v.billableByDefault,
    };
    try {
      const saved = await firstValueFrom(this.client
        ? this.api.update(this.client.id, { ...request, concurrencyStamp: this.client.concurrencyStamp })
        : this.api.create(request));
      this.errors.success(this.client ? `${saved.name} saved.` : `${saved.name} added.`);
      this.ref.close(saved);
    } catch (error) {
      // Reload after a stale save: close with nothing, the page reads the client again.
      this.errors.handle(error, { form: this.form, reload: () => this.ref.close() });
    } finally {
      this.busy.set(false);
    }
  }
}

function withCurrency(list: string[], code: string): string[] {
  return list.includes(code) ? list : [code, ...list];
}

/** Opens the client form: empty for a new client, filled for `client`. Resolves with the saved client. */
export function openClientForm(dialog: MatDialog, client: ClientDto | null = null): Promise<ClientDto | undefined> {
  return firstValueFrom(dialog.open<ClientFormDialog, ClientDto | null, ClientDto>(ClientFormDialog, { data: client, width: '640px', maxWidth: '95vw' }).afterClosed());
}
