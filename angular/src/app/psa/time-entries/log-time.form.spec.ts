import { TimeEntryDto } from '../api/psa.models';
import { LogTimeData, latestWorkDate, logTimeDefaults, targetLabel, toLogRequest, toUpdateRequest } from './log-time.form';

const ticket: LogTimeData['ticket'] = { id: 't1', number: 'T-000123', title: 'Mailbox full', clientId: 'c1', clientName: 'Contoso' };

function entry(patch: Partial<TimeEntryDto> = {}): TimeEntryDto {
  return {
    id: 'e1', technicianId: 'u1', technicianName: 'Ada', kind: 'Ticket', ticketId: 't1', ticketNumber: 'T-000123', clientId: 'c1', clientName: 'Contoso',
    workDate: '2026-03-02', durationMinutes: 95, description: 'Raised the quota', billable: false, status: 'Rejected', rejectionReason: 'Wrong day',
    invoiceId: null, creationTime: '2026-03-02T10:00:00Z', concurrencyStamp: 'stamp', ...patch,
  };
}

describe('the Log time form defaults', () => {
  it('start from the ticket, today in the organisation and the client\'s billable default', () => {
    expect(logTimeDefaults({ ticket }, '2026-03-02', false)).toEqual({
      workDate: '2026-03-02', durationMinutes: '', description: '', billable: false, billableKnown: true, internal: false,
    });
    expect(logTimeDefaults({ ticket }, '2026-03-02', true).billable).toBe(true);
  });

  it('say billable but leave it to the API while the client\'s default is unknown', () => {
    expect(logTimeDefaults({ client: { id: 'c1', name: 'Contoso' } }, '2026-03-02', null)).toMatchObject({ billable: true, billableKnown: false });
  });

  it('write a stopped timer\'s minutes as people type them', () => {
    expect(logTimeDefaults({ ticket, minutes: 90 }, '2026-03-02', true).durationMinutes).toBe('1h 30m');
    expect(logTimeDefaults({ ticket, minutes: 1 }, '2026-03-02', true).durationMinutes).toBe('1m');
  });

  it('take a given work date over today', () => {
    expect(logTimeDefaults({ ticket, workDate: '2026-02-27' }, '2026-03-02', true).workDate).toBe('2026-02-27');
  });

  it('make internal work (no ticket, no client) never billable', () => {
    expect(logTimeDefaults({}, '2026-03-02', null)).toMatchObject({ billable: false, billableKnown: true, internal: true });
  });

  it('show an edited entry as it is', () => {
    expect(logTimeDefaults({ entry: entry() }, '2026-03-09', true)).toEqual({
      workDate: '2026-03-02', durationMinutes: '1h 35m', description: 'Raised the quota', billable: false, billableKnown: true, internal: false,
    });
  });

  it('allow work dates up to a week ahead', () => {
    expect(latestWorkDate('2026-12-28')).toBe('2027-01-04');
  });
});

describe('the Log time requests', () => {
  const value = { workDate: '2026-03-02', durationMinutes: '1h 30m', description: '  Archived old mail ', billable: true };

  it('log ticket time by the ticket alone, with minutes parsed and the description trimmed', () => {
    expect(toLogRequest({ ticket }, value, { submit: true, billableKnown: true, billableTouched: false })).toEqual({
      ticketId: 't1', clientId: null, workDate: '2026-03-02', durationMinutes: 90, description: 'Archived old mail', billable: true, submit: true,
    });
  });

  it('log client work by the client', () => {
    expect(toLogRequest({ client: { id: 'c1', name: 'Contoso' } }, { ...value, durationMinutes: '1.5' }, { submit: false, billableKnown: true, billableTouched: false }))
      .toMatchObject({ ticketId: null, clientId: 'c1', durationMinutes: 90, submit: false });
  });

  it('leave billable to the API only when its default was unknown and the box untouched', () => {
    const request = (billableKnown: boolean, billableTouched: boolean) => toLogRequest({ ticket }, value, { submit: false, billableKnown, billableTouched }).billable;
    expect(request(false, false)).toBeNull();
    expect(request(false, true)).toBe(true);
    expect(request(true, false)).toBe(true);
  });

  it('change an entry with its stamp and its own target', () => {
    expect(toUpdateRequest(entry(), { ...value, durationMinutes: '1:45', billable: false })).toEqual({
      ticketId: 't1', clientId: null, workDate: '2026-03-02', durationMinutes: 105, description: 'Archived old mail', billable: false, concurrencyStamp: 'stamp',
    });
  });

  it('name what the time is for', () => {
    expect(targetLabel({ ticket })).toBe('T-000123 · Mailbox full (Contoso)');
    expect(targetLabel({ client: { id: 'c1', name: 'Contoso' } })).toBe('Contoso (no ticket)');
    expect(targetLabel({ entry: entry({ ticketId: null, ticketNumber: null }) })).toBe('Contoso (no ticket)');
    expect(targetLabel({})).toBe('Internal work (never billable)');
  });
});
