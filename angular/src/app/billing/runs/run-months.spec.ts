import { closedMonths, runProgress } from './run-months';

describe('month-end run helpers', () => {
  it('offers the closed months, newest first', () => {
    expect(closedMonths('2026-01-15', 3)).toEqual(['2025-12-01', '2025-11-01', '2025-10-01']);
  });

  it('shows progress as processed of total, unknown while queued or counting', () => {
    expect(runProgress({ status: 'Queued', processed: 0, totalClients: 0 })).toBeNull();
    expect(runProgress({ status: 'Running', processed: 0, totalClients: 0 })).toBeNull();
    expect(runProgress({ status: 'Running', processed: 1, totalClients: 3 })).toBe(33);
    expect(runProgress({ status: 'Completed', processed: 3, totalClients: 3 })).toBe(100);
    expect(runProgress({ status: 'Completed', processed: 0, totalClients: 0 })).toBe(100);
  });
});
