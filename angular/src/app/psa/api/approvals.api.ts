import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { ApprovalQueueDto } from './psa.models';

/** GET /api/psa/approvals with a list's own paging and sorting (`?technicianId=&skip=&take=&sort=`). */
@Injectable({ providedIn: 'root' })
export class ApprovalsApi {
  private readonly http = inject(HttpClient);

  queue(params: HttpParams): Observable<ApprovalQueueDto> {
    return this.http.get<ApprovalQueueDto>('/api/psa/approvals', { params });
  }
}
