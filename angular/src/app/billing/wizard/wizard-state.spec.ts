import { UnbilledClientDto } from '../../psa/reports/reports.models';
import { InvoicePreviewDto } from '../api/billing.models';
import { InvoiceWizardState, periodError, presetPeriod } from './wizard-state';

const unbilled = (clientId: string): UnbilledClientDto =>
  ({ clientId, clientName: clientId, entryCount: 2, hours: 1.5, oldestWorkDate: '2026-02-03', newestWorkDate: '2026-02-20' });

const preview = (clientId: string, patch: Partial<InvoicePreviewDto> = {}): InvoicePreviewDto => ({
  clientId, clientName: clientId, from: '2026-02-01', to: '2026-03-01', currency: 'GBP', subtotal: 100, taxRatePercent: 20, tax: 20, total: 120,
  coveredHours: 0, blockHours: null, warnings: [],
  lines: [{ id: null, kind: 'Time', date: '2026-02-03', technicianName: 'Tom', ticketNumber: 'T-000001', description: 'Fix', quantity: 1,
    unitPrice: 100, amount: 100, actualMinutes: 55, billedMinutes: 60, timeEntryId: 'e1' }],
  ...patch,
});

describe('invoice wizard state', () => {
  let state: InvoiceWizardState;
  beforeEach(() => (state = new InvoiceWizardState('2026-03-17')));

  it('starts on last month, with presets for this month and the last three', () => {
    expect(state.period()).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    state.choosePreset('thisMonth');
    expect(state.period()).toEqual({ from: '2026-03-01', to: '2026-04-01' });
    state.choosePreset('lastThreeMonths');
    expect(state.period()).toEqual({ from: '2025-12-01', to: '2026-03-01' });
    expect(presetPeriod('lastMonth', '2026-01-01')).toEqual({ from: '2025-12-01', to: '2026-01-01' });
  });

  it('takes a custom period by its last day, starting from the period shown', () => {
    state.choosePreset('thisMonth');
    state.choosePreset('custom');
    expect(state.period()).toEqual({ from: '2026-03-01', to: '2026-04-01' });
    state.setCustom('2026-03-01', '2026-03-15');
    expect(state.period()).toEqual({ from: '2026-03-01', to: '2026-03-16' });
    expect(state.periodProblem()).toBeNull();
    state.setCustom('2026-03-10', '2026-03-01');
    expect(state.periodProblem()).toBe('The last day is before the first.');
    expect(state.canPreview()).toBe(false);
  });

  it('refuses periods the API refuses', () => {
    expect(periodError('2026-01-01', '2026-12-31')).toBeNull();
    expect(periodError('2025-01-01', '2026-01-02')).toBe('A period is at most 366 days.');
    expect(periodError('', '2026-01-02')).toBe('Choose the first and the last day.');
  });

  it('preselects every client with unbilled time until clients are chosen by hand', () => {
    state.useUnbilled([unbilled('a'), unbilled('b')]);
    expect([...state.selected()]).toEqual(['a', 'b']);
    expect(state.canPreview()).toBe(true);
    state.toggle('a');
    state.useUnbilled([unbilled('c')]); // the period changed
    expect([...state.selected()]).toEqual(['b']);
    state.selectUnbilled();
    expect([...state.selected()]).toEqual(['c']);
    state.clearSelection();
    expect(state.canPreview()).toBe(false);
  });

  it('keeps the client it was opened for', () => {
    state.preselect(['x']);
    state.useUnbilled([unbilled('a')]);
    expect([...state.selected()]).toEqual(['x']);
  });

  it('previews each selected client in name order and knows which can be generated', () => {
    state.useUnbilled([unbilled('b'), unbilled('a'), unbilled('c')]);
    expect(state.startPreview(['a', 'b', 'c', 'z'])).toEqual(['a', 'b', 'c']);
    expect(state.step()).toBe('preview');
    expect(state.previewsLoading()).toBe(true);
    expect(state.canGenerate()).toBe(false);

    state.previewLoaded(preview('a'));
    state.previewLoaded(preview('b', { lines: [], subtotal: 0, tax: 0, total: 0 }));
    state.previewFailed('c', 'Network');
    expect(state.previewsLoading()).toBe(false);
    expect(state.generatable()).toEqual(['a']);
    expect(state.canGenerate()).toBe(true);
    const b = state.previews().get('b');
    expect(b?.status === 'ready' && b.blocker).toBe('Nothing to invoice: no fee and no approved billable time in the period.');
  });

  it('says an already invoiced period is blocked', () => {
    state.preselect(['a']);
    state.startPreview(['a']);
    state.previewLoaded(preview('a', { warnings: [{ code: 'AlreadyInvoiced', message: 'This period overlaps INV-2026-00001.', count: 1, hours: null }] }));
    expect(state.generatable()).toEqual([]);
    expect(state.canGenerate()).toBe(false);
  });

  it('adds up totals per currency, never across currencies', () => {
    state.preselect(['a', 'b', 'c']);
    state.startPreview(['a', 'b', 'c']);
    state.previewLoaded(preview('a', { total: 120.1 }));
    state.previewLoaded(preview('b', { total: 0.2 }));
    state.previewLoaded(preview('c', { currency: 'JPY', total: 5000 }));
    expect(state.totals()).toEqual([{ currency: 'GBP', count: 2, total: 120.3 }, { currency: 'JPY', count: 1, total: 5000 }]);
  });

  it('generates once however often it is asked while one is in flight', () => {
    state.preselect(['a']);
    state.startPreview(['a']);
    state.previewLoaded(preview('a'));
    expect(state.beginGenerating()).toBe(true);
    expect(state.beginGenerating()).toBe(false);
    expect(state.canGenerate()).toBe(false);
    state.generationFailed();
    expect(state.beginGenerating()).toBe(true);
  });

  it('shows the results of many clients and can start over', () => {
    state.preselect(['a', 'b']);
    state.startPreview(['a', 'b']);
    state.previewLoaded(preview('a'));
    state.previewLoaded(preview('b'));
    state.beginGenerating();
    state.generated({ outcomes: [], invoiced: 2, skipped: 0, failed: 0 });
    expect(state.step()).toBe('results');
    expect(state.generating()).toBe(false);
    state.back();
    expect(state.step()).toBe('choose');
    expect(state.previews().size).toBe(0);
  });

  it('ignores a preview that answers after going back', () => {
    state.preselect(['a']);
    state.startPreview(['a']);
    state.back();
    state.previewLoaded(preview('a'));
    expect(state.previews().size).toBe(0);
  });
});
