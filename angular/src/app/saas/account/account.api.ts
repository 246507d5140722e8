import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

/** Mirrors Regentra.Saas.Contracts.Account.SignupRequest. */
export interface SignupRequest {
  organizationName: string;
  slug: string;
  adminEmail: string;
  adminPassword: string;
  adminName: string | null;
  timeZone: string | null;
  currency: string | null;
}

/** Mirrors Regentra.Saas.Contracts.Tenants.TenantDto. */
export interface TenantDto {
  id: string;
  name: string;
  slug: string;
  isActive: boolean;
  creationTime: string;
  suspendedAt: string | null;
  suspensionReason: string | null;
  userCount: number;
}

/** Mirrors AcceptInvitationRequest / AcceptInvitationResponse. */
export interface AcceptInvitationRequest {
  token: string;
  name: string;
  password: string;
}

export interface AcceptInvitationResponse {
  /** The slug to sign in with. */
  organization: string;
  organizationName: string;
  email: string;
}

/** Mirrors ForgotPasswordRequest / ResetPasswordRequest. */
export interface ForgotPasswordRequest {
  organization: string;
  email: string;
}

export interface ResetPasswordRequest {
  organization: string;
  email: string;
  token: string;
  newPassword: string;
}

/** The anonymous account flows of the Saas module: signup, invitation accept, password reset. */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  signUp(request: SignupRequest): Observable<TenantDto> {
    return this.http.post<TenantDto>('/api/saas/signup', request);
  }

  acceptInvitation(request: AcceptInvitationRequest): Observable<AcceptInvitationResponse> {
    return this.http.post<AcceptInvitationResponse>('/api/saas/invitations/accept', request);
  }

  forgotPassword(request: ForgotPasswordRequest): Observable<void> {
    return this.http.post<void>('/api/account/forgot-password', request);
  }

  resetPassword(request: ResetPasswordRequest): Observable<void> {
    return this.http.post<void>('/api/account/reset-password', request);
  }
}
