import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router, RouterOutlet } from '@angular/router';
import { AppConfigService } from './core/config/app-config.service';
import { ConfigFailed } from './core/pages/config-failed';

/** The root: the routed page, or the retry screen while the app configuration cannot be loaded. */
@Component({
  selector: 'app-root',
  imports: [ConfigFailed, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (config.status() === 'failed') {
      <app-config-failed (loaded)="resume()" />
    } @else {
      <router-outlet />
    }
  `,
})
export class App {
  protected readonly config = inject(AppConfigService);
  private readonly router = inject(Router);
  private readonly startUrl = window.location.pathname + window.location.search;

  /** Configuration loaded after a failure: go where the person was going. */
  protected resume(): void {
    void this.router.navigateByUrl(this.startUrl, { onSameUrlNavigation: 'reload' });
  }
}
