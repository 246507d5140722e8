import { TicketStatus } from '../api/psa.models';

export interface TicketAction {
  to: TicketStatus;
  /** The button's text, a verb: "Start work", "Resolve", "Reopen". */
  label: string;
  icon: string;
  /** The usual next step gets the filled button. */
  primary: boolean;
}

const ACTIVE: TicketStatus[] = ['Open', 'InProgress', 'WaitingOnCustomer', 'Escalated'];

/** What moving a ticket from `from` to `to` is called on its button. */
export function transitionLabel(from: TicketStatus, to: TicketStatus): string {
  switch (to) {
    case 'Open': return 'Reopen';
    case 'InProgress': return from === 'Open' ? 'Start work' : ACTIVE.includes(from) ? 'Resume work' : 'Reopen and start work';
    case 'WaitingOnCustomer': return 'Wait on customer';
    case 'Escalated': return 'Escalate';
    case 'Resolved': return 'Resolve';
    case 'Closed': return 'Close ticket';
  }
}

const ICONS: Record<TicketStatus, string> = {
  Open: 'replay', InProgress: 'play_arrow', WaitingOnCustomer: 'hourglass_top', Escalated: 'priority_high', Resolved: 'task_alt', Closed: 'lock',
};

/** The usual next step from each status. */
const NEXT: Record<TicketStatus, TicketStatus> = {
  Open: 'InProgress', InProgress: 'Resolved', WaitingOnCustomer: 'InProgress', Escalated: 'Resolved', Resolved: 'Closed', Closed: 'Open',
};

/** The buttons for the API's `allowedTransitions`, in lifecycle order, the usual next step marked primary. */
export function ticketActions(from: TicketStatus, allowed: readonly TicketStatus[]): TicketAction[] {
  const order: TicketStatus[] = ['InProgress', 'WaitingOnCustomer', 'Escalated', 'Resolved', 'Closed', 'Open'];
  return order
    .filter((to) => allowed.includes(to))
    .map((to) => ({ to, label: transitionLabel(from, to), icon: ICONS[to], primary: NEXT[from] === to }));
}
