import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { safeReturnUrl } from '../../core/auth/auth.guard';
import { controlError } from '../../core/errors/form-errors';
import { ErrorService } from '../../core/errors/error.service';
import { toProblem } from '../../core/http/problem';

const LAST_ORGANISATION = 'regentra.lastOrganization';

@Component({
  selector: 'app-sign-in-page',
  imports: [MatButtonModule, MatCardModule, MatCheckboxModule, MatFormFieldModule, MatIconModule, MatInputModule, ReactiveFormsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sign-in.page.html',
})
export class SignInPage {
  private readonly auth = inject(AuthService);
  private readonly errors = inject(ErrorService);
  private readonly router = inject(Router);
  private readonly query = inject(ActivatedRoute).snapshot.queryParamMap;

  protected readonly returnUrl = this.query.get('returnUrl');
  protected readonly notice = this.query.get('signedOut')
    ? 'You have signed out.'
    : this.query.get('suspended')
      ? 'Your organisation has been suspended, so you have been signed out. Contact Regentra support to have it reactivated.'
    : this.query.get('reset')
      ? 'Your password has been changed. Sign in with the new one.'
      : this.returnUrl
        ? 'Sign in to continue to the page you asked for.'
        : null;
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly hidePassword = signal(true);
  protected readonly errorOf = controlError;

  protected readonly form = inject(FormBuilder).nonNullable.group({
    organization: [this.query.get('organization') ?? localStorage.getItem(LAST_ORGANISATION) ?? '', [Validators.maxLength(40)]],
    email: [this.query.get('email') ?? '', [Validators.required, Validators.email]],
    password: ['', Validators.required],
    rememberMe: [false],
  });

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.failure.set(null);
    const value = this.form.getRawValue();
    try {
      await this.auth.signIn({ ...value, organization: value.organization.trim(), email: value.email.trim() });
      localStorage.setItem(LAST_ORGANISATION, value.organization.trim());
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl));
    } catch (error) {
      const problem = toProblem(error);
      if (problem.status === 400 && problem.errors) {
        this.errors.handle(error, { form: this.form });
      } else {
        // Wrong credentials, lockout, a deactivated account, a suspended organisation, too many attempts: the API says which.
        this.failure.set(problem.detail ?? 'Sign-in failed.');
      }
    } finally {
      this.busy.set(false);
    }
  }
}
