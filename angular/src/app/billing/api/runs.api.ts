import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { Paged } from '../../core/list/paged';
import { toParams } from '../../psa/api/time-entries.api';
import { BillingRunDetailDto, BillingRunDto } from './billing.models';

/** /api/billing/runs: month-end runs with live progress, and starting one by hand for a past month. */
@Injectable({ providedIn: 'root' })
export class RunsApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/billing/runs';

  /** Newest first. */
  list(page: { skip?: number; take?: number } = {}): Observable<Paged<BillingRunDto>> {
    return this.http.get<Paged<BillingRunDto>>(this.base, { params: toParams(page) });
  }

  get(id: string): Observable<BillingRunDetailDto> {
    return this.http.get<BillingRunDetailDto>(`${this.base}/${id}`);
  }

  /** Answers at once (202) with the run, or resumes that month's run if its host stopped; 409 while one is active. */
  start(year: number, month: number): Observable<BillingRunDto> {
    return this.http.post<BillingRunDto>(this.base, { year, month });
  }
}
