import { Directive, TemplateRef, ViewContainerRef, effect, inject, input } from '@angular/core';
import { AppConfigService } from '../config/app-config.service';

/**
 * Shows its element only while the permission expression holds, and follows configuration reloads:
 * `<button *appPermission="'Psa.TimeEntries.Approve'">Approve</button>`,
 * `<a *appPermission="'Saas.Users || Saas.Roles'">Settings</a>`.
 */
@Directive({ selector: '[appPermission]' })
export class PermissionDirective {
  private readonly config = inject(AppConfigService);
  private readonly template = inject(TemplateRef<unknown>);
  private readonly container = inject(ViewContainerRef);
  private shown = false;

  readonly appPermission = input.required<string>();

  constructor() {
    effect(() => {
      const granted = this.config.isGranted(this.appPermission());
      if (granted && !this.shown) {
        this.container.createEmbeddedView(this.template);
      } else if (!granted && this.shown) {
        this.container.clear();
      }
      this.shown = granted;
    });
  }
}
