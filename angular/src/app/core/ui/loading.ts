import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';

/** A thin progress bar with a label screen readers announce: `<app-loading label="Loading clients" />`. */
@Component({
  selector: 'app-loading',
  imports: [MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="loading" role="status">
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="label()" />
      <span class="label">{{ label() }}…</span>
    </div>
  `,
  styles: `
    .loading { padding: 16px 0; }
    .label { display: block; margin-top: 8px; color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
  `,
})
export class Loading {
  readonly label = input('Loading');
}
