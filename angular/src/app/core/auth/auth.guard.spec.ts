import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AppConfigService } from '../config/app-config.service';
import { signedIn } from '../testing';
import { anonymousGuard, authGuard, safeReturnUrl } from './auth.guard';

@Component({ template: 'page' })
class Page {}

describe('authGuard', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideRouter([
          { path: 'sign-in', component: Page, canActivate: [anonymousGuard] },
          { path: 'dashboard', component: Page, canActivate: [authGuard] },
          { path: 'clients/:id', component: Page, canActivate: [authGuard] },
        ]),
      ],
    });
  });

  it('sends an anonymous person to sign-in with the page and its query as returnUrl', async () => {
    await RouterTestingHarness.create('/clients/42?tab=time');
    expect(TestBed.inject(Router).url).toBe('/sign-in?returnUrl=%2Fclients%2F42%3Ftab%3Dtime');
  });

  it('lets a signed-in person through', async () => {
    TestBed.inject(AppConfigService).use(signedIn());
    await RouterTestingHarness.create('/clients/42');
    expect(TestBed.inject(Router).url).toBe('/clients/42');
  });

  it('sends a signed-in person away from sign-in to the dashboard', async () => {
    TestBed.inject(AppConfigService).use(signedIn());
    await RouterTestingHarness.create('/sign-in');
    expect(TestBed.inject(Router).url).toBe('/dashboard');
  });
});

describe('safeReturnUrl', () => {
  it('follows paths inside the app only', () => {
    expect(safeReturnUrl('/clients/42?tab=time')).toBe('/clients/42?tab=time');
    expect(safeReturnUrl('https://evil.example')).toBe('/dashboard');
    expect(safeReturnUrl('//evil.example')).toBe('/dashboard');
    expect(safeReturnUrl('/\\evil.example')).toBe('/dashboard');
    expect(safeReturnUrl('/sign-in?returnUrl=x')).toBe('/dashboard');
    expect(safeReturnUrl(null)).toBe('/dashboard');
  });
});
