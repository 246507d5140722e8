import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { AgreementDto, CurrentAgreementDto, PutAgreementRequest } from './billing.models';

/** /api/billing/clients/{clientId}/agreement(s): a client's service agreement and its history. */
@Injectable({ providedIn: 'root' })
export class AgreementsApi {
  private readonly http = inject(HttpClient);

  current(clientId: string): Observable<CurrentAgreementDto> {
    return this.http.get<CurrentAgreementDto>(`/api/billing/clients/${clientId}/agreement`);
  }

  /** Every agreement of the client, newest first. */
  history(clientId: string): Observable<AgreementDto[]> {
    return this.http.get<AgreementDto[]>(`/api/billing/clients/${clientId}/agreements`);
  }

  /** The same start date edits that agreement; a later start ends the running one the day before; overlaps are refused. */
  put(clientId: string, request: PutAgreementRequest): Observable<AgreementDto> {
    return this.http.put<AgreementDto>(`/api/billing/clients/${clientId}/agreement`, request);
  }
}
