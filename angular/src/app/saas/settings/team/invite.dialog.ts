import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ClipboardModule } from '@angular/cdk/clipboard';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom } from 'rxjs';
import { ErrorService } from '../../../core/errors/error.service';
import { controlError } from '../../../core/errors/form-errors';
import { toProblem } from '../../../core/http/problem';
import { ROLE_LABELS, InvitationDto } from '../../api/saas.models';
import { TeamApi } from '../../api/team.api';
import { explainTeamRefusal } from './team-refusals';

export interface InviteData {
  roles: string[];
}

/** Invite by email with a role; once sent, shows the link the API answered with, to copy and pass on. */
@Component({
  selector: 'app-invite-dialog',
  imports: [ClipboardModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (sent(); as invitation) {
      <h2 mat-dialog-title>Invitation sent</h2>
      <mat-dialog-content class="content">
        <p>We emailed {{ invitation.email }} a link to join as {{ label(invitation.role) }}. It works once, for 7 days. You can also pass it on yourself:</p>
        <mat-form-field>
          <mat-label>Invitation link</mat-label>
          <input matInput readonly [value]="invitation.acceptUrl" (focus)="$any($event.target).select()" />
        </mat-form-field>
        <button mat-stroked-button type="button" [cdkCopyToClipboard]="invitation.acceptUrl ?? ''" (cdkCopyToClipboardCopied)="copied.set($event)">
          <mat-icon>content_copy</mat-icon>{{ copied() ? 'Copied' : 'Copy link' }}
        </button>
        <span class="visually-hidden" role="status">{{ copied() ? 'The link is copied.' : '' }}</span>
      </mat-dialog-content>
      <mat-dialog-actions align="end"><button mat-flat-button type="button" [mat-dialog-close]="invitation">Done</button></mat-dialog-actions>
    } @else {
      <h2 mat-dialog-title>Invite a member</h2>
      <form [formGroup]="form" (ngSubmit)="send()" novalidate>
        <mat-dialog-content class="content">
          @if (refusal()) { <div class="form-alert" role="alert"><mat-icon aria-hidden="true">block</mat-icon><span>{{ refusal() }}</span></div> }
          <mat-form-field>
            <mat-label>Email</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="off" cdkFocusInitial />
            <mat-error>{{ errorOf(form.controls.email) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Role</mat-label>
            <mat-select formControlName="role">
              @for (role of data.roles; track role) { <mat-option [value]="role">{{ label(role) }}</mat-option> }
            </mat-select>
            <mat-error>{{ errorOf(form.controls.role) }}</mat-error>
          </mat-form-field>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>Cancel</button>
          <button mat-flat-button type="submit" [disabled]="busy()">Send invitation</button>
        </mat-dialog-actions>
      </form>
    }
  `,
  styles: `
    .content { display: flex; flex-direction: column; gap: 8px; min-width: min(440px, 80vw); }
    .content p { margin: 0 0 8px; max-width: 56ch; }
    mat-form-field { width: 100%; }
  `,
})
export class InviteDialog {
  protected readonly data = inject<InviteData>(MAT_DIALOG_DATA);
  private readonly api = inject(TeamApi);
  private readonly errors = inject(ErrorService);
  protected readonly errorOf = controlError;
  protected readonly busy = signal(false);
  protected readonly sent = signal<InvitationDto | null>(null);
  protected readonly copied = signal(false);
  protected readonly refusal = signal<string | null>(null);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(256)]],
    role: [this.data.roles.includes('Technician') ? 'Technician' : (this.data.roles[0] ?? ''), Validators.required],
  });

  protected label(role: string): string {
    return ROLE_LABELS[role] ?? role;
  }

  protected async send(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.refusal.set(null);
    const { email, role } = this.form.getRawValue();
    try {
      this.sent.set(await firstValueFrom(this.api.invite(email.trim(), role)));
    } catch (error) {
      const problem = toProblem(error);
      if (problem.code === 'Saas:Role.NotGrantable') this.refusal.set(explainTeamRefusal(problem));
      else this.errors.handle(error, { form: this.form });
    } finally {
      this.busy.set(false);
    }
  }
}
