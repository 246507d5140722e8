import { ticketActions, transitionLabel } from './ticket-lifecycle';

describe('ticket lifecycle buttons', () => {
  it('name each move as a verb', () => {
    expect(transitionLabel('Open', 'InProgress')).toBe('Start work');
    expect(transitionLabel('WaitingOnCustomer', 'InProgress')).toBe('Resume work');
    expect(transitionLabel('Resolved', 'InProgress')).toBe('Reopen and start work');
    expect(transitionLabel('Closed', 'Open')).toBe('Reopen');
    expect(transitionLabel('Escalated', 'Resolved')).toBe('Resolve');
  });

  it('offer exactly the allowed moves in lifecycle order, the usual next one primary', () => {
    const open = ticketActions('Open', ['InProgress', 'WaitingOnCustomer', 'Escalated', 'Resolved', 'Closed']);
    expect(open.map((a) => a.label)).toEqual(['Start work', 'Wait on customer', 'Escalate', 'Resolve', 'Close ticket']);
    expect(open.filter((a) => a.primary).map((a) => a.to)).toEqual(['InProgress']);

    const resolved = ticketActions('Resolved', ['Closed', 'Open', 'InProgress']);
    expect(resolved.map((a) => a.label)).toEqual(['Reopen and start work', 'Close ticket', 'Reopen']);
    expect(resolved.find((a) => a.primary)?.to).toBe('Closed');

    expect(ticketActions('Closed', ['Open'])).toEqual([{ to: 'Open', label: 'Reopen', icon: 'replay', primary: true }]);
  });
});
