import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { TimeEntryDto } from './psa.models';

/** Mirrors Regentra.Psa.Contracts.TimeEntries.TimesheetRowRequest: no id = a new entry; with id (and stamp) = a change. */
export interface TimesheetRowRequest {
  id: string | null;
  concurrencyStamp: string | null;
  ticketId: string | null;
  clientId: string | null;
  workDate: string;
  durationMinutes: number;
  description: string;
  billable: boolean;
  submit: boolean;
}

export interface TimesheetDeleteRequest {
  id: string;
  concurrencyStamp: string;
}

export interface SaveTimesheetRequest {
  entries: TimesheetRowRequest[];
  deletes: TimesheetDeleteRequest[];
}

export interface SaveTimesheetResponse {
  entries: TimeEntryDto[];
  deletedIds: string[];
}

/** POST /api/psa/time-entries/timesheet: a week's new, changed and cleared cells, all saved or none. */
@Injectable({ providedIn: 'root' })
export class TimesheetApi {
  private readonly http = inject(HttpClient);

  /** Errors name their row: `entries[3].durationMinutes`, `deletes[0].id`. */
  save(request: SaveTimesheetRequest): Observable<SaveTimesheetResponse> {
    return this.http.post<SaveTimesheetResponse>('/api/psa/time-entries/timesheet', request);
  }
}
