/**
 * The week grid's logic, free of Angular so it can be tested on its own: which rows a week has, what each cell holds,
 * the row, day and week totals, copying last week's rows, turning the grid into one timesheet save, and putting the
 * API's per-row errors (`entries[3].durationMinutes`) back on the cells they came from.
 *
 * A row is one thing worked on with one billable flag: a ticket, a client without a ticket, or internal work (never
 * billable). A cell is a row's day. A cell can be typed into when it is empty or holds exactly one Draft or Rejected
 * entry; a cell holding submitted, approved or invoiced time, or several entries, shows its total read-only.
 */
import { formatDuration, parseDuration } from '../../../core/format/duration';
import { addDays } from '../../../core/format/org-format.service';
import { TimeEntryDto, TimeEntryKind } from '../../api/psa.models';
import { SaveTimesheetRequest, TimesheetDeleteRequest, TimesheetRowRequest } from '../../api/timesheet.api';

export const DAYS_IN_WEEK = 7;

/**
 * The first day of the organisation's week, as `Date.getUTCDay()` numbers it (0 = Sunday, 1 = Monday). The
 * organisation settings have no week start yet, so weeks run Monday to Sunday (ISO); every function takes it as a
 * parameter, so a setting only has to be passed in.
 */
export const DEFAULT_WEEK_START = 1;

/** The first day of the week holding `workDate` (`yyyy-mm-dd`). */
export function weekStartOf(workDate: string, weekStartDay = DEFAULT_WEEK_START): string {
  const weekday = new Date(`${workDate}T00:00:00Z`).getUTCDay();
  return addDays(workDate, -((weekday - weekStartDay + DAYS_IN_WEEK) % DAYS_IN_WEEK));
}

/** The seven work dates of the week starting on `start`. */
export function weekDays(start: string): string[] {
  return Array.from({ length: DAYS_IN_WEEK }, (_, i) => addDays(start, i));
}

/** `?week=` as the URL has it: any date of a week means that week; missing or malformed means the week of `today`. */
export function readWeekParam(value: string | null | undefined, today: string, weekStartDay = DEFAULT_WEEK_START): string {
  const valid = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
    && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
  return weekStartOf(valid ? value : today, weekStartDay);
}

export interface RowTarget {
  kind: TimeEntryKind;
  ticketId: string | null;
  ticketNumber: string | null;
  /** Known for rows added from the ticket picker; entries carry only the number. */
  ticketTitle: string | null;
  clientId: string | null;
  clientName: string | null;
}

export interface SheetCell {
  /** The entries saved in this cell (usually none or one). */
  entries: TimeEntryDto[];
  /** What the cell shows or what was typed: `1:30`, `1.5`, `90m`… ('' = empty). */
  input: string;
  /** The description typed for this cell's entry; '' means the row's description. */
  description: string;
}

export interface SheetRow {
  /** Stable while the week is open: the target and billable flag the row started with. */
  id: string;
  target: RowTarget;
  billable: boolean;
  /** Used for new cells without their own description: the row's latest entry's, or what was typed when adding it. */
  description: string;
  cells: SheetCell[];
}

export interface CellRef {
  rowId: string;
  day: number;
}

export const cellKey = (ref: CellRef): string => `${ref.rowId}|${ref.day}`;

export const INTERNAL: RowTarget = { kind: 'Internal', ticketId: null, ticketNumber: null, ticketTitle: null, clientId: null, clientName: null };

export function rowId(target: RowTarget, billable: boolean): string {
  const what = target.kind === 'Ticket' ? target.ticketId : target.kind === 'Client' ? target.clientId : '';
  return `${target.kind}:${what}:${billable && target.kind !== 'Internal' ? 'billable' : 'non-billable'}`;
}

export function targetOf(entry: TimeEntryDto): RowTarget {
  return {
    kind: entry.kind,
    ticketId: entry.kind === 'Ticket' ? entry.ticketId : null,
    ticketNumber: entry.kind === 'Ticket' ? entry.ticketNumber : null,
    ticketTitle: null,
    clientId: entry.kind === 'Internal' ? null : entry.clientId,
    clientName: entry.kind === 'Internal' ? null : entry.clientName,
  };
}

/** A short name for a row, unique within a week: `T-000012`, `Contoso (non-billable)`, `Internal`. */
export function rowName(row: Pick<SheetRow, 'target' | 'billable'>): string {
  const { target } = row;
  const base = target.kind === 'Ticket' ? (target.ticketNumber ?? 'Ticket') : target.kind === 'Client' ? (target.clientName ?? 'Client') : 'Internal';
  return target.kind !== 'Internal' && !row.billable ? `${base} (non-billable)` : base;
}

/** Submitted and approved time waits for or has had review; invoiced time is locked for everyone. */
export function isLocked(entry: TimeEntryDto): boolean {
  return entry.invoiceId !== null || entry.status === 'Submitted' || entry.status === 'Approved';
}

export function isEditableCell(cell: SheetCell): boolean {
  return cell.entries.length === 0 || (cell.entries.length === 1 && !isLocked(cell.entries[0]));
}

function emptyCells(): SheetCell[] {
  return Array.from({ length: DAYS_IN_WEEK }, () => ({ entries: [], input: '', description: '' }));
}

export function emptyRow(target: RowTarget, billable: boolean, description: string): SheetRow {
  const rowBillable = target.kind !== 'Internal' && billable;
  return { id: rowId(target, rowBillable), target, billable: rowBillable, description: description.trim(), cells: emptyCells() };
}

const KIND_ORDER: Record<TimeEntryKind, number> = { Ticket: 0, Client: 1, Internal: 2 };

function compareRows(a: SheetRow, b: SheetRow): number {
  return KIND_ORDER[a.target.kind] - KIND_ORDER[b.target.kind]
    || rowName(a).localeCompare(rowName(b), undefined, { numeric: true })
    || Number(b.billable) - Number(a.billable);
}

function newestFirst(a: TimeEntryDto, b: TimeEntryDto): number {
  return b.workDate.localeCompare(a.workDate) || b.creationTime.localeCompare(a.creationTime);
}

/** The rows a set of entries makes, each with the newest entry's description, sorted tickets, clients, internal. */
function rowsOf(entries: TimeEntryDto[]): SheetRow[] {
  const rows = new Map<string, SheetRow>();
  for (const entry of [...entries].sort(newestFirst)) {
    const target = targetOf(entry);
    const id = rowId(target, entry.billable);
    if (!rows.has(id)) rows.set(id, emptyRow(target, entry.billable, entry.description));
  }
  return [...rows.values()].sort(compareRows);
}

/** The grid of a week from its entries (entries outside the week are ignored). */
export function buildRows(entries: TimeEntryDto[], weekStart: string): SheetRow[] {
  const days = weekDays(weekStart);
  const inWeek = entries.filter((e) => days.includes(e.workDate));
  const rows = rowsOf(inWeek);
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const entry of [...inWeek].sort((a, b) => a.creationTime.localeCompare(b.creationTime))) {
    byId.get(rowId(targetOf(entry), entry.billable))!.cells[days.indexOf(entry.workDate)].entries.push(entry);
  }
  for (const row of rows) {
    for (const cell of row.cells) {
      if (cell.entries.length === 0) continue;
      cell.input = formatDuration(cell.entries.reduce((sum, e) => sum + e.durationMinutes, 0));
      cell.description = cell.entries.length === 1 ? cell.entries[0].description : '';
    }
  }
  return rows;
}

/** What a row is for, whatever it started as: two rows with one key would be one row once saved. */
export function rowKey(row: Pick<SheetRow, 'target' | 'billable'>): string {
  return rowId(row.target, row.billable);
}

/** Adds a row unless the week has it already (same target and billable flag). */
export function addRow(rows: SheetRow[], row: SheetRow): { rows: SheetRow[]; added: boolean } {
  const key = rowKey(row);
  if (rows.some((r) => rowKey(r) === key)) return { rows, added: false };
  // A row whose flag was switched keeps its first id; a new row for that id's target and flag gets its own.
  let id = row.id;
  for (let n = 2; rows.some((r) => r.id === id); n++) id = `${row.id}~${n}`;
  return { rows: [...rows, { ...row, id }], added: true };
}

/** "Copy last week's rows": the rows of last week's entries that this week lacks, empty (rows, not hours). */
export function copyRows(current: SheetRow[], lastWeek: TimeEntryDto[]): { rows: SheetRow[]; added: number } {
  const have = new Set(current.flatMap((row) => [row.id, rowKey(row)]));
  const copied = rowsOf(lastWeek).filter((row) => !have.has(row.id));
  return { rows: [...current, ...copied], added: copied.length };
}

/** A row can go while nothing is saved in it; saved time is cleared cell by cell instead. */
export function canRemoveRow(row: SheetRow): boolean {
  return row.cells.every((cell) => cell.entries.length === 0);
}

export function removeRow(rows: SheetRow[], id: string): SheetRow[] {
  return rows.filter((row) => row.id !== id || !canRemoveRow(row));
}

function updateCell(rows: SheetRow[], ref: CellRef, change: (cell: SheetCell) => SheetCell): SheetRow[] {
  return rows.map((row) => row.id !== ref.rowId || !isEditableCell(row.cells[ref.day])
    ? row
    : { ...row, cells: row.cells.map((cell, day) => (day === ref.day ? change(cell) : cell)) });
}

export function setCellInput(rows: SheetRow[], ref: CellRef, input: string): SheetRow[] {
  return updateCell(rows, ref, (cell) => ({ ...cell, input }));
}

export function setCellDescription(rows: SheetRow[], ref: CellRef, description: string): SheetRow[] {
  return updateCell(rows, ref, (cell) => ({ ...cell, description }));
}

/** Internal rows are never billable; a row with locked time keeps the flag that time was approved with. */
export function canToggleBillable(row: SheetRow): boolean {
  return row.target.kind !== 'Internal' && row.cells.every((cell) => isEditableCell(cell));
}

/** Flips a row's billable flag, unless another row already is that target with that flag. */
export function setRowBillable(rows: SheetRow[], id: string, billable: boolean): SheetRow[] {
  const row = rows.find((r) => r.id === id);
  if (!row || !canToggleBillable(row)) return rows;
  const key = rowId(row.target, billable);
  if (rows.some((r) => r.id !== id && rowKey(r) === key)) return rows;
  return rows.map((r) => (r.id === id ? { ...r, billable } : r));
}

/** The description a cell's entry is saved with. */
export function cellDescription(row: SheetRow, cell: SheetCell): string {
  return cell.description.trim() || row.description;
}

/** Minutes a cell counts: what is typed in an editable cell (nothing while unreadable), saved time otherwise. */
export function cellMinutes(cell: SheetCell): number {
  if (!isEditableCell(cell)) return cell.entries.reduce((sum, e) => sum + e.durationMinutes, 0);
  const parsed = parseDuration(cell.input);
  return parsed.ok ? parsed.minutes : 0;
}

function cellBillableMinutes(row: SheetRow, cell: SheetCell): number {
  if (!isEditableCell(cell)) return cell.entries.filter((e) => e.billable).reduce((sum, e) => sum + e.durationMinutes, 0);
  return row.billable ? cellMinutes(cell) : 0;
}

export function rowTotal(row: SheetRow): number {
  return row.cells.reduce((sum, cell) => sum + cellMinutes(cell), 0);
}

export function dayTotals(rows: SheetRow[]): number[] {
  return Array.from({ length: DAYS_IN_WEEK }, (_, day) => rows.reduce((sum, row) => sum + cellMinutes(row.cells[day]), 0));
}

export function weekTotals(rows: SheetRow[]): { total: number; billable: number; nonBillable: number } {
  let total = 0;
  let billable = 0;
  for (const row of rows) {
    for (const cell of row.cells) {
      total += cellMinutes(cell);
      billable += cellBillableMinutes(row, cell);
    }
  }
  return { total, billable, nonBillable: total - billable };
}

/** The entries of the week that can be submitted: Draft or Rejected, not invoiced. */
export function submittableEntries(rows: SheetRow[]): TimeEntryDto[] {
  return rows.flatMap((row) => row.cells.flatMap((cell) => cell.entries)).filter((e) => !isLocked(e));
}

export function rejectedEntries(rows: SheetRow[]): { row: SheetRow; day: number; entry: TimeEntryDto }[] {
  return rows.flatMap((row) => row.cells.flatMap((cell, day) => cell.entries.filter((e) => e.status === 'Rejected').map((entry) => ({ row, day, entry }))));
}

/** One save of the grid: the request, which cell each row and deletion came from, and problems found before sending. */
export interface SavePlan {
  request: SaveTimesheetRequest;
  entryCells: CellRef[];
  deleteCells: CellRef[];
  /** Cell key → why the cell cannot be saved as it is (nothing is sent while there are any). */
  problems: Record<string, string>;
}

/**
 * Turns the grid into one timesheet save: a typed empty cell is a new entry, a changed cell a change (with the stamp
 * read), an emptied cell a deletion. Unchanged cells are not sent, unless `submit`: then every Draft or Rejected
 * entry of the week is sent and submitted, so saving and submitting the week is one all-or-nothing request.
 */
export function planSave(rows: SheetRow[], days: string[], options: { submit?: boolean } = {}): SavePlan {
  const plan: SavePlan = { request: { entries: [], deletes: [] }, entryCells: [], deleteCells: [], problems: {} };
  const submit = options.submit ?? false;
  for (const row of rows) {
    row.cells.forEach((cell, day) => {
      const ref = { rowId: row.id, day };
      if (!isEditableCell(cell)) {
        // A cell holding several entries is read-only here, but its drafts are still part of the week to submit.
        if (submit) {
          for (const entry of cell.entries.filter((e) => !isLocked(e))) {
            plan.request.entries.push({ ...asRow(entry), submit: true });
            plan.entryCells.push(ref);
          }
        }
        return;
      }
      const existing = cell.entries[0] ?? null;
      const text = cell.input.trim();
      if (!text) {
        if (existing) {
          plan.request.deletes.push({ id: existing.id, concurrencyStamp: existing.concurrencyStamp } satisfies TimesheetDeleteRequest);
          plan.deleteCells.push(ref);
        }
        return;
      }
      const parsed = parseDuration(text);
      if (!parsed.ok) {
        plan.problems[cellKey(ref)] = parsed.error;
        return;
      }
      const description = cellDescription(row, cell);
      if (!description) {
        plan.problems[cellKey(ref)] = 'Describe the work: press Enter in the cell to add a description.';
        return;
      }
      const billable = row.target.kind !== 'Internal' && row.billable;
      if (existing && !submit && existing.durationMinutes === parsed.minutes && existing.description === description && existing.billable === billable) return;
      plan.request.entries.push({
        id: existing?.id ?? null,
        concurrencyStamp: existing?.concurrencyStamp ?? null,
        ticketId: row.target.kind === 'Ticket' ? row.target.ticketId : null,
        clientId: row.target.kind === 'Client' ? row.target.clientId : null,
        workDate: days[day],
        durationMinutes: parsed.minutes,
        description,
        billable,
        submit,
      } satisfies TimesheetRowRequest);
      plan.entryCells.push(ref);
    });
  }
  return plan;
}

/** An entry sent back as it is (to submit it). */
function asRow(entry: TimeEntryDto): TimesheetRowRequest {
  return {
    id: entry.id, concurrencyStamp: entry.concurrencyStamp, ticketId: entry.kind === 'Ticket' ? entry.ticketId : null,
    clientId: entry.kind === 'Client' ? entry.clientId : null, workDate: entry.workDate, durationMinutes: entry.durationMinutes,
    description: entry.description, billable: entry.billable, submit: false,
  };
}

export function hasChanges(plan: SavePlan): boolean {
  return plan.request.entries.length + plan.request.deletes.length > 0 || Object.keys(plan.problems).length > 0;
}

/**
 * The API's field errors of a save put back on their cells: `entries[i].…` on the cell row i came from, `deletes[i].…`
 * on the cleared cell. Anything else (a whole-request error) is returned to be shown above the grid.
 */
export function mapSaveErrors(errors: Record<string, string[]> | undefined, plan: SavePlan): { cells: Record<string, string>; unmatched: string[] } {
  const cells: Record<string, string> = {};
  const unmatched: string[] = [];
  for (const [path, messages] of Object.entries(errors ?? {})) {
    const match = /^(entries|deletes)\[(\d+)\]/.exec(path);
    const ref = match ? (match[1] === 'entries' ? plan.entryCells : plan.deleteCells)[Number(match[2])] : undefined;
    const message = messages.join(' ');
    if (ref) {
      const key = cellKey(ref);
      cells[key] = cells[key] ? `${cells[key]} ${message}` : message;
    } else {
      unmatched.push(message);
    }
  }
  return { cells, unmatched };
}
