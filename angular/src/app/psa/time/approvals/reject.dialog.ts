import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { controlError } from '../../../core/errors/form-errors';

export interface RejectData {
  /** "2 entries (3:30) from Tom Tech" */
  summary: string;
}

/** Asks why time is rejected: the reason is required, and the technician sees it next to the entry. */
@Component({
  selector: 'app-reject-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Reject time</h2>
    <form [formGroup]="form" (ngSubmit)="reject()" novalidate>
      <mat-dialog-content>
        <p>Rejecting {{ data.summary }}. The technician sees your reason, can change the time and submit it again.</p>
        <mat-form-field class="reason">
          <mat-label>Reason</mat-label>
          <textarea matInput formControlName="reason" rows="3" maxlength="1000" cdkFocusInitial></textarea>
          <mat-hint align="end">{{ form.controls.reason.value.length }} / 1000</mat-hint>
          <mat-error>{{ errorOf(form.controls.reason) }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" class="reject">Reject</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    p { margin-top: 0; max-width: 56ch; }
    .reason { width: 100%; min-width: min(420px, 78vw); }
    .reject { --mat-button-filled-container-color: var(--mat-sys-error); --mat-button-filled-label-text-color: var(--mat-sys-on-error); }
  `,
})
export class RejectDialog {
  protected readonly data = inject<RejectData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<RejectDialog, string>);
  protected readonly errorOf = (control: Parameters<typeof controlError>[0]) =>
    control?.errors?.['required'] || control?.errors?.['blank'] ? 'Say why, so the technician knows what to change.' : controlError(control);
  protected readonly form = inject(FormBuilder).nonNullable.group({ reason: ['', [Validators.required, Validators.maxLength(1000)]] });

  protected reject(): void {
    const reason = this.form.controls.reason.value.trim();
    if (!reason) {
      this.form.controls.reason.setErrors({ blank: true });
      this.form.controls.reason.markAsTouched();
      return;
    }
    this.ref.close(reason);
  }
}
