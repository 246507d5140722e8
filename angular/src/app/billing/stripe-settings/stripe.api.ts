import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { ConnectStripeRequest, DisconnectStripeResponse, StripeConnectionDto } from './stripe.models';

/** /api/billing/stripe: the organisation's Stripe connection (Billing.Stripe.Manage). */
@Injectable({ providedIn: 'root' })
export class StripeApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/billing/stripe';

  get(): Observable<StripeConnectionDto> {
    return this.http.get<StripeConnectionDto>(this.base);
  }

  /** Checks the keys against Stripe and registers the webhook endpoint (or answers with the manual set-up). */
  connect(request: ConnectStripeRequest): Observable<StripeConnectionDto> {
    return this.http.put<StripeConnectionDto>(this.base, request);
  }

  test(): Observable<StripeConnectionDto> {
    return this.http.post<StripeConnectionDto>(`${this.base}/test`, null);
  }

  disconnect(): Observable<DisconnectStripeResponse> {
    return this.http.delete<DisconnectStripeResponse>(this.base);
  }
}
