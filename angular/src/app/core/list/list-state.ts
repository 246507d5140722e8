import { HttpParams } from '@angular/common/http';
import { DestroyRef, Signal, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { PageEvent } from '@angular/material/paginator';
import { Sort, SortDirection } from '@angular/material/sort';
import { ActivatedRoute, Params, Router } from '@angular/router';
import { Observable, catchError, of, switchMap, tap } from 'rxjs';
import { ErrorService } from '../errors/error.service';
import { Paged } from './paged';

export type Filters = Record<string, string>;

export interface ListDefaults<F extends Filters> {
  /** The API's default sort for this list, e.g. `name` or `workDate desc`. */
  sort: string;
  take?: number;
  /** Every filter the list has, with its default value ('' = no filter). */
  filters: F;
}

export interface ListQuery<F extends Filters> {
  skip: number;
  take: number;
  sort: string;
  filters: F;
}

export const PAGE_SIZES = [10, 25, 50, 100];

/** Reads a list's state from the URL's query parameters; anything missing or invalid takes its default. */
export function readListQuery<F extends Filters>(params: Params, defaults: ListDefaults<F>): ListQuery<F> {
  const take = Number(params['take']);
  const skip = Number(params['skip']);
  const filters = { ...defaults.filters };
  for (const key of Object.keys(defaults.filters) as (keyof F & string)[]) {
    const value = params[key];
    if (typeof value === 'string') filters[key] = value as F[typeof key];
  }
  const validTake = Number.isInteger(take) && take > 0 && take <= 1000 ? take : (defaults.take ?? 25);
  return {
    take: validTake,
    skip: Number.isInteger(skip) && skip > 0 ? skip : 0,
    sort: typeof params['sort'] === 'string' && params['sort'] ? params['sort'] : defaults.sort,
    filters,
  };
}

/** The query parameters of a state: defaults are left out, so URLs stay short and shareable. */
export function toQueryParams<F extends Filters>(query: ListQuery<F>, defaults: ListDefaults<F>): Params {
  const params: Params = {};
  for (const [key, value] of Object.entries(query.filters)) {
    params[key] = value !== defaults.filters[key] ? value : null;
  }
  params['sort'] = query.sort !== defaults.sort ? query.sort : null;
  params['skip'] = query.skip > 0 ? query.skip : null;
  params['take'] = query.take !== (defaults.take ?? 25) ? query.take : null;
  return params;
}

/** The API call's parameters: `?skip=&take=&sort=` and every non-empty filter. */
export function toHttpParams<F extends Filters>(query: ListQuery<F>): HttpParams {
  let params = new HttpParams().set('skip', query.skip).set('take', query.take).set('sort', query.sort);
  for (const [key, value] of Object.entries(query.filters)) {
    if (value !== '') params = params.set(key, value);
  }
  return params;
}

/** `name desc` → MatSort's `{ active: 'name', direction: 'desc' }` (the first key only). */
export function toMatSort(sort: string): { active: string; direction: SortDirection } {
  const [active = '', direction = 'asc'] = sort.split(',')[0].trim().split(/\s+/);
  return { active, direction: direction.toLowerCase() === 'desc' ? 'desc' : 'asc' };
}

/**
 * A list's filters, paging and sorting kept in the URL (reload and share keep them), as signals.
 * Create it in a component's field initializer: `readonly list = injectListState({ sort: 'name', filters: { search: '' } })`.
 */
export class ListState<F extends Filters> {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly params = toSignal(this.route.queryParams, { initialValue: this.route.snapshot.queryParams });

  readonly query: Signal<ListQuery<F>> = computed(() => readListQuery(this.params(), this.defaults), { equal: sameQuery });
  readonly filters = computed(() => this.query().filters);
  readonly pageIndex = computed(() => Math.floor(this.query().skip / this.query().take));
  readonly sort = computed(() => toMatSort(this.query().sort));
  readonly httpParams = computed(() => toHttpParams(this.query()));
  readonly pageSizes = PAGE_SIZES;

  constructor(readonly defaults: ListDefaults<F>) {}

  /** Changes filters (back to the first page); typed filters replace the history entry instead of adding one. */
  setFilters(patch: Partial<F>): void {
    const current = this.query();
    this.navigate({ ...current, skip: 0, filters: { ...current.filters, ...patch } }, true);
  }

  resetFilters(): void {
    this.navigate({ ...this.query(), skip: 0, filters: { ...this.defaults.filters } }, true);
  }

  /** For `<mat-paginator (page)="list.page($event)">`. */
  page(event: PageEvent): void {
    this.navigate({ ...this.query(), skip: event.pageIndex * event.pageSize, take: event.pageSize }, false);
  }

  /** For `<table matSort (matSortChange)="list.sortBy($event)">`; no direction returns to the list's default. */
  sortBy(event: Sort): void {
    const sort = event.direction ? `${event.active}${event.direction === 'desc' ? ' desc' : ''}` : this.defaults.sort;
    this.navigate({ ...this.query(), skip: 0, sort }, false);
  }

  hasFilters(): boolean {
    return Object.entries(this.query().filters).some(([key, value]) => value !== this.defaults.filters[key]);
  }

  private navigate(query: ListQuery<F>, replaceUrl: boolean): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: toQueryParams(query, this.defaults), queryParamsHandling: 'merge', replaceUrl });
  }
}

export function injectListState<F extends Filters>(defaults: ListDefaults<F>): ListState<F> {
  return new ListState(defaults);
}

function sameQuery<F extends Filters>(a: ListQuery<F>, b: ListQuery<F>): boolean {
  return a.skip === b.skip && a.take === b.take && a.sort === b.sort && JSON.stringify(a.filters) === JSON.stringify(b.filters);
}

/**
 * Loads a page whenever the list's state changes (the newest request wins) and exposes items, totalCount,
 * loading and failed as signals. Errors go to the ErrorService; the list then shows its failure state with Retry.
 */
export function injectPagedList<T, F extends Filters>(state: ListState<F>, load: (params: HttpParams, query: ListQuery<F>) => Observable<Paged<T>>) {
  const errors = inject(ErrorService);
  const items = signal<T[]>([]);
  const totalCount = signal(0);
  const loading = signal(true);
  const failed = signal(false);
  const version = signal(0);
  const request = computed(() => ({ query: state.query(), params: state.httpParams(), version: version() }));

  toObservable(request)
    .pipe(
      tap(() => loading.set(true)),
      switchMap(({ query, params }) =>
        load(params, query).pipe(
          catchError((error: unknown) => {
            errors.handle(error);
            failed.set(true);
            return of(null);
          }),
        ),
      ),
      takeUntilDestroyed(inject(DestroyRef)),
    )
    .subscribe((page) => {
      if (page) {
        items.set(page.items);
        totalCount.set(page.totalCount);
        failed.set(false);
      }
      loading.set(false);
    });

  return {
    items: items.asReadonly(),
    totalCount: totalCount.asReadonly(),
    loading: loading.asReadonly(),
    failed: failed.asReadonly(),
    reload: () => version.update((v) => v + 1),
  };
}
