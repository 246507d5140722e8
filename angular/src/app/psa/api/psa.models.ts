/** DTOs of the PSA module (Regentra.Psa.Contracts); enums travel as their names. */

export type TicketStatus = 'Open' | 'InProgress' | 'WaitingOnCustomer' | 'Escalated' | 'Resolved' | 'Closed';
export type TicketPriority = 'Low' | 'Normal' | 'High' | 'Urgent';
export type TimeEntryStatus = 'Draft' | 'Submitted' | 'Approved' | 'Rejected';
export type TimeEntryKind = 'Ticket' | 'Client' | 'Internal';

export const OPEN_TICKET_STATUSES: TicketStatus[] = ['Open', 'InProgress', 'WaitingOnCustomer', 'Escalated'];

export const TICKET_STATUSES: TicketStatus[] = ['Open', 'InProgress', 'WaitingOnCustomer', 'Escalated', 'Resolved', 'Closed'];
export const TICKET_PRIORITIES: TicketPriority[] = ['Low', 'Normal', 'High', 'Urgent'];
export const TIME_ENTRY_STATUSES: TimeEntryStatus[] = ['Draft', 'Submitted', 'Approved', 'Rejected'];

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  Open: 'Open',
  InProgress: 'In progress',
  WaitingOnCustomer: 'Waiting on customer',
  Escalated: 'Escalated',
  Resolved: 'Resolved',
  Closed: 'Closed',
};

export interface ClientDto {
  id: string;
  name: string;
  billingEmail: string | null;
  address: string | null;
  currency: string;
  notes: string | null;
  /** Whether time logged for the client starts out billable. */
  billableByDefault: boolean;
  isActive: boolean;
  creationTime: string;
  concurrencyStamp: string;
}

export interface CreateClientRequest {
  name: string;
  billingEmail: string | null;
  address: string | null;
  currency: string | null;
  notes: string | null;
  /** Left out: billable (on create) or unchanged (on update). */
  billableByDefault?: boolean | null;
}

export interface UpdateClientRequest extends CreateClientRequest {
  concurrencyStamp: string;
}

export interface TicketDto {
  id: string;
  number: string;
  clientId: string;
  clientName: string;
  title: string;
  priority: TicketPriority;
  status: TicketStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  creationTime: string;
  lastModificationTime: string | null;
}

export interface TicketTimeSummary {
  totalMinutes: number;
  billableMinutes: number;
  minutesByStatus: Partial<Record<TimeEntryStatus, number>>;
}

/** Mirrors Regentra.Psa.Contracts.Tickets.AssigneeDto (GET /api/psa/assignees): an active member. */
export interface AssigneeDto {
  id: string;
  name: string;
}

export interface TicketDetailDto {
  id: string;
  number: string;
  clientId: string;
  clientName: string;
  title: string;
  description: string | null;
  priority: TicketPriority;
  status: TicketStatus;
  allowedTransitions: TicketStatus[];
  assigneeId: string | null;
  assigneeName: string | null;
  creationTime: string;
  resolvedAt: string | null;
  closedAt: string | null;
  time: TicketTimeSummary;
  concurrencyStamp: string;
}

export interface CreateTicketRequest {
  clientId: string;
  title: string;
  description: string | null;
  priority: TicketPriority | null;
  assigneeId: string | null;
}

export interface UpdateTicketRequest extends CreateTicketRequest {
  concurrencyStamp: string;
}

export interface TimeEntryDto {
  id: string;
  technicianId: string;
  technicianName: string;
  kind: TimeEntryKind;
  ticketId: string | null;
  ticketNumber: string | null;
  clientId: string | null;
  clientName: string | null;
  /** A calendar day, `yyyy-mm-dd`, in the organisation's time zone. */
  workDate: string;
  durationMinutes: number;
  description: string;
  billable: boolean;
  status: TimeEntryStatus;
  rejectionReason: string | null;
  invoiceId: string | null;
  creationTime: string;
  concurrencyStamp: string;
}

export interface LogTimeEntryRequest {
  ticketId: string | null;
  clientId: string | null;
  workDate: string;
  durationMinutes: number;
  description: string;
  billable: boolean | null;
  submit?: boolean;
}

export interface UpdateTimeEntryRequest extends Omit<LogTimeEntryRequest, 'submit'> {
  concurrencyStamp: string;
}

/** Mirrors TimeEntrySummaryDto (GET /api/psa/time-entries/summary): totals over every page of a filtered list. */
export interface TimeEntrySummaryDto {
  entryCount: number;
  totalMinutes: number;
  billableMinutes: number;
  nonBillableMinutes: number;
  minutesByStatus: Partial<Record<TimeEntryStatus, number>>;
}

export interface BulkLogTimeEntriesResponse {
  entries: TimeEntryDto[];
  totalMinutes: number;
}

export interface TimeEntriesChangedResponse {
  entries: TimeEntryDto[];
}

export interface TimeEntryTransitionDto {
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  from: TimeEntryStatus | null;
  to: TimeEntryStatus;
  reason: string | null;
}

export interface ApprovalGroupDto {
  technicianId: string;
  technicianName: string;
  entryCount: number;
  totalMinutes: number;
  billableMinutes: number;
  oldestWorkDate: string;
}

export interface ApprovalQueueDto {
  groups: ApprovalGroupDto[];
  items: TimeEntryDto[];
  totalCount: number;
}
