import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/**
 * What a list or panel shows when there is nothing in it: what that means and what to do next.
 * Put the next step's button inside: `<app-empty-state icon="group" title="No clients yet" text="…"><button …/></app-empty-state>`.
 */
@Component({
  selector: 'app-empty-state',
  imports: [MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="empty" [attr.aria-label]="title()">
      <mat-icon aria-hidden="true">{{ icon() }}</mat-icon>
      <h2>{{ title() }}</h2>
      @if (text()) {
        <p>{{ text() }}</p>
      }
      <div class="actions"><ng-content /></div>
    </section>
  `,
  styles: `
    .empty { display: flex; flex-direction: column; align-items: center; text-align: center; padding: 16px 16px 8px; color: var(--mat-sys-on-surface-variant); }
    mat-icon { width: 40px; height: 40px; font-size: 40px; color: var(--mat-sys-outline); }
    h2 { margin: 12px 0 4px; font: var(--mat-sys-title-medium); color: var(--mat-sys-on-surface); }
    p { margin: 0; max-width: 44ch; }
    .actions { margin-top: 16px; display: flex; gap: 8px; flex-wrap: wrap; justify-content: center; }
    .actions:empty { display: none; }
  `,
})
export class EmptyState {
  readonly icon = input('inbox');
  readonly title = input.required<string>();
  readonly text = input<string>();
}
