import { TICKET_STATUSES } from '../api/psa.models';
import { readPriorities, readStatuses, writePriorities, writeStatuses } from './ticket-filters';

describe('ticket filters in the URL', () => {
  it('read a comma-separated list in any case, in lifecycle order, dropping what they do not know', () => {
    expect(readStatuses('resolved, Open,Pending')).toEqual(['Open', 'Resolved']);
    expect(readStatuses('')).toEqual([]);
    expect(readPriorities('URGENT,high')).toEqual(['High', 'Urgent']);
  });

  it('write the chosen values in lifecycle order; none or all chosen is no filter', () => {
    expect(writeStatuses(['Escalated', 'Open'])).toBe('Open,Escalated');
    expect(writeStatuses([])).toBe('');
    expect(writeStatuses(TICKET_STATUSES)).toBe('');
    expect(writePriorities(['Urgent'])).toBe('Urgent');
  });

  it('round-trip through the URL', () => {
    for (const value of ['Open', 'InProgress,WaitingOnCustomer', 'Open,InProgress,WaitingOnCustomer,Escalated']) {
      expect(writeStatuses(readStatuses(value))).toBe(value);
    }
  });
});
