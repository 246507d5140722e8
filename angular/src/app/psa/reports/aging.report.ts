import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { BaseChartDirective } from 'ng2-charts';
import { formatMoney } from '../../billing/money/money';
import { WorkDatePipe } from '../../core/format/format.pipes';
import { EmptyState } from '../../core/ui/empty-state';
import { Loading } from '../../core/ui/loading';
import { AGING_BUCKETS, AgingChart, agingCharts, overdueAmount } from './aging';
import { agingCsv, downloadCsv } from './csv';
import { agingChart } from './report-charts';
import { injectReport } from './report-loader';
import { ReportQuery } from './report-query';
import { ReportsApi } from './reports.api';

/** What clients still owe on sent invoices, by days past due, one chart and table per currency (never added across). */
@Component({
  selector: 'app-aging-report',
  imports: [BaseChartDirective, EmptyState, Loading, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, WorkDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './aging.report.html',
  styleUrl: './report.scss',
})
export class AgingReport {
  private readonly api = inject(ReportsApi);
  protected readonly query = inject(ReportQuery);
  protected readonly buckets = AGING_BUCKETS;
  protected readonly report = injectReport(this.query.asOf, (asOf) => this.api.aging(asOf));
  protected readonly charts = computed(() => {
    const data = this.report.value();
    return data ? agingCharts(data.totals, data.clients).map((chart) => ({ ...chart, config: agingChart(chart, (a) => this.money(a, chart.currency)) })) : [];
  });

  protected money(amount: number, currency: string): string {
    return formatMoney(amount, currency);
  }

  protected overdue(chart: AgingChart): string {
    const totals = this.report.value()?.totals.find((t) => t.currency === chart.currency);
    return totals ? this.money(overdueAmount(totals.amounts), chart.currency) : '';
  }

  protected summary(chart: AgingChart): string {
    const worst = chart.worstOverdue ? ` The largest overdue bucket is ${chart.worstOverdue.label} with ${this.money(chart.worstOverdue.amount, chart.currency)}.` : ' Nothing is overdue.';
    return `Bar chart of what is owed in ${chart.currency} by age: ${this.money(chart.total, chart.currency)} on ${chart.invoices} invoices.${worst}`;
  }

  protected setAsOf(value: string): void {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) this.query.setAsOf(value);
  }

  protected download(currency: string): void {
    const report = this.report.value();
    if (report) downloadCsv(`invoice-aging-${currency}-${report.asOf}.csv`, agingCsv(report, currency));
  }
}
