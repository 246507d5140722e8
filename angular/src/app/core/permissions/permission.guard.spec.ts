import { Location } from '@angular/common';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { authGuard } from '../auth/auth.guard';
import { AppConfigService } from '../config/app-config.service';
import { signedIn } from '../testing';
import { permissionGuard } from './permission.guard';

@Component({ template: '<h1>Approvals</h1>' })
class ApprovalsPage {}

@Component({ template: '<h1>Not allowed</h1>' })
class NotAllowedPage {}

@Component({ template: '<h1>Sign in</h1>' })
class SignInPage {}

describe('permissionGuard', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideRouter([
          { path: 'sign-in', component: SignInPage },
          {
            path: '',
            canActivate: [authGuard],
            canActivateChild: [permissionGuard],
            children: [
              { path: 'time/approvals', component: ApprovalsPage, data: { permission: 'Psa.TimeEntries.Approve' } },
              { path: 'not-allowed', component: NotAllowedPage },
            ],
          },
        ]),
      ],
    });
  });

  it('opens the page for someone holding the permission', async () => {
    TestBed.inject(AppConfigService).use(signedIn(['Psa.TimeEntries.Approve']));
    const harness = await RouterTestingHarness.create('/time/approvals');
    expect(harness.routeNativeElement?.textContent).toContain('Approvals');
  });

  it('shows the not-allowed page without changing the address', async () => {
    TestBed.inject(AppConfigService).use(signedIn(['Psa.TimeEntries']));
    const harness = await RouterTestingHarness.create('/time/approvals');
    expect(harness.routeNativeElement?.textContent).toContain('Not allowed');
    expect(TestBed.inject(Location).path()).toBe('/time/approvals');
  });

  it('sends someone signed out to sign-in first, remembering the page', async () => {
    const harness = await RouterTestingHarness.create('/time/approvals');
    expect(harness.routeNativeElement?.textContent).toContain('Sign in');
    expect(TestBed.inject(Router).url).toBe('/sign-in?returnUrl=%2Ftime%2Fapprovals');
  });
});
