import { computed, signal } from '@angular/core';
import { UnbilledClientDto } from '../../psa/reports/reports.models';
import { BatchInvoiceResponse, InvoicePreviewDto } from '../api/billing.models';
import { Period, addDays, addMonths, monthPeriod, monthStart } from '../ui/dates';
import { cannotGenerate } from './warnings';

export type PresetId = 'lastMonth' | 'thisMonth' | 'lastThreeMonths' | 'custom';

export interface PeriodPreset {
  id: PresetId;
  label: string;
}

export const PERIOD_PRESETS: PeriodPreset[] = [
  { id: 'lastMonth', label: 'Last month' },
  { id: 'thisMonth', label: 'This month' },
  { id: 'lastThreeMonths', label: 'Last 3 months' },
  { id: 'custom', label: 'Custom' },
];

/** The API's longest period (InvoiceEndpoints.MaxPeriodDays). */
export const MAX_PERIOD_DAYS = 366;

/** The period a preset means on a given day (the organisation's today). */
export function presetPeriod(id: Exclude<PresetId, 'custom'>, today: string): Period {
  switch (id) {
    case 'lastMonth':
      return monthPeriod(today, -1);
    case 'thisMonth':
      return monthPeriod(today, 0);
    case 'lastThreeMonths':
      return { from: addMonths(monthStart(today), -3), to: monthStart(today) };
  }
}

/** Why a period cannot be invoiced, or null. `lastDay` is inclusive, as the form shows it. */
export function periodError(from: string, lastDay: string): string | null {
  if (!from || !lastDay) return 'Choose the first and the last day.';
  if (lastDay < from) return 'The last day is before the first.';
  const days = (Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_PERIOD_DAYS) return `A period is at most ${MAX_PERIOD_DAYS} days.`;
  return null;
}

export type PreviewState =
  | { status: 'loading' }
  | { status: 'ready'; preview: InvoicePreviewDto; blocker: string | null }
  | { status: 'failed'; message: string };

export type WizardStep = 'choose' | 'preview' | 'results';

/**
 * The invoice wizard's state, without the screen: which clients, which period, each client's preview, and the one
 * generation in flight. Every change is a method so the rules are tested (see wizard-state.spec.ts).
 */
export class InvoiceWizardState {
  readonly step = signal<WizardStep>('choose');
  readonly preset = signal<PresetId>('lastMonth');
  /** The custom period's first and last day (inclusive). */
  readonly customFrom = signal('');
  readonly customLastDay = signal('');
  readonly selected = signal<ReadonlySet<string>>(new Set());
  /** Clients with approved, unbilled time in the period. */
  readonly unbilled = signal<UnbilledClientDto[]>([]);
  readonly previews = signal<ReadonlyMap<string, PreviewState>>(new Map());
  readonly generating = signal(false);
  readonly results = signal<BatchInvoiceResponse | null>(null);
  /** Set once the person picks clients by hand: the unbilled list no longer replaces their choice. */
  private readonly chosenByHand = signal(false);

  readonly period = computed<Period>(() => {
    const preset = this.preset();
    if (preset !== 'custom') return presetPeriod(preset, this.today);
    return { from: this.customFrom(), to: this.customLastDay() ? addDays(this.customLastDay(), 1) : '' };
  });
  readonly periodProblem = computed(() => {
    const { from, to } = this.period();
    return periodError(from, to ? addDays(to, -1) : '');
  });
  readonly canPreview = computed(() => this.selected().size > 0 && this.periodProblem() === null);
  readonly previewList = computed(() => [...this.previews().entries()].map(([clientId, state]) => ({ clientId, state })));
  readonly previewsLoading = computed(() => this.previewList().some((p) => p.state.status === 'loading'));
  /** Clients whose preview says an invoice can be made. */
  readonly generatable = computed(() =>
    this.previewList().filter((p) => p.state.status === 'ready' && p.state.blocker === null).map((p) => p.clientId));
  readonly canGenerate = computed(() => !this.generating() && !this.previewsLoading() && this.generatable().length > 0);
  /** What the invoices to be made add up to, per currency. */
  readonly totals = computed(() => {
    const sums = new Map<string, { currency: string; count: number; total: number }>();
    for (const { state } of this.previewList()) {
      if (state.status !== 'ready' || state.blocker !== null) continue;
      const sum = sums.get(state.preview.currency) ?? { currency: state.preview.currency, count: 0, total: 0 };
      sum.count++;
      sum.total = Math.round((sum.total + state.preview.total) * 1000) / 1000;
      sums.set(state.preview.currency, sum);
    }
    return [...sums.values()].sort((a, b) => a.currency.localeCompare(b.currency));
  });

  constructor(private readonly today: string) {
    const last = presetPeriod('lastMonth', today);
    this.customFrom.set(last.from);
    this.customLastDay.set(addDays(last.to, -1));
  }

  choosePreset(id: PresetId): void {
    if (id === 'custom' && this.preset() !== 'custom') {
      const current = this.period();
      this.customFrom.set(current.from);
      this.customLastDay.set(addDays(current.to, -1));
    }
    this.preset.set(id);
  }

  setCustom(from: string, lastDay: string): void {
    this.preset.set('custom');
    this.customFrom.set(from);
    this.customLastDay.set(lastDay);
  }

  /** The clients with unbilled time in the period; they are selected unless the person chose by hand. */
  useUnbilled(clients: UnbilledClientDto[]): void {
    this.unbilled.set(clients);
    if (!this.chosenByHand()) this.selected.set(new Set(clients.map((c) => c.clientId)));
  }

  /** Starts from exactly these clients (a link from a client's page). */
  preselect(clientIds: string[]): void {
    this.chosenByHand.set(true);
    this.selected.set(new Set(clientIds));
  }

  toggle(clientId: string, on = !this.selected().has(clientId)): void {
    this.chosenByHand.set(true);
    const next = new Set(this.selected());
    if (on) next.add(clientId);
    else next.delete(clientId);
    this.selected.set(next);
  }

  selectUnbilled(): void {
    this.chosenByHand.set(true);
    this.selected.set(new Set(this.unbilled().map((c) => c.clientId)));
  }

  clearSelection(): void {
    this.chosenByHand.set(true);
    this.selected.set(new Set());
  }

  /** Moves to the preview step with every selected client loading, in the order given (names). */
  startPreview(orderedClientIds: string[]): string[] {
    const ids = orderedClientIds.filter((id) => this.selected().has(id));
    for (const id of this.selected()) if (!ids.includes(id)) ids.push(id);
    this.previews.set(new Map(ids.map((id) => [id, { status: 'loading' } as PreviewState])));
    this.results.set(null);
    this.step.set('preview');
    return ids;
  }

  previewLoaded(preview: InvoicePreviewDto): void {
    this.setPreview(preview.clientId, { status: 'ready', preview, blocker: cannotGenerate(preview) });
  }

  previewFailed(clientId: string, message: string): void {
    this.setPreview(clientId, { status: 'failed', message });
  }

  /** Takes the one generation allowed at a time: false while one is in flight (a second click does nothing). */
  beginGenerating(): boolean {
    if (!this.canGenerate()) return false;
    this.generating.set(true);
    return true;
  }

  /** The generation answered (results for many clients; a single invoice navigates away instead). */
  generated(results: BatchInvoiceResponse | null): void {
    this.generating.set(false);
    if (results) {
      this.results.set(results);
      this.step.set('results');
    }
  }

  generationFailed(): void {
    this.generating.set(false);
  }

  back(): void {
    this.step.set('choose');
    this.previews.set(new Map());
    this.results.set(null);
  }

  private setPreview(clientId: string, state: PreviewState): void {
    if (!this.previews().has(clientId)) return; // a late answer after going back
    const next = new Map(this.previews());
    next.set(clientId, state);
    this.previews.set(next);
  }
}
