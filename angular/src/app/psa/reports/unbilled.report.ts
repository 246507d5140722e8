import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { BaseChartDirective } from 'ng2-charts';
import { WorkDatePipe } from '../../core/format/format.pipes';
import { EmptyState } from '../../core/ui/empty-state';
import { Loading } from '../../core/ui/loading';
import { downloadCsv, unbilledCsv } from './csv';
import { barsHeight, hoursChart } from './report-charts';
import { injectReport } from './report-loader';
import { ReportsApi } from './reports.api';

/** Approved billable time that is on no invoice yet, per client, whatever its date: what can be invoiced now. */
@Component({
  selector: 'app-unbilled-report',
  imports: [BaseChartDirective, DecimalPipe, EmptyState, Loading, MatButtonModule, MatIconModule, RouterLink, WorkDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="report" aria-labelledby="unbilled-title">
      <div class="report-head">
        <div>
          <h2 id="unbilled-title">Unbilled approved time</h2>
          <p class="muted">Approved, billable and on no invoice yet, whatever its work date</p>
        </div>
        <div class="report-actions">
          <button mat-stroked-button type="button" (click)="download()" [disabled]="!report.value()?.clients?.length">
            <mat-icon>download</mat-icon> Download CSV
          </button>
        </div>
      </div>
      @if (report.loading() && !report.value()) {
        <app-loading label="Loading unbilled time" />
      } @else if (report.failed() && !report.value()) {
        <app-empty-state icon="error" title="The report could not be loaded" text="Check your connection and try again.">
          <button mat-stroked-button type="button" (click)="report.retry()">Retry</button>
        </app-empty-state>
      } @else if (report.value(); as data) {
        @if (data.clients.length === 0) {
          <app-empty-state icon="task_alt" title="Nothing waiting to be invoiced" text="Approved billable time shows here until it is on an invoice." />
        } @else {
          <div class="chart-and-table">
            <figure class="chart" [style.height.px]="chartHeight()">
              <canvas baseChart role="img" [attr.aria-label]="chartSummary()" [type]="'bar'" [data]="chart()!.data" [options]="chart()!.options"></canvas>
            </figure>
            <div class="table-wrap">
              <table class="data" aria-label="Unbilled approved time by client">
                <thead>
                  <tr>
                    <th scope="col">Client</th>
                    <th scope="col" class="num">Entries</th>
                    <th scope="col" class="num">Hours</th>
                    <th scope="col">Work dates</th>
                  </tr>
                </thead>
                <tbody>
                  @for (client of data.clients; track client.clientId) {
                    <tr>
                      <th scope="row"><a [routerLink]="['/clients', client.clientId]">{{ client.clientName }}</a></th>
                      <td class="num">{{ client.entryCount }}</td>
                      <td class="num">{{ client.hours | number: '1.2-2' }}</td>
                      <td>{{ client.oldestWorkDate | workDate: 'short' }} – {{ client.newestWorkDate | workDate: 'short' }}</td>
                    </tr>
                  }
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">Total</th>
                    <td class="num">{{ data.entryCount }}</td>
                    <td class="num">{{ data.hours | number: '1.2-2' }}</td>
                    <td></td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </div>
        }
      }
    </section>
  `,
  styleUrl: './report.scss',
})
export class UnbilledReport {
  private readonly api = inject(ReportsApi);
  protected readonly report = injectReport(signal(null), () => this.api.unbilled());
  protected readonly chart = computed(() => {
    const clients = this.report.value()?.clients ?? [];
    return hoursChart(clients.map((c) => c.clientName), clients.map((c) => c.hours), 'Unbilled hours');
  });
  protected readonly chartHeight = computed(() => barsHeight(this.report.value()?.clients.length ?? 0));
  protected readonly chartSummary = computed(() => {
    const data = this.report.value();
    return data ? `Bar chart of unbilled approved hours per client: ${data.hours} hours in ${data.entryCount} entries for ${data.clients.length} clients.` : '';
  });

  protected download(): void {
    const report = this.report.value();
    if (report) downloadCsv(`unbilled-time-${new Date().toISOString().slice(0, 10)}.csv`, unbilledCsv(report));
  }
}
