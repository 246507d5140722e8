import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { OrgFormat } from '../../core/format/org-format.service';
import { ReportQuery } from './report-query';
import { ReportsApi } from './reports.api';

/** The accounting export: every invoice issued in the period as CSV, straight from the API. */
@Component({
  selector: 'app-export-report',
  imports: [MatButtonModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="report" aria-labelledby="export-title">
      <div class="report-head">
        <div>
          <h2 id="export-title">Accounting export</h2>
          <p class="muted">Invoices issued {{ periodText() }}, one line each, for your accounting software</p>
        </div>
      </div>
      <p>
        The file lists every sent invoice with an issue date in the period, in number order: number, issue and due dates,
        client, billing period, currency, subtotal, tax rate, tax, total, paid, balance and status. Amounts are in each
        invoice's own currency with a dot for decimals; drafts are not included.
      </p>
      <a mat-flat-button [href]="url()" download><mat-icon>download</mat-icon> Download invoices CSV</a>
    </section>
  `,
  styleUrl: './report.scss',
  styles: `p { max-width: 70ch; }`,
})
export class ExportReport {
  private readonly api = inject(ReportsApi);
  private readonly format = inject(OrgFormat);
  private readonly query = inject(ReportQuery);
  protected readonly url = computed(() => this.api.exportUrl(this.query.period().from, this.query.periodEnd()));
  protected readonly periodText = computed(() => `${this.format.workDate(this.query.period().from)} – ${this.format.workDate(this.query.period().to)}`);
}
