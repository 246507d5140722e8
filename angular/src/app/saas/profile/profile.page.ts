import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { RouterLink } from '@angular/router';
import { AppConfigService } from '../../core/config/app-config.service';
import { PageHeader } from '../../core/ui/page-header';

/** The signed-in person: who they are, where, in which role, and how to change their password. */
@Component({
  selector: 'app-profile-page',
  imports: [MatButtonModule, MatCardModule, MatChipsModule, PageHeader, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <app-page-header title="Profile" subtitle="Your account in this organisation" />
      <mat-card appearance="outlined" class="profile">
        <mat-card-content>
          <dl>
            <dt>Name</dt><dd>{{ user()?.name }}</dd>
            <dt>Email</dt><dd>{{ user()?.email }}</dd>
            @if (tenant(); as t) {
              <dt>Organisation</dt><dd>{{ t.name }} <span class="muted">(sign in with “{{ t.slug }}”)</span></dd>
            } @else {
              <dt>Organisation</dt><dd>None: a host operator <span class="muted">(sign in with an empty organisation)</span></dd>
            }
            <dt>Role</dt>
            <dd>
              <mat-chip-set aria-label="Roles">
                @for (role of user()?.roles ?? []; track role) { <mat-chip>{{ role }}</mat-chip> }
              </mat-chip-set>
            </dd>
            <dt>Time zone</dt><dd>{{ settings()?.timeZone }}</dd>
          </dl>
          <p class="muted">Your name, email and role are managed by your organisation's administrators.</p>
        </mat-card-content>
        <mat-card-actions>
          <a mat-stroked-button routerLink="/forgot-password" [queryParams]="{ organization: tenant()?.slug, email: user()?.email }">Change password by email</a>
        </mat-card-actions>
      </mat-card>
    </div>
  `,
  styles: `
    .profile { max-width: 640px; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 12px 24px; margin: 8px 0 16px; align-items: center; }
    dt { color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; }
    @media (max-width: 599.98px) { dl { grid-template-columns: 1fr; gap: 2px; } dd { margin-bottom: 10px; } }
  `,
})
export class ProfilePage {
  private readonly config = inject(AppConfigService);
  protected readonly user = this.config.user;
  protected readonly tenant = this.config.tenant;
  protected readonly settings = this.config.settings;
}
