import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { BaseChartDirective } from 'ng2-charts';
import { DecimalPipe } from '@angular/common';
import { OrgFormat } from '../../core/format/org-format.service';
import { EmptyState } from '../../core/ui/empty-state';
import { Loading } from '../../core/ui/loading';
import { downloadCsv, utilizationCsv } from './csv';
import { barsHeight, utilizationChart } from './report-charts';
import { injectReport } from './report-loader';
import { ReportQuery } from './report-query';
import { ReportsApi } from './reports.api';
import { UtilizationGroupBy } from './reports.models';

/** Hours per technician or client over the period: stacked billable / non-billable bars beside the same numbers as a table. */
@Component({
  selector: 'app-utilization-report',
  imports: [BaseChartDirective, DecimalPipe, EmptyState, Loading, MatButtonModule, MatButtonToggleModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './utilization.report.html',
  styleUrl: './report.scss',
})
export class UtilizationReport {
  private readonly api = inject(ReportsApi);
  private readonly format = inject(OrgFormat);
  protected readonly query = inject(ReportQuery);

  protected readonly report = injectReport(
    computed(() => ({ from: this.query.period().from, to: this.query.periodEnd(), groupBy: this.query.groupBy() })),
    (r) => this.api.utilization(r.from, r.to, r.groupBy),
  );
  protected readonly subject = computed(() => (this.query.groupBy() === 'client' ? 'client' : 'technician'));
  protected readonly chart = computed(() => {
    const report = this.report.value();
    return report ? utilizationChart(report) : null;
  });
  protected readonly chartHeight = computed(() => barsHeight(this.report.value()?.rows.length ?? 0));
  protected readonly periodText = computed(() => `${this.format.workDate(this.query.period().from)} – ${this.format.workDate(this.query.period().to)}`);
  /** What the chart says, for people who cannot see it (the table beside it has every number). */
  protected readonly chartSummary = computed(() => {
    const report = this.report.value();
    if (!report) return '';
    const total = report.total;
    return `Stacked bar chart of billable and non-billable hours per ${this.subject()}, ${this.periodText()}: ` +
      `${total.totalHours} hours in all, ${total.billableHours} billable, utilisation ${total.utilizationPercent}%.`;
  });

  protected groupBy(value: UtilizationGroupBy): void {
    this.query.setGroupBy(value);
  }

  protected download(): void {
    const report = this.report.value();
    if (report) downloadCsv(`utilisation-by-${report.groupBy}-${this.query.period().from}-to-${this.query.period().to}.csv`, utilizationCsv(report));
  }
}
