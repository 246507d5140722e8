import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AppConfig } from '../config/app-config.models';
import { AppConfigService } from '../config/app-config.service';
import { ErrorService } from '../errors/error.service';

/** Mirrors Regentra.Saas.Contracts.Account.LoginRequest. */
export interface LoginRequest {
  organization: string;
  email: string;
  password: string;
  rememberMe: boolean;
}

/** Cookie sign-in and sign-out (POST /api/account/login, /logout); keeps AppConfigService in step. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly config = inject(AppConfigService);
  private readonly router = inject(Router);
  private readonly errors = inject(ErrorService);

  /** Signs in; the answer is the new identity's configuration (and a fresh XSRF cookie bound to it). */
  async signIn(request: LoginRequest): Promise<AppConfig> {
    const config = await firstValueFrom(this.http.post<AppConfig>('/api/account/login', request));
    this.config.use(config);
    return config;
  }

  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>('/api/account/logout', null));
    } catch (error) {
      this.errors.handle(error);
      return;
    }
    this.config.clear();
    await this.config.load(); // the anonymous configuration, with an XSRF cookie for the next sign-in
    await this.router.navigate(['/sign-in'], { queryParams: { signedOut: 1 } });
  }
}
