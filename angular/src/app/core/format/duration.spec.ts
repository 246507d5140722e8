import { formatDuration, parseDuration } from './duration';

describe('parseDuration', () => {
  const minutes = (input: string) => {
    const result = parseDuration(input);
    return result.ok ? result.minutes : result.error;
  };

  it.each([
    ['1:30', 90], ['0:45', 45], ['10:05', 605], ['24:00', 1440],
    ['1.5', 90], ['1,5', 90], ['0.25', 15], ['.5', 30], ['1.01', 61],
    ['90', 90], ['90m', 90], ['45m', 45], ['45 min', 45], ['45 minutes', 45],
    ['1h 30m', 90], ['1h30m', 90], ['1h30', 90], ['1h', 60], ['2 hours', 120], ['1.5h', 90], ['  1H 30M  ', 90],
  ])('reads %s as %i minutes', (input, expected) => {
    expect(minutes(input)).toBe(expected);
  });

  it('explains garbage', () => {
    expect(minutes('soon')).toBe('"soon" is not a duration. Type it like 1:30, 1.5, 90m or 1h 30m.');
    expect(minutes('1:75')).toMatch(/is not a duration/);
    expect(minutes('-1')).toMatch(/is not a duration/);
  });

  it('refuses nothing, zero and more than a day', () => {
    expect(minutes('')).toBe('Enter a duration, like 1:30, 1.5 or 90m.');
    expect(minutes('0')).toBe('A duration must be at least 1 minute.');
    expect(minutes('0:00')).toBe('A duration must be at least 1 minute.');
    expect(minutes('24:01')).toBe('One entry can hold at most 24 hours.');
    expect(minutes('25h')).toBe('One entry can hold at most 24 hours.');
    expect(minutes('1441')).toBe('One entry can hold at most 24 hours.');
  });
});

describe('formatDuration', () => {
  it('writes clock style by default, past 24 hours for totals', () => {
    expect(formatDuration(90)).toBe('1:30');
    expect(formatDuration(5)).toBe('0:05');
    expect(formatDuration(2250)).toBe('37:30');
    expect(formatDuration(0)).toBe('0:00');
  });

  it('writes words', () => {
    expect(formatDuration(90, 'words')).toBe('1h 30m');
    expect(formatDuration(60, 'words')).toBe('1h');
    expect(formatDuration(45, 'words')).toBe('45m');
  });

  it('reads back what it writes', () => {
    for (const value of [1, 45, 60, 90, 605, 1440]) {
      expect(parseDuration(formatDuration(value))).toEqual({ ok: true, minutes: value });
      expect(parseDuration(formatDuration(value, 'words'))).toEqual({ ok: true, minutes: value });
    }
  });
});
