import { DestroyRef, Signal, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { Observable, catchError, of, switchMap, tap } from 'rxjs';
import { ErrorService } from '../../core/errors/error.service';

/**
 * Loads a report whenever its request (period, grouping, …) changes or Retry is pressed; the newest request wins.
 * Errors are shown by the ErrorService and leave `failed` set for the report's Retry.
 */
export function injectReport<R, T>(request: Signal<R>, load: (request: R) => Observable<T>) {
  const errors = inject(ErrorService);
  const value = signal<T | undefined>(undefined);
  const loading = signal(true);
  const failed = signal(false);
  const version = signal(0);
  const trigger = computed(() => ({ request: request(), version: version() }));

  toObservable(trigger)
    .pipe(
      tap(() => loading.set(true)),
      switchMap(({ request: r }) =>
        load(r).pipe(
          tap((result) => {
            value.set(result);
            failed.set(false);
          }),
          catchError((error: unknown) => {
            errors.handle(error);
            failed.set(true);
            return of(undefined);
          }),
        ),
      ),
      takeUntilDestroyed(inject(DestroyRef)),
    )
    .subscribe(() => loading.set(false));

  return { value: value.asReadonly(), loading: loading.asReadonly(), failed: failed.asReadonly(), retry: () => version.update((n) => n + 1) };
}
