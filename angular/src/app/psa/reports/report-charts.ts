import { BarController, BarElement, CategoryScale, ChartConfiguration, Legend, LinearScale, Tooltip } from 'chart.js';
import { AgingChart } from './aging';
import { UtilizationReportDto } from './reports.models';

/**
 * The only Chart.js parts the reports draw with (bar charts with a category and a linear axis, legend, tooltips), so
 * the rest of Chart.js stays out of the bundle. Registered by the reports' routes (provideCharts).
 */
export const REPORT_CHART_PARTS = [BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip];

/** Colours that read on white and apart from each other (and are named in the legend, never the only cue). */
export const CHART_COLOURS = {
  billable: '#1b5fc1',
  nonBillable: '#9aa9bc',
  unbilled: '#2f7d6d',
  aging: ['#3b8a3e', '#d9a300', '#e07a00', '#d04a1c', '#a11d1d'],
};

export type BarChart = ChartConfiguration<'bar', number[], string>;

/** Stacked horizontal bars: billable and non-billable hours per row, the utilisation % in each tooltip. */
export function utilizationChart(report: UtilizationReportDto): BarChart {
  const rows = report.rows;
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.name),
      datasets: [
        { label: 'Billable hours', data: rows.map((r) => r.billableHours), backgroundColor: CHART_COLOURS.billable, stack: 'hours', maxBarThickness: 28 },
        { label: 'Non-billable hours', data: rows.map((r) => r.nonBillableHours), backgroundColor: CHART_COLOURS.nonBillable, stack: 'hours', maxBarThickness: 28 },
      ],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { stacked: true, beginAtZero: true, title: { display: true, text: 'Hours' } },
        y: { stacked: true, ticks: { autoSkip: false } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            footer: (items) => {
              const row = rows[items[0]?.dataIndex ?? -1];
              return row ? `Utilisation ${row.utilizationPercent}% of ${row.totalHours} h` : '';
            },
          },
        },
      },
    },
  };
}

/** Horizontal bars of hours per client. */
export function hoursChart(labels: string[], hours: number[], label: string): BarChart {
  return {
    type: 'bar',
    data: { labels, datasets: [{ label, data: hours, backgroundColor: CHART_COLOURS.unbilled, maxBarThickness: 28 }] },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { beginAtZero: true, title: { display: true, text: 'Hours' } }, y: { ticks: { autoSkip: false } } },
      plugins: { legend: { display: false } },
    },
  };
}

/** One currency's aging: a bar per bucket, greener to redder as it gets older. */
export function agingChart(chart: AgingChart, format: (amount: number) => string): BarChart {
  return {
    type: 'bar',
    data: {
      labels: chart.labels,
      datasets: [{ label: `Owed (${chart.currency})`, data: chart.values, backgroundColor: CHART_COLOURS.aging, maxBarThickness: 56 }],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { y: { beginAtZero: true, ticks: { callback: (value) => format(Number(value)) } } },
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => format(Number(item.raw)) } } },
    },
  };
}

/** A chart's height for `rows` horizontal bars, so names never squeeze together. */
export function barsHeight(rows: number): number {
  return Math.max(180, rows * 40 + 80);
}
