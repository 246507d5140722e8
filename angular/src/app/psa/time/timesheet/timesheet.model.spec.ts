import { TimeEntryDto } from '../../api/psa.models';
import {
  INTERNAL, RowTarget, SheetRow, addRow, buildRows, canRemoveRow, cellKey, copyRows, dayTotals, emptyRow, hasChanges, mapSaveErrors,
  planSave, readWeekParam, rejectedEntries, removeRow, rowName, rowTotal, setCellDescription, setCellInput, setRowBillable,
  submittableEntries, weekDays, weekStartOf, weekTotals,
} from './timesheet.model';

const MONDAY = '2026-03-02';
const DAYS = weekDays(MONDAY);
const TICKET: RowTarget = { kind: 'Ticket', ticketId: 'tk1', ticketNumber: 'T-000001', ticketTitle: null, clientId: 'c1', clientName: 'Contoso' };
const CLIENT: RowTarget = { kind: 'Client', ticketId: null, ticketNumber: null, ticketTitle: null, clientId: 'c2', clientName: 'Fabrikam' };

let sequence = 0;
function entry(overrides: Partial<TimeEntryDto> = {}): TimeEntryDto {
  sequence++;
  return {
    id: `e${sequence}`, technicianId: 'u1', technicianName: 'Tom Tech', kind: 'Ticket', ticketId: 'tk1', ticketNumber: 'T-000001',
    clientId: 'c1', clientName: 'Contoso', workDate: MONDAY, durationMinutes: 60, description: 'Fixed the printer', billable: true,
    status: 'Draft', rejectionReason: null, invoiceId: null, creationTime: `2026-03-02T09:00:${String(sequence % 60).padStart(2, '0')}Z`,
    concurrencyStamp: `s${sequence}`, ...overrides,
  };
}
const internal = (overrides: Partial<TimeEntryDto> = {}) =>
  entry({ kind: 'Internal', ticketId: null, ticketNumber: null, clientId: null, clientName: null, billable: false, description: 'Training', ...overrides });
const client = (overrides: Partial<TimeEntryDto> = {}) =>
  entry({ kind: 'Client', ticketId: null, ticketNumber: null, clientId: 'c2', clientName: 'Fabrikam', description: 'Site visit', ...overrides });

describe('weeks', () => {
  it('start on the organisation week start day, Monday by default', () => {
    expect(weekStartOf('2026-03-02')).toBe('2026-03-02'); // a Monday
    expect(weekStartOf('2026-03-08')).toBe('2026-03-02'); // its Sunday
    expect(weekStartOf('2026-03-09')).toBe('2026-03-09');
    expect(weekStartOf('2026-03-08', 0)).toBe('2026-03-08'); // weeks starting on Sunday
    expect(weekStartOf('2026-03-07', 6)).toBe('2026-03-07'); // and on Saturday
    expect(weekStartOf('2026-03-06', 6)).toBe('2026-02-28');
  });

  it('have seven days across month ends', () => {
    expect(weekDays('2026-02-23')).toEqual(['2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01']);
  });

  it('come from the URL, falling back to the week of today', () => {
    expect(readWeekParam('2026-03-05', '2026-06-10')).toBe('2026-03-02');
    expect(readWeekParam(null, '2026-06-10')).toBe('2026-06-08');
    expect(readWeekParam('2026-02-30', '2026-06-10')).toBe('2026-06-08');
    expect(readWeekParam('next week', '2026-06-10')).toBe('2026-06-08');
  });
});

describe('building rows', () => {
  it('makes one row per ticket, client and internal work with one billable flag, and puts entries on their days', () => {
    const entries = [
      internal({ workDate: '2026-03-04', durationMinutes: 30 }),
      entry({ workDate: MONDAY, durationMinutes: 90 }),
      client({ workDate: '2026-03-03', billable: false }),
      entry({ workDate: '2026-03-08', durationMinutes: 15 }),
      client({ workDate: '2026-03-03' }),
      entry({ workDate: '2026-03-09' }), // next week: ignored
    ];

    const rows = buildRows(entries, MONDAY);

    expect(rows.map(rowName)).toEqual(['T-000001', 'Fabrikam', 'Fabrikam (non-billable)', 'Internal']);
    expect(rows[0].cells.map((c) => c.input)).toEqual(['1:30', '', '', '', '', '', '0:15']);
    expect(rows[3].cells[2]).toMatchObject({ input: '0:30', description: 'Training' });
    expect(rows[3].billable).toBe(false);
  });

  it('gives a row the description of its newest entry', () => {
    const rows = buildRows([entry({ workDate: MONDAY, description: 'Older' }), entry({ workDate: '2026-03-03', description: 'Newer' })], MONDAY);
    expect(rows[0].description).toBe('Newer');
  });

  it('totals a cell holding several entries and leaves its description to each entry', () => {
    const rows = buildRows([entry({ durationMinutes: 45 }), entry({ durationMinutes: 30 })], MONDAY);
    expect(rows[0].cells[0]).toMatchObject({ input: '1:15', description: '' });
    expect(rows[0].cells[0].entries).toHaveLength(2);
  });
});

describe('totals', () => {
  const rows = buildRows([
    entry({ workDate: MONDAY, durationMinutes: 90 }),
    entry({ workDate: '2026-03-03', durationMinutes: 60, status: 'Approved' }),
    client({ workDate: MONDAY, durationMinutes: 30, billable: false }),
    internal({ workDate: '2026-03-03', durationMinutes: 45 }),
  ], MONDAY);

  it('add up rows, days and the week, split billable and non-billable', () => {
    expect(rows.map(rowTotal)).toEqual([150, 30, 45]);
    expect(dayTotals(rows)).toEqual([120, 105, 0, 0, 0, 0, 0]);
    expect(weekTotals(rows)).toEqual({ total: 225, billable: 150, nonBillable: 75 });
  });

  it('follow what is typed, counting unreadable or cleared cells as nothing', () => {
    let edited = setCellInput(rows, { rowId: rows[2].id, day: 4 }, '1h 30m');
    edited = setCellInput(edited, { rowId: rows[0].id, day: 0 }, 'soon');
    expect(rowTotal(edited[2])).toBe(135);
    expect(rowTotal(edited[0])).toBe(60);
    expect(weekTotals(edited)).toEqual({ total: 225, billable: 60, nonBillable: 165 });
  });

  it('never change locked cells', () => {
    const edited = setCellInput(rows, { rowId: rows[0].id, day: 1 }, '8:00');
    expect(edited[0].cells[1].input).toBe('1:00');
  });
});

describe('rows', () => {
  it('are added once per target and billable flag', () => {
    const rows = buildRows([entry()], MONDAY);
    expect(addRow(rows, emptyRow(TICKET, true, 'More')).added).toBe(false);
    const added = addRow(rows, emptyRow(TICKET, false, 'Goodwill'));
    expect(added.added).toBe(true);
    expect(added.rows.map(rowName)).toEqual(['T-000001', 'T-000001 (non-billable)']);
  });

  it('are never billable when internal', () => {
    expect(emptyRow(INTERNAL, true, 'Training').billable).toBe(false);
    const rows = [emptyRow(INTERNAL, false, 'Training')];
    expect(setRowBillable(rows, rows[0].id, true)[0].billable).toBe(false);
  });

  it('switch billable unless it would duplicate another row or change locked time', () => {
    const rows = [emptyRow(CLIENT, true, 'Visit'), emptyRow(TICKET, true, 'Fix')];
    const flipped = setRowBillable(rows, rows[0].id, false);
    expect(flipped[0]).toMatchObject({ billable: false, id: rows[0].id });
    const withBillableTwin = addRow(flipped, emptyRow(CLIENT, true, 'x'));
    expect(withBillableTwin.added).toBe(true);
    expect(new Set(withBillableTwin.rows.map((r) => r.id)).size).toBe(3);
    expect(setRowBillable(withBillableTwin.rows, rows[0].id, true)[0].billable).toBe(false);
    const locked = buildRows([client({ status: 'Submitted' })], MONDAY);
    expect(setRowBillable(locked, locked[0].id, false)[0].billable).toBe(true);
  });

  it('can be removed only while nothing is saved in them', () => {
    const rows = [...buildRows([entry()], MONDAY), emptyRow(CLIENT, true, 'Visit')];
    expect(rows.map(canRemoveRow)).toEqual([false, true]);
    expect(removeRow(rows, rows[0].id)).toHaveLength(2);
    expect(removeRow(rows, rows[1].id).map(rowName)).toEqual(['T-000001']);
  });
});

describe("copying last week's rows", () => {
  const lastWeek = [
    entry({ workDate: '2026-02-23', description: 'Printer again' }),
    client({ workDate: '2026-02-24', durationMinutes: 300 }),
    internal({ workDate: '2026-02-25', description: 'Team meeting' }),
    internal({ workDate: '2026-02-26', description: 'Training course' }),
  ];

  it('adds the rows this week lacks, empty, with their newest descriptions', () => {
    const current = buildRows([entry({ workDate: '2026-03-03' })], MONDAY);

    const copied = copyRows(current, lastWeek);

    expect(copied.added).toBe(2);
    expect(copied.rows.map(rowName)).toEqual(['T-000001', 'Fabrikam', 'Internal']);
    expect(copied.rows[2].description).toBe('Training course');
    expect(copied.rows.slice(1).flatMap((r) => r.cells).every((c) => c.entries.length === 0 && c.input === '')).toBe(true);
    expect(weekTotals(copied.rows).total).toBe(60);
  });

  it('adds nothing twice', () => {
    const once = copyRows([], lastWeek).rows;
    expect(copyRows(once, lastWeek)).toEqual({ rows: once, added: 0 });
  });
});

describe('planning a save', () => {
  it('sends typed cells as new entries, changed cells with their stamp and cleared cells as deletions', () => {
    const saved = entry({ workDate: MONDAY, durationMinutes: 60 });
    const cleared = entry({ workDate: '2026-03-03', durationMinutes: 30 });
    const untouched = entry({ workDate: '2026-03-04', durationMinutes: 45 });
    let rows = [...buildRows([saved, cleared, untouched], MONDAY), emptyRow(INTERNAL, false, 'Training'), emptyRow(CLIENT, false, 'Goodwill visit')];
    rows = setCellInput(rows, { rowId: rows[0].id, day: 0 }, '1.5');
    rows = setCellInput(rows, { rowId: rows[0].id, day: 1 }, ' ');
    rows = setCellInput(rows, { rowId: rows[1].id, day: 2 }, '90m');
    rows = setCellDescription(rows, { rowId: rows[1].id, day: 2 }, 'Security course');
    rows = setCellInput(rows, { rowId: rows[2].id, day: 6 }, '0:45');

    const plan = planSave(rows, DAYS);

    expect(plan.problems).toEqual({});
    expect(plan.request.entries).toEqual([
      { id: saved.id, concurrencyStamp: saved.concurrencyStamp, ticketId: 'tk1', clientId: null, workDate: MONDAY, durationMinutes: 90, description: 'Fixed the printer', billable: true, submit: false },
      { id: null, concurrencyStamp: null, ticketId: null, clientId: null, workDate: '2026-03-04', durationMinutes: 90, description: 'Security course', billable: false, submit: false },
      { id: null, concurrencyStamp: null, ticketId: null, clientId: 'c2', workDate: '2026-03-08', durationMinutes: 45, description: 'Goodwill visit', billable: false, submit: false },
    ]);
    expect(plan.request.deletes).toEqual([{ id: cleared.id, concurrencyStamp: cleared.concurrencyStamp }]);
    expect(plan.entryCells).toEqual([{ rowId: rows[0].id, day: 0 }, { rowId: rows[1].id, day: 2 }, { rowId: rows[2].id, day: 6 }]);
    expect(plan.deleteCells).toEqual([{ rowId: rows[0].id, day: 1 }]);
  });

  it('sends nothing for an untouched week, and every editable entry when submitting', () => {
    const rows = buildRows([entry(), entry({ workDate: '2026-03-03', status: 'Rejected', rejectionReason: 'Too long' }), entry({ workDate: '2026-03-04', status: 'Approved' })], MONDAY);
    expect(hasChanges(planSave(rows, DAYS))).toBe(false);
    const submitting = planSave(rows, DAYS, { submit: true });
    expect(submitting.request.entries.map((r) => [r.workDate, r.submit])).toEqual([[MONDAY, true], ['2026-03-03', true]]);
  });

  it('submits the drafts of a cell holding several entries as they are', () => {
    const drafts = [entry({ durationMinutes: 20 }), entry({ durationMinutes: 25, status: 'Submitted' }), entry({ durationMinutes: 30 })];
    const rows = buildRows(drafts, MONDAY);
    expect(planSave(rows, DAYS).request.entries).toEqual([]);
    const plan = planSave(rows, DAYS, { submit: true });
    expect(plan.request.entries.map((r) => [r.id, r.durationMinutes, r.concurrencyStamp, r.submit])).toEqual([
      [drafts[0].id, 20, drafts[0].concurrencyStamp, true], [drafts[2].id, 30, drafts[2].concurrencyStamp, true],
    ]);
    expect(plan.entryCells).toEqual([{ rowId: rows[0].id, day: 0 }, { rowId: rows[0].id, day: 0 }]);
  });

  it('flags unreadable durations and missing descriptions on their cells and sends none of the grid', () => {
    let rows = [emptyRow(CLIENT, true, ''), emptyRow(INTERNAL, false, 'Training')];
    rows = setCellInput(rows, { rowId: rows[0].id, day: 0 }, '2h');
    rows = setCellInput(rows, { rowId: rows[1].id, day: 1 }, 'lots');

    const plan = planSave(rows, DAYS);

    expect(Object.keys(plan.problems)).toEqual([cellKey({ rowId: rows[0].id, day: 0 }), cellKey({ rowId: rows[1].id, day: 1 })]);
    expect(plan.problems[cellKey({ rowId: rows[1].id, day: 1 })]).toMatch(/is not a duration/);
    expect(hasChanges(plan)).toBe(true);
  });

  it('lists what can be submitted and what was rejected', () => {
    const rejected = entry({ workDate: '2026-03-03', status: 'Rejected', rejectionReason: 'Split per ticket' });
    const rows = buildRows([entry(), rejected, entry({ workDate: '2026-03-04', status: 'Submitted' }), entry({ workDate: '2026-03-05', status: 'Draft', invoiceId: 'i1' })], MONDAY);
    expect(submittableEntries(rows).map((e) => e.workDate)).toEqual([MONDAY, '2026-03-03']);
    expect(rejectedEntries(rows).map((r) => [r.day, r.entry.rejectionReason])).toEqual([[1, 'Split per ticket']]);
  });
});

describe("mapping the API's errors", () => {
  let rows: SheetRow[];
  beforeEach(() => {
    rows = [...buildRows([internal({ workDate: '2026-03-03' })], MONDAY), emptyRow(CLIENT, true, 'Visit')];
    rows = setCellInput(rows, { rowId: rows[0].id, day: 0 }, '13:00');
    rows = setCellInput(rows, { rowId: rows[1].id, day: 0 }, '13:00');
    rows = setCellInput(rows, { rowId: rows[0].id, day: 1 }, '');
  });

  it('puts each row error on the cell it came from', () => {
    const plan = planSave(rows, DAYS);
    const mapped = mapSaveErrors({
      'entries[1].durationMinutes': ['Your time on 2026-03-02 would total 26h 00m; a day has 24 hours.'],
      'entries[1].clientId': ['The client is inactive.'],
      'deletes[0].id': ['Only Draft or Rejected entries can be changed.'],
      entries: ['Send between 1 and 1000 rows.'],
    }, plan);

    expect(mapped.cells).toEqual({
      [cellKey({ rowId: rows[1].id, day: 0 })]: 'Your time on 2026-03-02 would total 26h 00m; a day has 24 hours. The client is inactive.',
      [cellKey({ rowId: rows[0].id, day: 1 })]: 'Only Draft or Rejected entries can be changed.',
    });
    expect(mapped.unmatched).toEqual(['Send between 1 and 1000 rows.']);
  });

  it('keeps errors for rows it never sent off the grid', () => {
    const plan = planSave(rows, DAYS);
    expect(mapSaveErrors({ 'entries[9].workDate': ['Too far ahead.'] }, plan)).toEqual({ cells: {}, unmatched: ['Too far ahead.'] });
    expect(mapSaveErrors(undefined, plan)).toEqual({ cells: {}, unmatched: [] });
  });
});
