import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** The title row of a page: `<app-page-header title="Clients" subtitle="…"><button …>New client</button></app-page-header>`. */
@Component({
  selector: 'app-page-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="titles">
        <h1>{{ title() }}</h1>
        @if (subtitle()) {
          <p class="subtitle">{{ subtitle() }}</p>
        }
      </div>
      <div class="actions"><ng-content /></div>
    </header>
  `,
  styles: `
    .page-header { display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between; gap: 12px 24px; margin-bottom: 24px; }
    h1 { margin: 0; font: var(--mat-sys-headline-medium); color: var(--mat-sys-on-surface); }
    .subtitle { margin: 4px 0 0; color: var(--mat-sys-on-surface-variant); }
    .actions { display: flex; gap: 8px; flex-wrap: wrap; }
    .actions:empty { display: none; }
    @media (max-width: 599.98px) { h1 { font: var(--mat-sys-headline-small); } }
  `,
})
export class PageHeader {
  readonly title = input.required<string>();
  readonly subtitle = input<string>();
}
