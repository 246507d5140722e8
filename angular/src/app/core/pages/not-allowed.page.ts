import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Location } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { AppConfigService } from '../config/app-config.service';

/** Shown by permissionGuard in place of a page the signed-in person may not open (the address bar keeps its URL). */
@Component({
  selector: 'app-not-allowed-page',
  imports: [MatButtonModule, MatCardModule, MatIconModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <mat-card appearance="outlined" class="notice">
        <mat-card-content>
          <mat-icon aria-hidden="true" class="icon">lock</mat-icon>
          <h1>You don't have access to this page</h1>
          <p>
            Your role{{ roles() ? ' (' + roles() + ')' : '' }} in {{ organisation() }} does not include the permission this page needs.
            If you need it for your work, ask an administrator of your organisation to change your role.
          </p>
          <p class="muted">Page: <code>{{ path }}</code></p>
        </mat-card-content>
        <mat-card-actions>
          <a mat-flat-button routerLink="/dashboard">Go to the dashboard</a>
          <button mat-button type="button" (click)="back()">Go back</button>
        </mat-card-actions>
      </mat-card>
    </div>
  `,
  styles: `
    .notice { max-width: 640px; margin: 48px auto; padding: 16px; }
    .icon { width: 40px; height: 40px; font-size: 40px; color: var(--mat-sys-error); }
    h1 { font: var(--mat-sys-headline-small); margin: 8px 0 12px; }
    mat-card-actions { gap: 8px; flex-wrap: wrap; }
  `,
})
export class NotAllowedPage {
  private readonly config = inject(AppConfigService);
  private readonly location = inject(Location);
  protected readonly path = this.location.path() || '/';
  protected readonly roles = () => this.config.user()?.roles.join(', ') ?? '';
  protected readonly organisation = () => this.config.tenant()?.name ?? 'your organisation';

  protected back(): void {
    this.location.back();
  }
}
