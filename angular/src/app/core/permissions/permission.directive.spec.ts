import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { AppConfigService } from '../config/app-config.service';
import { ANONYMOUS } from '../config/app-config.models';
import { signedIn } from '../testing';
import { PermissionDirective } from './permission.directive';

@Component({
  imports: [PermissionDirective],
  template: `
    <button *appPermission="'Psa.TimeEntries.Approve'">Approve</button>
    <a *appPermission="'Saas.Users || Saas.Roles'">Settings</a>
    <span *appPermission="'Psa.Tickets && !Psa.Tickets.Manage'">Read-only tickets</span>
  `,
})
class Host {}

describe('PermissionDirective', () => {
  let config: AppConfigService;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient()] });
    config = TestBed.inject(AppConfigService);
  });

  function render(): string[] {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    return texts(fixture.nativeElement as HTMLElement);
  }

  const texts = (element: HTMLElement) => Array.from(element.querySelectorAll('button, a, span')).map((e) => e.textContent!.trim());

  it('shows only what the permissions allow', () => {
    config.use(signedIn(['Saas.Roles', 'Psa.Tickets']));
    expect(render()).toEqual(['Settings', 'Read-only tickets']);
  });

  it('shows nothing to someone signed out', () => {
    config.use(ANONYMOUS);
    expect(render()).toEqual([]);
  });

  it('follows a configuration reload without re-creating the page', async () => {
    config.use(signedIn(['Psa.Tickets']));
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    expect(texts(fixture.nativeElement)).toEqual(['Read-only tickets']);

    config.use(signedIn(['Psa.Tickets', 'Psa.Tickets.Manage', 'Psa.TimeEntries.Approve']));
    await fixture.whenStable();

    expect(texts(fixture.nativeElement)).toEqual(['Approve']);
  });
});
