import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { ErrorService } from '../../core/errors/error.service';
import { controlError } from '../../core/errors/form-errors';
import { AccountApi } from '../account/account.api';
import { browserCurrency, browserTimeZone, currencies, suggestSlug, timeZones } from '../account/locale-defaults';
import { PasswordChecklist } from '../account/password-checklist';

/** An MSP creates its organisation and admin account, then lands signed in on the dashboard. */
@Component({
  selector: 'app-sign-up-page',
  imports: [
    MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, PasswordChecklist,
    ReactiveFormsModule, RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sign-up.page.html',
})
export class SignUpPage {
  private readonly api = inject(AccountApi);
  private readonly auth = inject(AuthService);
  private readonly errors = inject(ErrorService);
  private readonly router = inject(Router);

  protected readonly timeZones = timeZones();
  protected readonly currencies = currencies();
  protected readonly busy = signal(false);
  protected readonly hidePassword = signal(true);
  protected readonly errorOf = controlError;
  private slugEdited = false;

  // Control names are the API's field names, so its field errors land on them without a mapping.
  protected readonly form = inject(FormBuilder).nonNullable.group({
    organizationName: ['', [Validators.required, Validators.maxLength(100)]],
    slug: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(40), Validators.pattern(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/)]],
    adminName: ['', [Validators.required, Validators.maxLength(128)]],
    adminEmail: ['', [Validators.required, Validators.email]],
    adminPassword: ['', Validators.required],
    timeZone: [browserTimeZone(), Validators.required],
    currency: [browserCurrency(), Validators.required],
  });
  protected readonly password = toSignal(this.form.controls.adminPassword.valueChanges, { initialValue: '' });

  constructor() {
    // The slug follows the organisation's name until the person edits it.
    this.form.controls.organizationName.valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe((name) => {
      if (!this.slugEdited) this.form.controls.slug.setValue(suggestSlug(name));
    });
  }

  protected slugTyped(): void {
    this.slugEdited = this.form.controls.slug.value !== '';
  }

  protected slugMessage(): string {
    const control = this.form.controls.slug;
    if (control.errors?.['pattern']) return 'Use lowercase letters, digits and hyphens, starting and ending with a letter or digit.';
    return controlError(control);
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    const value = this.form.getRawValue();
    try {
      const tenant = await firstValueFrom(this.api.signUp({ ...value, adminEmail: value.adminEmail.trim(), adminName: value.adminName.trim() || null }));
      await this.auth.signIn({ organization: tenant.slug, email: value.adminEmail.trim(), password: value.adminPassword, rememberMe: false });
      localStorage.setItem('regentra.lastOrganization', tenant.slug);
      await this.router.navigate(['/dashboard'], { queryParams: { welcome: 1 } });
    } catch (error) {
      this.errors.handle(error, { form: this.form });
    } finally {
      this.busy.set(false);
    }
  }
}
