import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { StatusChip } from './invoice-status';

/** A small coloured label: `<app-status-chip [chip]="invoiceStatusChip(invoice.status)" />`. */
@Component({
  selector: 'app-status-chip',
  imports: [MatIconModule, MatTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span [class]="'chip tone-' + chip().tone" [matTooltip]="chip().description">
      <mat-icon aria-hidden="true">{{ chip().icon }}</mat-icon><span>{{ chip().label }}</span>
    </span>
  `,
  styles: `
    :host { display: inline-flex; }
    .chip { display: inline-flex; align-items: center; gap: 4px; padding: 2px 10px 2px 6px; border-radius: 999px; font: var(--mat-sys-label-medium); white-space: nowrap; line-height: 20px; }
    mat-icon { width: 16px; height: 16px; font-size: 16px; }
    .tone-neutral { background: var(--mat-sys-surface-container-high); color: var(--mat-sys-on-surface); }
    .tone-info { background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container); }
    .tone-warning { background: #fff0c2; color: #5c4300; }
    .tone-success { background: #d3f5dc; color: #0d5224; }
    .tone-error { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    .tone-muted { background: var(--mat-sys-surface-container); color: var(--mat-sys-on-surface-variant); text-decoration: line-through; }
  `,
})
export class StatusChipComponent {
  readonly chip = input.required<StatusChip>();
}
