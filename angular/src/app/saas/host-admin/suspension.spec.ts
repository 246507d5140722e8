import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { authGuard, homeRedirect, tenantGuard } from '../../core/auth/auth.guard';
import { ANONYMOUS } from '../../core/config/app-config.models';
import { AppConfigService } from '../../core/config/app-config.service';
import { unauthorizedInterceptor } from '../../core/http/unauthorized.interceptor';
import { signedIn } from '../../core/testing';

@Component({ template: '<h1>Page</h1>' })
class Page {}

function setUp(): void {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([unauthorizedInterceptor])),
      provideHttpClientTesting(),
      provideRouter([
        { path: 'sign-in', component: Page },
        {
          path: '',
          canActivate: [authGuard],
          children: [
            { path: '', pathMatch: 'full', redirectTo: homeRedirect },
            { path: 'dashboard', canActivate: [tenantGuard], component: Page },
            { path: 'host/organisations', component: Page },
            { path: 'clients', component: Page },
          ],
        },
      ]),
    ],
  });
}

describe('a suspended organisation', () => {
  beforeEach(setUp);

  it('signs its user out: the configuration is reloaded (now anonymous) and sign-in says why', async () => {
    const config = TestBed.inject(AppConfigService);
    config.use(signedIn(['Psa.Clients']));
    const harness = await RouterTestingHarness.create('/clients');
    const http = TestBed.inject(HttpTestingController);

    TestBed.inject(HttpClient).get('/api/psa/clients').subscribe({ error: () => undefined });
    http.expectOne('/api/psa/clients').flush(
      { status: 403, code: 'Tenancy:TenantSuspended', detail: "The organisation 'Northwind' is suspended." },
      { status: 403, statusText: 'Forbidden' },
    );
    expect(config.isAuthenticated()).toBe(false);
    http.expectOne('/api/app-config').flush(ANONYMOUS);
    await new Promise((resolve) => setTimeout(resolve)); // the configuration's promise, then the navigation
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/sign-in?suspended=1');
    http.verify();
  });

  it('leaves other refusals (403 permission) alone', async () => {
    const config = TestBed.inject(AppConfigService);
    config.use(signedIn([]));
    const http = TestBed.inject(HttpTestingController);
    TestBed.inject(HttpClient).get('/api/psa/clients').subscribe({ error: () => undefined });
    http.expectOne('/api/psa/clients').flush({ status: 403, code: 'Forbidden' }, { status: 403, statusText: 'Forbidden' });
    expect(config.isAuthenticated()).toBe(true);
    http.verify();
  });
});

describe('home for a host operator', () => {
  beforeEach(setUp);

  it('is host administration, also when the dashboard is asked for', async () => {
    const hostOperator = { ...signedIn(['Saas.Tenants']), currentTenant: null, settings: null };
    TestBed.inject(AppConfigService).use(hostOperator);
    const harness = await RouterTestingHarness.create('/');
    expect(TestBed.inject(Router).url).toBe('/host/organisations');
    await harness.navigateByUrl('/dashboard');
    expect(TestBed.inject(Router).url).toBe('/host/organisations');
  });

  it('is the dashboard for an organisation\'s people', async () => {
    TestBed.inject(AppConfigService).use(signedIn([]));
    await RouterTestingHarness.create('/');
    expect(TestBed.inject(Router).url).toBe('/dashboard');
  });
});
