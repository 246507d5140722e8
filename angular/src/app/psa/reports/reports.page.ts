import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTabsModule } from '@angular/material/tabs';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { AppConfigService } from '../../core/config/app-config.service';
import { PageHeader } from '../../core/ui/page-header';
import { REPORT_TABS } from './report-tabs';
import { ReportQuery } from './report-query';
import { PERIOD_PRESETS, Period, PeriodPreset, periodError } from './period';

/** Reports: the period (in the URL) above a tab per report the person may see, each report in the outlet. */
@Component({
  selector: 'app-reports-page',
  imports: [MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, MatTabsModule, PageHeader, RouterLink, RouterLinkActive, RouterOutlet],
  providers: [ReportQuery],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <app-page-header title="Reports" subtitle="Utilisation, unbilled time, what clients owe, and the accounting export" />

      @if (usesPeriod()) {
        <form class="period" aria-label="Report period" (submit)="$event.preventDefault()">
          <mat-form-field class="preset">
            <mat-label>Period</mat-label>
            <mat-select [value]="query.resolved().preset" (selectionChange)="choosePreset($event.value)">
              @for (preset of presets; track preset.key) {
                <mat-option [value]="preset.key">{{ preset.label }}</mat-option>
              }
              <mat-option value="custom">Custom dates</mat-option>
            </mat-select>
          </mat-form-field>
          <mat-form-field class="date">
            <mat-label>From</mat-label>
            <input matInput type="date" [value]="typed().from ?? query.period().from" (change)="setFrom($any($event.target).value)" />
          </mat-form-field>
          <mat-form-field class="date">
            <mat-label>To</mat-label>
            <input matInput type="date" [value]="typed().to ?? query.period().to" (change)="setTo($any($event.target).value)" />
            <mat-hint>Both days included</mat-hint>
          </mat-form-field>
        </form>
        @if (dateError() ?? query.resolved().error; as error) {
          <div class="form-alert" role="alert"><mat-icon aria-hidden="true">error</mat-icon><span>{{ error }}</span></div>
        }
      }

      <nav mat-tab-nav-bar [tabPanel]="panel" aria-label="Reports" mat-stretch-tabs="false">
        @for (tab of tabs(); track tab.path) {
          <a mat-tab-link [routerLink]="tab.path" queryParamsHandling="preserve" routerLinkActive #rla="routerLinkActive" [active]="rla.isActive">
            {{ tab.label }}
          </a>
        }
      </nav>
      <mat-tab-nav-panel #panel class="panel">
        <router-outlet />
      </mat-tab-nav-panel>
    </div>
  `,
  styles: `
    .period { display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: flex-start; }
    .preset { width: 200px; }
    .date { width: 180px; }
    .panel { display: block; padding-top: 24px; }
    @media (max-width: 599.98px) {
      .preset { width: 100%; }
      .date { width: calc(50% - 8px); }
    }
  `,
})
export class ReportsPage {
  private readonly config = inject(AppConfigService);
  protected readonly query = inject(ReportQuery);
  protected readonly presets = PERIOD_PRESETS;
  protected readonly tabs = computed(() => {
    this.config.permissions();
    return REPORT_TABS.filter((tab) => this.config.isGranted(tab.permission));
  });
  private readonly router = inject(Router);
  private readonly url = toSignal(this.router.events.pipe(filter((e) => e instanceof NavigationEnd), map(() => this.router.url)), { initialValue: this.router.url });
  /** Whether the report shown reads the period (the others keep it in the URL for the way back). */
  protected readonly usesPeriod = computed(() => {
    const path = this.url().split('?')[0]!.split('/').pop();
    return REPORT_TABS.find((tab) => tab.path === path)?.usesPeriod ?? true;
  });
  /** Dates typed that do not make a period yet (an end before the start while the other date is still to change). */
  protected readonly typed = signal<Partial<Period>>({});
  protected readonly dateError = signal<string | null>(null);

  protected choosePreset(value: PeriodPreset | 'custom'): void {
    this.typed.set({});
    this.dateError.set(null);
    if (value === 'custom') this.query.setCustom(this.query.period());
    else this.query.setPreset(value);
  }

  protected setFrom(from: string): void {
    this.typed.update((t) => ({ ...t, from }));
    this.apply();
  }

  protected setTo(to: string): void {
    this.typed.update((t) => ({ ...t, to }));
    this.apply();
  }

  private apply(): void {
    const period = { from: this.typed().from ?? this.query.period().from, to: this.typed().to ?? this.query.period().to };
    const error = periodError(period.from, period.to);
    this.dateError.set(error);
    if (error) return;
    this.typed.set({});
    this.query.setCustom(period);
  }
}
