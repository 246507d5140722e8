import { HttpErrorResponse } from '@angular/common/http';

/** The API's error body (RFC 9457 problem+json with Regentra's stable `code`; see framework/Errors). */
export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  /** Stable, for support and for branching: `Validation`, `Concurrency`, `Psa:TimeEntry.NotEditable`, … */
  code: string;
  /** Field errors keyed by JSON path: `email`, `entries[3].durationMinutes`, `ids[2]`. */
  errors?: Record<string, string[]>;
}

/** The problem an HTTP error carries, or one made up for network failures and non-API answers. */
export function toProblem(error: unknown): Problem {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<Problem> | null;
    if (body && typeof body === 'object' && typeof body.code === 'string') {
      return { ...body, status: body.status ?? error.status, code: body.code };
    }
    if (error.status === 0) {
      return { status: 0, code: 'Network', detail: 'Regentra cannot be reached. Check your connection and try again.' };
    }
    return { status: error.status, code: `Http${error.status}`, detail: `The server answered ${error.status} ${error.statusText}.` };
  }
  return { status: 0, code: 'Unexpected', detail: error instanceof Error ? error.message : 'Something went wrong.' };
}
