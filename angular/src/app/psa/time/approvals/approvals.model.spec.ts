import { ApprovalQueueDto, TimeEntryDto } from '../../api/psa.models';
import { groupQueue, keepShown, refusalsByEntry, selectionState, selectionTotals, toggleEntry, toggleMany } from './approvals.model';

function entry(id: string, technicianId: string, minutes: number, billable = true): TimeEntryDto {
  return {
    id, technicianId, technicianName: technicianId === 'tom' ? 'Tom Tech' : 'Una User', kind: 'Internal', ticketId: null, ticketNumber: null,
    clientId: null, clientName: null, workDate: '2026-03-02', durationMinutes: minutes, description: 'Work', billable, status: 'Submitted',
    rejectionReason: null, invoiceId: null, creationTime: '2026-03-02T09:00:00Z', concurrencyStamp: 's',
  };
}

const queue: ApprovalQueueDto = {
  groups: [
    { technicianId: 'tom', technicianName: 'Tom Tech', entryCount: 3, totalMinutes: 150, billableMinutes: 90, oldestWorkDate: '2026-02-27' },
    { technicianId: 'una', technicianName: 'Una User', entryCount: 1, totalMinutes: 30, billableMinutes: 0, oldestWorkDate: '2026-03-01' },
    { technicianId: 'vic', technicianName: 'Vic Later', entryCount: 5, totalMinutes: 300, billableMinutes: 300, oldestWorkDate: '2026-03-02' },
  ],
  items: [entry('a', 'tom', 60), entry('b', 'una', 30, false), entry('c', 'tom', 30), entry('d', 'tom', 60, false)],
  totalCount: 9,
};

describe('the approval queue', () => {
  it('groups the page by technician with the server totals, billable and non-billable', () => {
    const groups = groupQueue(queue);

    expect(groups.map((g) => [g.technicianName, g.entries.map((e) => e.id), g.billableMinutes, g.nonBillableMinutes])).toEqual([
      ['Tom Tech', ['a', 'c', 'd'], 90, 60],
      ['Una User', ['b'], 0, 30],
      ['Vic Later', [], 300, 0], // waiting on another page
    ]);
  });

  it('selects one, a group or everything, and a second click on a full group clears it', () => {
    const [tom, una] = groupQueue(queue);
    let selected = toggleEntry(new Set(), 'a');
    expect(selectionState(selected, tom.entries)).toBe('some');

    selected = toggleMany(selected, tom.entries);
    expect(selectionState(selected, tom.entries)).toBe('all');
    expect(selectionState(selected, una.entries)).toBe('none');
    expect(selectionState(selected, queue.items)).toBe('some');

    selected = toggleMany(selected, tom.entries);
    expect([...selected]).toEqual([]);

    selected = toggleMany(selected, queue.items);
    expect(selectionState(selected, queue.items)).toBe('all');
    expect(toggleEntry(selected, 'b').has('b')).toBe(false);
  });

  it('totals the selection and forgets entries no longer shown', () => {
    const selected = new Set(['a', 'b', 'gone']);
    expect(selectionTotals(selected, queue.items)).toEqual({ count: 2, minutes: 90, billable: 60, nonBillable: 30, ids: ['a', 'b'] });
    expect([...keepShown(selected, queue.items)]).toEqual(['a', 'b']);
  });

  it('reads refusals back onto the entries they name', () => {
    expect(refusalsByEntry({ 'ids[1]': ['You cannot approve your own time.'], 'ids[7]': ['?'], reason: ['Required'] }, ['a', 'b']))
      .toEqual({ b: 'You cannot approve your own time.' });
  });
});
