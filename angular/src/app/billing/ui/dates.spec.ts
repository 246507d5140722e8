import { addDays, addMonths, formatDay, formatPeriod, isWholeMonth, monthPeriod } from './dates';

const plain = (text: string) => text.replace(/[\u2009\u00a0\u202f]/g, ' ');

describe('billing dates', () => {
  it('moves by days and months across year ends and short months', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
    expect(addMonths('2026-01-31', -1)).toBe('2025-12-01');
  });

  it('finds this month and last month as half-open periods', () => {
    expect(monthPeriod('2026-03-17')).toEqual({ from: '2026-03-01', to: '2026-04-01' });
    expect(monthPeriod('2026-01-05', -1)).toEqual({ from: '2025-12-01', to: '2026-01-01' });
    expect(isWholeMonth({ from: '2026-02-01', to: '2026-03-01' })).toBe(true);
    expect(isWholeMonth({ from: '2026-02-01', to: '2026-02-15' })).toBe(false);
  });

  it('writes periods by their last day, not the exclusive end', () => {
    expect(formatPeriod({ from: '2026-03-01', to: '2026-04-01' }, 'en-GB')).toBe('March 2026');
    expect(plain(formatPeriod({ from: '2026-03-01', to: '2026-03-16' }, 'en-GB'))).toBe('1 – 15 Mar 2026');
    expect(plain(formatPeriod({ from: '2026-03-01', to: '2026-06-01' }, 'en-GB'))).toBe('1 Mar – 31 May 2026');
    expect(formatPeriod({ from: '2026-03-05', to: '2026-03-06' }, 'en-GB')).toBe('5 Mar 2026');
    expect(formatDay('2026-03-02', 'en-GB')).toBe('2 Mar 2026');
  });
});
