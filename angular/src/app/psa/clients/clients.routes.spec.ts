import { Route } from '@angular/router';
import { CLIENT_TABS } from './client-tabs';
import { CLIENT_ROUTES } from './clients.routes';

describe('the client page\'s tabs', () => {
  const detail = CLIENT_ROUTES.find((r) => r.path === ':id') as Route;

  it('each get a route at /clients/:id/<tab>, guarded by its permission', () => {
    const children = detail.children!.filter((c) => c.path !== '');
    expect(children.map((c) => c.path)).toEqual(CLIENT_TABS.map((t) => t.path));
    expect(children.map((c) => c.data?.['permission'])).toEqual(CLIENT_TABS.map((t) => t.permission));
  });

  it('open on the first tab', () => {
    expect(detail.children!.find((c) => c.path === '')).toMatchObject({ redirectTo: 'overview', pathMatch: 'full' });
  });
});
