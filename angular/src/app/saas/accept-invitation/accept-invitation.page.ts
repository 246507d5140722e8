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
import { AuthService } from '../../core/auth/auth.service';
import { ErrorService } from '../../core/errors/error.service';
import { controlError } from '../../core/errors/form-errors';
import { toProblem } from '../../core/http/problem';
import { AccountApi } from '../account/account.api';
import { PasswordChecklist } from '../account/password-checklist';

/** /accept-invitation?token=… (the link InvitationService emails): choose a name and password, then signed in. */
@Component({
  selector: 'app-accept-invitation-page',
  imports: [MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule, MatInputModule, PasswordChecklist, ReactiveFormsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './accept-invitation.page.html',
})
export class AcceptInvitationPage {
  private readonly api = inject(AccountApi);
  private readonly auth = inject(AuthService);
  private readonly errors = inject(ErrorService);
  private readonly router = inject(Router);

  protected readonly token = inject(ActivatedRoute).snapshot.queryParamMap.get('token') ?? '';
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(this.token ? null : 'This link has no invitation token. Open the link from your invitation email again.');
  protected readonly hidePassword = signal(true);
  protected readonly errorOf = controlError;

  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', [Validators.required, Validators.maxLength(128)]],
    password: ['', Validators.required],
  });
  protected readonly password = toSignal(this.form.controls.password.valueChanges, { initialValue: '' });

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.failure.set(null);
    const { name, password } = this.form.getRawValue();
    try {
      const joined = await firstValueFrom(this.api.acceptInvitation({ token: this.token, name: name.trim(), password }));
      await this.auth.signIn({ organization: joined.organization, email: joined.email, password, rememberMe: false });
      localStorage.setItem('regentra.lastOrganization', joined.organization);
      await this.router.navigate(['/dashboard'], { queryParams: { welcome: 1 } });
    } catch (error) {
      const problem = toProblem(error);
      if (problem.code === 'Validation') {
        this.errors.handle(error, { form: this.form });
      } else {
        // Used, expired, revoked, or the organisation is suspended: the API's sentence says what to do.
        this.failure.set(problem.detail ?? 'The invitation could not be accepted.');
      }
    } finally {
      this.busy.set(false);
    }
  }
}
