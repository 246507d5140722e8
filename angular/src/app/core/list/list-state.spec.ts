import { Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ListState, injectListState, readListQuery, toHttpParams, toMatSort, toQueryParams } from './list-state';

const defaults = { sort: 'name', filters: { search: '', isActive: 'true' } };

describe('list state in the URL', () => {
  it('reads defaults when the URL says nothing, and values when it does', () => {
    expect(readListQuery({}, defaults)).toEqual({ skip: 0, take: 25, sort: 'name', filters: { search: '', isActive: 'true' } });
    expect(readListQuery({ search: 'contoso', isActive: '', skip: '50', take: '50', sort: 'creationTime desc' }, defaults))
      .toEqual({ skip: 50, take: 50, sort: 'creationTime desc', filters: { search: 'contoso', isActive: '' } });
  });

  it('ignores invalid paging and unknown parameters', () => {
    expect(readListQuery({ skip: '-5', take: '5000', other: 'x' }, defaults)).toEqual(readListQuery({}, defaults));
  });

  it('writes only what differs from the defaults', () => {
    const query = { skip: 0, take: 25, sort: 'name', filters: { search: 'contoso', isActive: 'true' } };
    expect(toQueryParams(query, defaults)).toEqual({ search: 'contoso', isActive: null, sort: null, skip: null, take: null });
  });

  it('round-trips through the URL', () => {
    const query = { skip: 100, take: 50, sort: 'creationTime desc', filters: { search: 'a b', isActive: '' } };
    const params = Object.fromEntries(Object.entries(toQueryParams(query, defaults)).filter(([, v]) => v !== null).map(([k, v]) => [k, String(v)]));
    expect(readListQuery(params, defaults)).toEqual(query);
  });

  it('sends skip, take, sort and non-empty filters to the API', () => {
    const params = toHttpParams({ skip: 25, take: 25, sort: 'name desc', filters: { search: '', isActive: 'false' } });
    expect(params.toString()).toBe('skip=25&take=25&sort=name%20desc&isActive=false');
  });

  it('speaks MatSort', () => {
    expect(toMatSort('name desc')).toEqual({ active: 'name', direction: 'desc' });
    expect(toMatSort('workDate, creationTime desc')).toEqual({ active: 'workDate', direction: 'asc' });
  });
});

@Component({ template: '' })
class ListPage {
  readonly list: ListState<{ search: string; isActive: string }> = injectListState(defaults);
  readonly router = inject(Router);
}

describe('ListState', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'clients', component: ListPage }])] }));

  it('reads the URL as signals and writes changes back to it', async () => {
    const harness = await RouterTestingHarness.create('/clients?search=north&skip=50');
    const page = harness.routeDebugElement!.componentInstance as ListPage;
    expect(page.list.filters().search).toBe('north');
    expect(page.list.pageIndex()).toBe(2);

    page.list.setFilters({ search: 'contoso' });
    await harness.fixture.whenStable();
    expect(page.router.url).toBe('/clients?search=contoso');
    expect(page.list.query().skip).toBe(0);

    page.list.sortBy({ active: 'creationTime', direction: 'desc' });
    await harness.fixture.whenStable();
    expect(page.router.url).toBe('/clients?search=contoso&sort=creationTime%20desc');

    page.list.page({ pageIndex: 1, pageSize: 50, length: 200 });
    await harness.fixture.whenStable();
    expect(page.list.query()).toEqual({ skip: 50, take: 50, sort: 'creationTime desc', filters: { search: 'contoso', isActive: 'true' } });
    expect(page.list.httpParams().toString()).toBe('skip=50&take=50&sort=creationTime%20desc&search=contoso&isActive=true');
  });
});
