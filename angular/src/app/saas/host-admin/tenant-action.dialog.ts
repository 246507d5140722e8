import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { controlError } from '../../core/errors/form-errors';
import { TenantDto } from '../api/saas.models';

export interface TenantActionData {
  action: 'suspend' | 'reactivate';
  tenant: TenantDto;
}

/** Confirms a suspension (with the reason the organisation's people are told) or a reactivation. Closes with the reason, '' to reactivate, or nothing. */
@Component({
  selector: 'app-tenant-action-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (data.action === 'suspend') {
      <h2 mat-dialog-title>Suspend {{ data.tenant.name }}?</h2>
      <mat-dialog-content>
        <p>
          Its {{ data.tenant.userCount }} {{ data.tenant.userCount === 1 ? 'user is' : 'users are' }} signed out and can neither sign in nor use the API
          until you reactivate it. Its pay links stop working and its month-end runs are skipped; nothing is deleted.
        </p>
        <mat-form-field class="reason">
          <mat-label>Reason</mat-label>
          <textarea matInput [formControl]="reason" rows="3" cdkFocusInitial></textarea>
          <mat-hint>Kept with the organisation, for the host team</mat-hint>
          <mat-error>{{ errorOf(reason) }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="button" class="danger" (click)="confirm()">Suspend</button>
      </mat-dialog-actions>
    } @else {
      <h2 mat-dialog-title>Reactivate {{ data.tenant.name }}?</h2>
      <mat-dialog-content>
        <p>Its users can sign in again and its pay links work again.</p>
        @if (data.tenant.suspensionReason) { <p class="muted">Suspended because: {{ data.tenant.suspensionReason }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="button" (click)="ref.close('')">Reactivate</button>
      </mat-dialog-actions>
    }
  `,
  styles: `
    .reason { width: 100%; margin-top: 8px; }
    .danger { --mat-button-filled-container-color: var(--mat-sys-error); --mat-button-filled-label-text-color: var(--mat-sys-on-error); }
  `,
})
export class TenantActionDialog {
  protected readonly data = inject<TenantActionData>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<TenantActionDialog, string>>(MatDialogRef);
  protected readonly errorOf = controlError;
  protected readonly reason = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(500)] });

  protected confirm(): void {
    if (this.reason.invalid || !this.reason.value.trim()) {
      this.reason.setErrors({ message: 'Say why, for whoever reactivates it later.' });
      this.reason.markAsTouched();
      return;
    }
    this.ref.close(this.reason.value.trim());
  }
}
