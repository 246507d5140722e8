import { Injectable, inject } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Problem, toProblem } from '../http/problem';
import { applyServerErrors } from './form-errors';

export interface ErrorOptions {
  /** The form whose fields the API's `errors` belong to. */
  form?: AbstractControl;
  /** API field path → control path, where they differ. */
  aliases?: Record<string, string>;
  /** What "Reload" does after a 409 Concurrency (default: reload the page). */
  reload?: () => void;
}

/**
 * The one place API errors reach the person: field errors beside their fields, a stale save as "Someone else saved
 * this first" with Reload, everything else in a snackbar ending with the stable code support can search for.
 * Never silent. A 401 (and a suspended organisation's 403) is left to the interceptor, which is already on its way to sign-in.
 */
@Injectable({ providedIn: 'root' })
export class ErrorService {
  private readonly snackBar = inject(MatSnackBar);

  /** Shows the error; returns the problem so callers can branch on `code`. */
  handle(error: unknown, options: ErrorOptions = {}): Problem {
    const problem = toProblem(error);
    if (problem.status === 401 && problem.code !== 'Saas:Account.InvalidCredentials') return problem;
    if (problem.code === 'Tenancy:TenantSuspended' && problem.status === 403) return problem; // the interceptor is taking the person to sign-in, saying why

    if (problem.code === 'Concurrency') {
      const ref = this.snackBar.open('Someone else saved this first. Reload to see their changes, then make yours again.', 'Reload', {
        duration: 15000,
        politeness: 'assertive',
      });
      ref.onAction().subscribe(() => (options.reload ?? (() => window.location.reload()))());
      return problem;
    }

    const fieldCount = Object.keys(problem.errors ?? {}).length;
    const unmatched = options.form
      ? applyServerErrors(options.form, problem.errors, options.aliases)
      : Object.values(problem.errors ?? {}).map((messages) => messages.join(' '));
    if (options.form && fieldCount > 0 && unmatched.length === 0) return problem; // every message is beside its field

    // Validation's detail only says "One or more fields are invalid"; the field messages say what is wrong.
    const parts = problem.code === 'Validation' && unmatched.length > 0 ? unmatched : [problem.detail ?? '', ...unmatched.slice(0, 3)];
    this.show(problem, [...new Set(parts.filter((p) => p))].join(' ') || 'Something went wrong.');
    return problem;
  }

  /** A sentence in the snackbar, with the code for support. */
  show(problem: Pick<Problem, 'code'>, message: string): void {
    this.snackBar.open(`${message} (${problem.code})`, 'Dismiss', { duration: 10000, politeness: 'assertive' });
  }

  /** A confirmation that something worked. */
  success(message: string): void {
    this.snackBar.open(message, undefined, { duration: 4000 });
  }
}
