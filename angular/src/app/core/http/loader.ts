import { DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Observable, Subject, catchError, of, switchMap, tap } from 'rxjs';
import { ErrorService } from '../errors/error.service';

/**
 * Loads something for a component when it starts (and on reload()), with loading and failed states as signals.
 * Errors are shown by the ErrorService; the component shows its failure state with a Retry button.
 * For lists with URL state use injectPagedList instead.
 */
export function injectLoader<T>(source: () => Observable<T>) {
  const errors = inject(ErrorService);
  const value = signal<T | undefined>(undefined);
  const loading = signal(true);
  const failed = signal(false);
  const trigger = new Subject<void>();

  trigger
    .pipe(
      tap(() => loading.set(true)),
      switchMap(() =>
        source().pipe(
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
  queueMicrotask(() => trigger.next());

  return { value: value.asReadonly(), loading: loading.asReadonly(), failed: failed.asReadonly(), reload: () => trigger.next() };
}
