import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import { controlError } from '../../core/errors/form-errors';

export interface ReasonOptions {
  title: string;
  /** Paragraphs saying what will happen. */
  text: readonly string[];
  confirm: string;
  /** Red confirm button for what cannot be undone. */
  destructive?: boolean;
  /** The required reason's field, e.g. a void's reason or what was done about a flagged payment. */
  label: string;
  hint?: string;
  maxLength: number;
}

/**
 * A confirmation that needs a reason kept with the change (a void, a flagged payment sorted out): core/ui's
 * `confirm()` for the yes/no, plus a required text. Use `askReason(dialog, …)`.
 */
@Component({
  selector: 'app-reason-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      @for (paragraph of data.text; track $index) { <p>{{ paragraph }}</p> }
      <mat-form-field class="reason">
        <mat-label>{{ data.label }}</mat-label>
        <textarea matInput [formControl]="reason" rows="3" [attr.maxlength]="data.maxLength" cdkFocusInitial></textarea>
        @if (data.hint) { <mat-hint>{{ data.hint }}</mat-hint> }
        <mat-error>{{ errorOf(reason) }}</mat-error>
      </mat-form-field>
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
export class ReasonDialog {
  protected readonly data = inject<ReasonOptions>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<ReasonDialog, string>);
  protected readonly reason = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(this.data.maxLength)] });
  protected readonly errorOf = controlError;

  protected confirm(): void {
    const reason = this.reason.value.trim();
    if (!reason) {
      this.reason.setValue('');
      this.reason.markAsTouched();
      return;
    }
    this.ref.close(reason);
  }
}

/** Asks; resolves the typed reason, or undefined when cancelled. */
export async function askReason(dialog: MatDialog, options: ReasonOptions): Promise<string | undefined> {
  const ref = dialog.open<ReasonDialog, ReasonOptions, string>(ReasonDialog, { data: options, width: '520px', maxWidth: '94vw' });
  return firstValueFrom(ref.afterClosed());
}
