import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { evaluatePermission } from '../permissions/permission-expression';
import { ANONYMOUS, AppConfig } from './app-config.models';

export type AppConfigStatus = 'loading' | 'ready' | 'failed';

/**
 * Who is signed in, for which organisation, what they may do and the organisation's settings: one
 * GET /api/app-config before the first route (see app.config.ts), again after sign-in, sign-out and role changes.
 * Everything that depends on it (menus, guards, the permission directive) reads these signals and follows reloads.
 */
@Injectable({ providedIn: 'root' })
export class AppConfigService {
  private readonly http = inject(HttpClient);
  private readonly state = signal<AppConfig>(ANONYMOUS);

  readonly status = signal<AppConfigStatus>('loading');
  readonly config = this.state.asReadonly();
  readonly user = computed(() => this.state().currentUser);
  readonly tenant = computed(() => this.state().currentTenant);
  readonly settings = computed(() => this.state().settings);
  readonly isAuthenticated = computed(() => this.state().currentUser !== null);
  readonly permissions = computed(() => new Set(this.state().grantedPermissions));

  /** Loads the configuration; never throws: a failure shows the retry screen (status 'failed'). */
  async load(): Promise<boolean> {
    this.status.set('loading');
    try {
      this.state.set(await firstValueFrom(this.http.get<AppConfig>('/api/app-config')));
      this.status.set('ready');
      return true;
    } catch {
      this.status.set('failed');
      return false;
    }
  }

  /** Takes the configuration the sign-in call answered with, saving a round trip. */
  use(config: AppConfig): void {
    this.state.set(config);
    this.status.set('ready');
  }

  /** After a 401 or sign-out: nobody is signed in any more. */
  clear(): void {
    this.state.set(ANONYMOUS);
  }

  /** Whether the permission expression (e.g. `'Psa.Tickets && !Psa.Tickets.Manage'`) holds for the current user. */
  isGranted(expression: string | null | undefined): boolean {
    return evaluatePermission(expression, this.permissions());
  }
}
