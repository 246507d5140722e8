import { AGING_BUCKETS } from './aging';
import { InvoiceAgingDto, UnbilledReportDto, UtilizationReportDto } from './reports.models';

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

/**
 * RFC 4180 text: a header row, then one line per row, CRLF line ends. A field is quoted when it holds a comma, quote
 * or line break (inner quotes doubled). Text starting with = + - @ (or a tab or carriage return) gets a leading
 * apostrophe, so a spreadsheet shows it instead of running it as a formula; numbers are written as numbers.
 */
export function toCsv<T>(columns: CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((column) => field(column.header)), ...rows.map((row) => columns.map((column) => field(column.value(row))))];
  return lines.map((line) => line.join(',')).join('\r\n') + '\r\n';
}

function field(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function utilizationCsv(report: UtilizationReportDto): string {
  const label = report.groupBy === 'client' ? 'Client' : 'Technician';
  return toCsv(
    [
      { header: label, value: (r) => r.name },
      { header: 'Total hours', value: (r) => r.totalHours },
      { header: 'Billable hours', value: (r) => r.billableHours },
      { header: 'Non-billable hours', value: (r) => r.nonBillableHours },
      { header: 'Utilisation %', value: (r) => r.utilizationPercent },
    ],
    [...report.rows, report.total],
  );
}

export function unbilledCsv(report: UnbilledReportDto): string {
  return toCsv(
    [
      { header: 'Client', value: (c) => c.clientName },
      { header: 'Entries', value: (c) => c.entryCount },
      { header: 'Hours', value: (c) => c.hours },
      { header: 'Oldest work date', value: (c) => c.oldestWorkDate },
      { header: 'Newest work date', value: (c) => c.newestWorkDate },
    ],
    report.clients,
  );
}

/** One currency's clients and its total row (currencies are never mixed in one file's sums). */
export function agingCsv(report: InvoiceAgingDto, currency: string): string {
  const rows = [
    ...report.clients.filter((c) => c.currency === currency).map((c) => ({ name: c.clientName, amounts: c.amounts, oldestDueDate: c.oldestDueDate })),
    ...report.totals.filter((t) => t.currency === currency).map((t) => ({ name: 'Total', amounts: t.amounts, oldestDueDate: '' })),
  ];
  return toCsv(
    [
      { header: 'Client', value: (r) => r.name },
      { header: 'Currency', value: () => currency },
      ...AGING_BUCKETS.map((bucket) => ({ header: bucket.label, value: (r: (typeof rows)[number]) => r.amounts[bucket.key] })),
      { header: 'Total', value: (r) => r.amounts.total },
      { header: 'Invoices', value: (r) => r.amounts.invoices },
      { header: 'Oldest due date', value: (r) => r.oldestDueDate },
    ],
    rows,
  );
}

/**
 * Saves text as a file the way a download link does. The byte order mark makes spreadsheet programs read the file
 * as UTF-8 (names with accents stay intact).
 */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
