import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Observable } from 'rxjs';
import { controlError } from '../../core/errors/form-errors';

export interface ConfirmData {
  title: string;
  /** Paragraphs saying what will happen. */
  message: string[];
  confirm: string;
  /** Red confirm button for what cannot be undone. */
  destructive?: boolean;
  /** Ask for a reason (required), e.g. for a void: the dialog answers with it. */
  reason?: { label: string; hint?: string; maxLength: number };
}

/** "Are you sure?" with what will happen spelled out; answers true, the typed reason, or undefined when cancelled. */
@Component({
  selector: 'app-confirm-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      @for (paragraph of data.message; track $index) {
        <p>{{ paragraph }}</p>
      }
      @if (data.reason; as reason) {
        <mat-form-field class="reason">
          <mat-label>{{ reason.label }}</mat-label>
          <textarea matInput [formControl]="reasonControl" rows="3" [attr.maxlength]="reason.maxLength" cdkFocusInitial></textarea>
          @if (reason.hint) { <mat-hint>{{ reason.hint }}</mat-hint> }
          <mat-error>{{ errorOf(reasonControl) }}</mat-error>
        </mat-form-field>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button mat-flat-button type="button" [class.destructive]="data.destructive" (click)="confirm()">{{ data.confirm }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    p { margin: 0 0 12px; max-width: 56ch; }
    .reason { width: 100%; margin-top: 4px; }
    .destructive { --mat-button-filled-container-color: var(--mat-sys-error); --mat-button-filled-label-text-color: var(--mat-sys-on-error); }
  `,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<ConfirmDialog, string | true>);
  protected readonly reasonControl = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(this.data.reason?.maxLength ?? 1000)] });
  protected readonly errorOf = controlError;

  protected confirm(): void {
    if (!this.data.reason) {
      this.ref.close(true);
      return;
    }
    const reason = this.reasonControl.value.trim();
    if (!reason) {
      this.reasonControl.setValue('');
      this.reasonControl.markAsTouched();
      return;
    }
    this.ref.close(reason);
  }
}

export function confirm(dialog: MatDialog, data: ConfirmData): Observable<string | true | undefined> {
  return dialog.open<ConfirmDialog, ConfirmData, string | true>(ConfirmDialog, { data, width: '520px', maxWidth: 'calc(100vw - 24px)' }).afterClosed();
}
