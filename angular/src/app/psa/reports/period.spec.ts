import { apiEnd, periodError, presetPeriod, readPeriod } from './period';

describe('report periods', () => {
  it('turns presets into whole months, quarters and years, both days included', () => {
    expect(presetPeriod('this-month', '2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetPeriod('this-month', '2028-02-14')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetPeriod('last-month', '2026-01-05')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('this-quarter', '2026-05-20')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(presetPeriod('last-quarter', '2026-02-01')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(presetPeriod('this-year', '2026-07-01')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(presetPeriod('last-year', '2026-07-01')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('reads a preset or custom dates from the URL, falling back to this month', () => {
    expect(readPeriod({ period: 'last-month' }, '2026-03-10')).toEqual({ preset: 'last-month', period: { from: '2026-02-01', to: '2026-02-28' }, error: null });
    expect(readPeriod({ from: '2026-01-15', to: '2026-02-15' }, '2026-03-10')).toEqual({ preset: 'custom', period: { from: '2026-01-15', to: '2026-02-15' }, error: null });
    expect(readPeriod({}, '2026-03-10').period).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    const backwards = readPeriod({ from: '2026-02-15', to: '2026-01-15' }, '2026-03-10');
    expect(backwards.preset).toBe('this-month');
    expect(backwards.error).toBe('The end date is before the start date.');
  });

  it('refuses periods the API would refuse', () => {
    expect(periodError('2026-01-01', '2026-01-01')).toBeNull();
    expect(periodError('2026-01-01', '')).toBe('Choose a start and an end date.');
    expect(periodError('2020-01-01', '2026-01-01')).toContain('at most 1098 days');
  });

  it('gives the API its half-open end', () => {
    expect(apiEnd({ from: '2026-02-01', to: '2026-02-28' })).toBe('2026-03-01');
  });
});
