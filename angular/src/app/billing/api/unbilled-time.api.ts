import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { toParams } from '../../psa/api/time-entries.api';
import { UnbilledReportDto } from './billing.models';

/** PSA's GET /api/psa/reports/unbilled (Psa.Reports): approved billable time not yet on an invoice, per client. */
@Injectable({ providedIn: 'root' })
export class UnbilledTimeApi {
  private readonly http = inject(HttpClient);

  /** Optionally only work dates in [from, to). */
  report(period: { from?: string; to?: string } = {}): Observable<UnbilledReportDto> {
    return this.http.get<UnbilledReportDto>('/api/psa/reports/unbilled', { params: toParams(period) });
  }
}
