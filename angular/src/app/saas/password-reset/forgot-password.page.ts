import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { ErrorService } from '../../core/errors/error.service';
import { controlError } from '../../core/errors/form-errors';
import { AccountApi } from '../account/account.api';

/** Step 1 of a password reset: ask for the emailed link. The answer never tells whether the account exists. */
@Component({
  selector: 'app-forgot-password-page',
  imports: [MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule, MatInputModule, ReactiveFormsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="auth-page">
      <div class="brand"><img src="favicon.svg" alt="" /> Regentra</div>
      <mat-card appearance="outlined" class="auth-card">
        <mat-card-header>
          <mat-card-title><h1 class="card-title">Reset your password</h1></mat-card-title>
          <mat-card-subtitle>We'll email you a link to choose a new one</mat-card-subtitle>
        </mat-card-header>
        <mat-card-content>
          @if (sentTo(); as email) {
            <div class="form-alert info" role="status">
              <mat-icon aria-hidden="true">mark_email_read</mat-icon>
              <span>If {{ email }} has an account in this organisation, a reset link is on its way. It works once, within an hour.
                No email? Check the spelling and your spam folder, then ask again.</span>
            </div>
          }
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="form-grid">
            <mat-form-field>
              <mat-label>Organisation</mat-label>
              <input matInput formControlName="organization" autocomplete="organization" autocapitalize="none" spellcheck="false" />
              <mat-hint>Leave empty only if you are a host operator</mat-hint>
              <mat-error>{{ errorOf(form.controls.organization) }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>Email</mat-label>
              <input matInput type="email" formControlName="email" autocomplete="username" />
              <mat-error>{{ errorOf(form.controls.email) }}</mat-error>
            </mat-form-field>
            <div class="form-actions">
              <button mat-flat-button type="submit" [disabled]="busy()">{{ busy() ? 'Sending…' : sentTo() ? 'Send again' : 'Email me a link' }}</button>
              <a mat-button routerLink="/sign-in">Back to sign-in</a>
            </div>
          </form>
        </mat-card-content>
      </mat-card>
    </main>
  `,
})
export class ForgotPasswordPage {
  private readonly api = inject(AccountApi);
  private readonly errors = inject(ErrorService);
  private readonly query = inject(ActivatedRoute).snapshot.queryParamMap;

  protected readonly busy = signal(false);
  protected readonly sentTo = signal<string | null>(null);
  protected readonly errorOf = controlError;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    organization: [this.query.get('organization') ?? '', Validators.maxLength(40)],
    email: [this.query.get('email') ?? '', [Validators.required, Validators.email]],
  });

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    const value = this.form.getRawValue();
    try {
      await firstValueFrom(this.api.forgotPassword({ organization: value.organization.trim(), email: value.email.trim() }));
      this.sentTo.set(value.email.trim());
    } catch (error) {
      this.errors.handle(error, { form: this.form });
    } finally {
      this.busy.set(false);
    }
  }
}
