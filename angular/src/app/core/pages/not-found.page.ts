import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Location } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { AppConfigService } from '../config/app-config.service';

@Component({
  selector: 'app-not-found-page',
  imports: [MatButtonModule, MatCardModule, MatIconModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div [class]="signedIn() ? 'page' : 'auth-page'">
      <mat-card appearance="outlined" class="notice">
        <mat-card-content>
          <mat-icon aria-hidden="true" class="icon">travel_explore</mat-icon>
          <h1>Page not found</h1>
          <p>There is no page at <code>{{ path }}</code>. The link may be mistyped or out of date.</p>
        </mat-card-content>
        <mat-card-actions>
          @if (signedIn()) {
            <a mat-flat-button routerLink="/dashboard">Go to the dashboard</a>
          } @else {
            <a mat-flat-button routerLink="/sign-in">Sign in</a>
          }
        </mat-card-actions>
      </mat-card>
    </div>
  `,
  styles: `
    .notice { max-width: 640px; width: 100%; margin: 48px auto; padding: 16px; box-sizing: border-box; }
    .icon { width: 40px; height: 40px; font-size: 40px; color: var(--mat-sys-primary); }
    h1 { font: var(--mat-sys-headline-small); margin: 8px 0 12px; }
  `,
})
export class NotFoundPage {
  protected readonly signedIn = inject(AppConfigService).isAuthenticated;
  protected readonly path = inject(Location).path() || '/';
}
