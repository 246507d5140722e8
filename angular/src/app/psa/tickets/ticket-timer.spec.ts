import { TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { AppConfigService } from '../../core/config/app-config.service';
import { signedIn } from '../../core/testing';
import { TicketTimers, elapsedMinutes, formatElapsed, readTimer, timerKey } from './ticket-timer';

describe('timer arithmetic', () => {
  const start = Date.UTC(2026, 2, 2, 9, 0, 0);

  it('rounds up to the whole minute, at least one', () => {
    expect(elapsedMinutes(start, start)).toBe(1);
    expect(elapsedMinutes(start, start + 1_000)).toBe(1);
    expect(elapsedMinutes(start, start + 60_000)).toBe(1);
    expect(elapsedMinutes(start, start + 61_000)).toBe(2);
    expect(elapsedMinutes(start, start + 90 * 60_000)).toBe(90);
  });

  it('never asks for more than one entry holds, nor for negative time (a clock set back)', () => {
    expect(elapsedMinutes(start, start + 30 * 3_600_000)).toBe(1440);
    expect(elapsedMinutes(start, start - 5_000)).toBe(1);
  });

  it('shows the running time as minutes and seconds, with hours once there are any', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(65_000)).toBe('1:05');
    expect(formatElapsed(3_909_000)).toBe('1:05:09');
  });

  it('ignores stored values it does not understand', () => {
    const storage = (value: string | null) => ({ getItem: () => value });
    expect(readTimer(storage('{"startedAt":1700000000000}'), 'k')).toEqual({ startedAt: 1700000000000 });
    expect(readTimer(storage(null), 'k')).toBeNull();
    expect(readTimer(storage('not json'), 'k')).toBeNull();
    expect(readTimer(storage('{"startedAt":"yesterday"}'), 'k')).toBeNull();
  });
});

describe('TicketTimers', () => {
  let timers: TicketTimers;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient()] });
    TestBed.inject(AppConfigService).use(signedIn(['Psa.TimeEntries']));
    timers = TestBed.inject(TicketTimers);
  });

  it('keeps a running timer in localStorage per person and ticket, so a reload finds it', () => {
    timers.start('t1', 1_000_000);

    expect(localStorage.getItem(timerKey('u1', 't1'))).toBe('{"startedAt":1000000}');
    expect(timers.startedAt('t1')).toBe(1_000_000);
    expect(timers.startedAt('t2')).toBeNull();
    expect(TestBed.inject(TicketTimers).startedAt('t1')).toBe(1_000_000);
  });

  it('reports the minutes to log without forgetting the timer, until it is cleared', () => {
    timers.start('t1', 0);

    expect(timers.minutes('t1', 125_000)).toBe(3);
    expect(timers.startedAt('t1')).toBe(0);
    timers.clear('t1');
    expect(timers.minutes('t1', 125_000)).toBeNull();
    expect(localStorage.getItem(timerKey('u1', 't1'))).toBeNull();
  });
});
