import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { ErrorService } from '../../core/errors/error.service';
import { controlError } from '../../core/errors/form-errors';
import { toProblem } from '../../core/http/problem';
import { AccountApi } from '../account/account.api';
import { PasswordChecklist } from '../account/password-checklist';

/** Step 2: /reset-password?organization=…&email=…&token=… from the email; sets the new password. */
@Component({
  selector: 'app-reset-password-page',
  imports: [MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule, MatInputModule, PasswordChecklist, ReactiveFormsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="auth-page">
      <div class="brand"><img src="favicon.svg" alt="" /> Regentra</div>
      <mat-card appearance="outlined" class="auth-card">
        <mat-card-header>
          <mat-card-title><h1 class="card-title">Choose a new password</h1></mat-card-title>
          <mat-card-subtitle>{{ email }}{{ organization ? ' · ' + organization : '' }}</mat-card-subtitle>
        </mat-card-header>
        <mat-card-content>
          @if (failure(); as message) {
            <div class="form-alert" role="alert">
              <mat-icon aria-hidden="true">error</mat-icon>
              <span>{{ message }} <a routerLink="/forgot-password" [queryParams]="{ organization: organization || null, email: email || null }">Ask for a new link</a></span>
            </div>
          }
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="form-grid">
            <mat-form-field>
              <mat-label>New password</mat-label>
              <input matInput [type]="hidePassword() ? 'password' : 'text'" formControlName="newPassword" autocomplete="new-password" aria-describedby="reset-password-rules" />
              <button mat-icon-button matSuffix type="button" (click)="hidePassword.set(!hidePassword())"
                      [attr.aria-label]="hidePassword() ? 'Show password' : 'Hide password'" [attr.aria-pressed]="!hidePassword()">
                <mat-icon>{{ hidePassword() ? 'visibility' : 'visibility_off' }}</mat-icon>
              </button>
              <mat-error>{{ errorOf(form.controls.newPassword) }}</mat-error>
            </mat-form-field>
            <app-password-checklist [password]="password()" listId="reset-password-rules" />
            <div class="form-actions">
              <button mat-flat-button type="submit" [disabled]="busy() || !token">{{ busy() ? 'Saving…' : 'Set new password' }}</button>
              <a mat-button routerLink="/sign-in">Back to sign-in</a>
            </div>
          </form>
        </mat-card-content>
      </mat-card>
    </main>
  `,
})
export class ResetPasswordPage {
  private readonly api = inject(AccountApi);
  private readonly errors = inject(ErrorService);
  private readonly router = inject(Router);
  private readonly query = inject(ActivatedRoute).snapshot.queryParamMap;

  protected readonly organization = this.query.get('organization') ?? '';
  protected readonly email = this.query.get('email') ?? '';
  protected readonly token = this.query.get('token') ?? '';
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(this.token && this.email ? null : 'This link is incomplete. Open it from the email again.');
  protected readonly hidePassword = signal(true);
  protected readonly errorOf = controlError;
  protected readonly form = inject(FormBuilder).nonNullable.group({ newPassword: ['', Validators.required] });
  protected readonly password = toSignal(this.form.controls.newPassword.valueChanges, { initialValue: '' });

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.failure.set(null);
    try {
      await firstValueFrom(this.api.resetPassword({ organization: this.organization, email: this.email, token: this.token, ...this.form.getRawValue() }));
      await this.router.navigate(['/sign-in'], { queryParams: { organization: this.organization || null, email: this.email, reset: 1 } });
    } catch (error) {
      const problem = toProblem(error);
      if (problem.code === 'Saas:PasswordReset.InvalidToken') {
        this.failure.set(problem.detail ?? 'This link is not valid any more.');
      } else {
        this.errors.handle(error, { form: this.form });
      }
    } finally {
      this.busy.set(false);
    }
  }
}
