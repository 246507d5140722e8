import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { CheckoutResponse, PublicInvoiceDto } from './pay.models';

/** /api/public/invoices/{token}: the pay link's API, anonymous (the token is all the client has). */
@Injectable({ providedIn: 'root' })
export class PayApi {
  private readonly http = inject(HttpClient);

  get(token: string): Observable<PublicInvoiceDto> {
    return this.http.get<PublicInvoiceDto>(`/api/public/invoices/${encodeURIComponent(token)}`);
  }

  /** A Stripe Checkout page for what is due now (the same one while it is open). */
  checkout(token: string): Observable<CheckoutResponse> {
    return this.http.post<CheckoutResponse>(`/api/public/invoices/${encodeURIComponent(token)}/checkout`, null);
  }

  pdfUrl(token: string): string {
    return `/api/public/invoices/${encodeURIComponent(token)}/pdf`;
  }
}
