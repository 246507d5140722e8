import { Injectable, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Params, Router } from '@angular/router';
import { OrgFormat } from '../../core/format/org-format.service';
import { Period, PeriodPreset, apiEnd, readPeriod } from './period';
import { UtilizationGroupBy } from './reports.models';

/**
 * What the reports show, kept in the URL so a reload or a shared link shows the same: `period` (a preset) or
 * `from`/`to` (both days included), `groupBy` (technician or client) and the aging's `asOf`. Provided by the reports
 * page and shared with the report in its outlet; switching reports keeps the query.
 */
@Injectable()
export class ReportQuery {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly params = toSignal(this.route.queryParamMap, { initialValue: this.route.snapshot.queryParamMap });

  readonly today = inject(OrgFormat).today();
  readonly resolved = computed(() => {
    const p = this.params();
    return readPeriod({ period: p.get('period'), from: p.get('from'), to: p.get('to') }, this.today);
  });
  readonly period = computed(() => this.resolved().period, { equal: (a, b) => a.from === b.from && a.to === b.to });
  /** The API's half-open end of the period. */
  readonly periodEnd = computed(() => apiEnd(this.period()));
  readonly groupBy = computed<UtilizationGroupBy>(() => (this.params().get('groupBy') === 'client' ? 'client' : 'technician'));
  readonly asOf = computed(() => {
    const value = this.params().get('asOf');
    return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : this.today;
  });

  setPreset(preset: PeriodPreset): void {
    this.navigate({ period: preset, from: null, to: null });
  }

  setCustom(period: Period): void {
    this.navigate({ period: null, from: period.from, to: period.to });
  }

  setGroupBy(groupBy: UtilizationGroupBy): void {
    this.navigate({ groupBy: groupBy === 'technician' ? null : groupBy });
  }

  setAsOf(asOf: string): void {
    this.navigate({ asOf: asOf === this.today ? null : asOf });
  }

  /** Changes query parameters on the current report, whichever it is. */
  private navigate(changes: Params): void {
    const tree = this.router.parseUrl(this.router.url);
    const queryParams: Params = { ...tree.queryParams };
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === undefined || value === '') delete queryParams[key];
      else queryParams[key] = value;
    }
    tree.queryParams = queryParams;
    void this.router.navigateByUrl(tree);
  }
}
