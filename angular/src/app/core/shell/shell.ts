import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { AppConfigService } from '../config/app-config.service';
import { NAVIGATION, visibleNavigation } from './navigation';

/** The signed-in frame: toolbar (organisation, user menu), side navigation by permission, and the page. */
@Component({
  selector: 'app-shell',
  imports: [
    MatButtonModule, MatDividerModule, MatIconModule, MatListModule, MatMenuModule, MatSidenavModule, MatToolbarModule,
    RouterLink, RouterLinkActive, RouterOutlet,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  private readonly config = inject(AppConfigService);
  private readonly auth = inject(AuthService);
  private readonly sidenav = viewChild.required(MatSidenav);

  protected readonly user = this.config.user;
  protected readonly tenant = this.config.tenant;
  protected readonly handset = toSignal(
    inject(BreakpointObserver).observe('(max-width: 839.98px)').pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly navigation = computed(() => {
    this.config.permissions(); // follow reloads
    return visibleNavigation(NAVIGATION, (expression) => this.config.isGranted(expression), this.tenant() ? 'tenant' : 'host');
  });
  protected readonly initials = computed(() =>
    (this.user()?.name ?? '?').split(/\s+/).filter(Boolean).slice(0, 2).map((part) => part[0]!.toUpperCase()).join(''),
  );

  constructor() {
    // On a phone the menu closes once a page is chosen.
    inject(Router).events.pipe(filter((event) => event instanceof NavigationEnd)).subscribe(() => {
      if (this.handset()) void this.sidenav().close();
    });
  }

  protected signOut(): void {
    void this.auth.signOut();
  }
}
