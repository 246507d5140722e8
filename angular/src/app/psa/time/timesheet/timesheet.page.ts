import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ActivatedRoute, Router } from '@angular/router';
import { catchError, firstValueFrom, map, of, switchMap, tap } from 'rxjs';
import { AppConfigService } from '../../../core/config/app-config.service';
import { ErrorService } from '../../../core/errors/error.service';
import { formatDuration, parseDuration } from '../../../core/format/duration';
import { DurationPipe, WorkDatePipe } from '../../../core/format/format.pipes';
import { addDays, OrgFormat } from '../../../core/format/org-format.service';
import { toProblem } from '../../../core/http/problem';
import { confirm } from '../../../core/ui/confirm-dialog';
import { EmptyState } from '../../../core/ui/empty-state';
import { Loading } from '../../../core/ui/loading';
import { PageHeader } from '../../../core/ui/page-header';
import { TimesheetApi } from '../../api/timesheet.api';
import { TimeEntriesApi } from '../../api/time-entries.api';
import { EntryStatus, statusText } from '../shared/entry-status';
import { AddRowData, AddRowDialog, AddRowResult } from './add-row.dialog';
import { TimeEntryList } from './time-entry-list';
import {
  CellRef, DEFAULT_WEEK_START, SavePlan, SheetCell, SheetRow, addRow, buildRows, canRemoveRow, canToggleBillable, cellKey,
  copyRows, dayTotals, emptyRow, hasChanges, isEditableCell, isLocked, mapSaveErrors, planSave, readWeekParam, rejectedEntries, removeRow,
  rowKey, rowName, rowTotal, setCellDescription, setCellInput, setRowBillable, submittableEntries, weekDays, weekTotals,
} from './timesheet.model';

/**
 * My timesheet (/time/timesheet): the week grid (?week=yyyy-mm-dd) or the list of the same entries (?view=list).
 * The grid is typed into cell by cell and saved in one all-or-nothing request; the API's per-row errors come back
 * onto their cells. The grid's logic lives in timesheet.model.ts; this component holds its state and the keyboard.
 */
@Component({
  selector: 'app-timesheet-page',
  imports: [
    DurationPipe, EmptyState, EntryStatus, Loading, MatButtonModule, MatButtonToggleModule, MatCheckboxModule, MatFormFieldModule, MatIconModule,
    MatInputModule, MatTooltipModule, PageHeader, TimeEntryList, WorkDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './timesheet.page.html',
  styleUrl: './timesheet.page.scss',
})
export class TimesheetPage {
  private readonly config = inject(AppConfigService);
  private readonly format = inject(OrgFormat);
  private readonly entriesApi = inject(TimeEntriesApi);
  private readonly timesheetApi = inject(TimesheetApi);
  private readonly errors = inject(ErrorService);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  private readonly me = this.config.user()?.id ?? '';
  private readonly params = toSignal(this.route.queryParamMap, { initialValue: this.route.snapshot.queryParamMap });
  private readonly weekStartDay = DEFAULT_WEEK_START;

  protected readonly view = computed(() => (this.params().get('view') === 'list' ? 'list' : 'week'));
  protected readonly weekStart = computed(() => readWeekParam(this.params().get('week'), this.format.today(), this.weekStartDay));
  protected readonly days = computed(() => weekDays(this.weekStart()));
  protected readonly isThisWeek = computed(() => this.days().includes(this.format.today()));
  protected readonly today = this.format.today();

  protected readonly rows = signal<SheetRow[]>([]);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly busy = signal(false);
  /** Cell key → the problem shown on that cell (found before sending, or the API's for that row). */
  protected readonly cellErrors = signal<Record<string, string>>({});
  protected readonly saveProblems = signal<string[]>([]);
  protected readonly active = signal<CellRef | null>(null);
  private readonly version = signal(0);
  private loadedWeek = '';

  protected readonly plan = computed(() => planSave(this.rows(), this.days()));
  protected readonly dirty = computed(() => hasChanges(this.plan()));
  protected readonly totals = computed(() => weekTotals(this.rows()));
  protected readonly dayTotals = computed(() => dayTotals(this.rows()));
  protected readonly rejected = computed(() => rejectedEntries(this.rows()));
  protected readonly toSubmit = computed(() => submittableEntries(this.rows()).length + this.plan().request.entries.filter((e) => !e.id).length);
  protected readonly errorList = computed(() => {
    const errors = this.cellErrors();
    return this.rows().flatMap((row, r) => row.cells.map((_, day) => ({ r, day, row, message: errors[cellKey({ rowId: row.id, day })] })))
      .filter((e) => !!e.message);
  });
  protected readonly activeCell = computed(() => {
    const ref = this.active();
    const r = ref ? this.rows().findIndex((row) => row.id === ref.rowId) : -1;
    if (!ref || r < 0) return null;
    const row = this.rows()[r];
    return { ref, r, row, cell: row.cells[ref.day], date: this.days()[ref.day], editable: isEditableCell(row.cells[ref.day]) };
  });

  /**
   * What the description field starts with when a cell is chosen: its own description, else its row's. Read once per
   * cell, so what is typed (spaces, an emptied field) is never rewritten under the caret.
   */
  protected readonly descriptionSeed = computed(() => {
    this.active();
    this.loading();
    return untracked(() => {
      const a = this.activeCell();
      return a ? a.cell.description || (a.cell.entries.length === 0 ? a.row.description : '') : '';
    });
  });

  protected readonly rowName = rowName;
  protected readonly rowTotal = rowTotal;
  protected readonly canRemoveRow = canRemoveRow;
  protected readonly canToggleBillable = canToggleBillable;
  protected readonly isEditableCell = isEditableCell;
  protected readonly statusText = statusText;
  protected readonly canLogTime = this.config.isGranted('Psa.TimeEntries');

  constructor() {
    toObservable(computed(() => ({ week: this.weekStart(), view: this.view(), version: this.version() })))
      .pipe(
        tap(() => this.loading.set(true)),
        switchMap(({ week, view }) => view !== 'week' ? of(null) : this.loadWeek(week).pipe(
          map((entries) => ({ week, entries })),
          catchError((error: unknown) => {
            this.errors.handle(error);
            this.failed.set(true);
            return of(null);
          }),
        )),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((loaded) => {
        if (loaded) {
          this.failed.set(false);
          const rebuilt = buildRows(loaded.entries, loaded.week);
          this.rows.set(loaded.week === this.loadedWeek ? this.keepAddedRows(rebuilt) : rebuilt);
          this.loadedWeek = loaded.week;
        }
        this.loading.set(false);
      });
  }

  private loadWeek(start: string) {
    return this.entriesApi.list({ technicianId: this.me, from: start, to: addDays(start, 7), take: 1000, sort: 'workDate' }).pipe(map((page) => page.items));
  }

  /** After a save the week is read again; rows added but still empty stay, so the person can go on filling them. */
  private keepAddedRows(rebuilt: SheetRow[]): SheetRow[] {
    const keys = new Set(rebuilt.map(rowKey));
    const keep = this.rows().filter((row) => canRemoveRow(row) && !keys.has(rowKey(row)));
    return [...rebuilt, ...keep.map((row) => emptyRow(row.target, row.billable, row.description))];
  }

  // Week navigation -------------------------------------------------------------------------------------------

  protected async goToWeek(offsetWeeks: number | 'today'): Promise<void> {
    const target = offsetWeeks === 'today' ? null : addDays(this.weekStart(), offsetWeeks * 7);
    if (this.dirty() && !(await this.confirmDiscard())) return;
    this.cellErrors.set({});
    this.saveProblems.set([]);
    this.active.set(null);
    this.rows.set([]);
    await this.router.navigate([], { relativeTo: this.route, queryParams: { week: target }, queryParamsHandling: 'merge' });
  }

  protected async setView(view: 'week' | 'list'): Promise<void> {
    if (view === this.view()) return;
    if (view === 'list' && this.dirty() && !(await this.confirmDiscard())) return;
    await this.router.navigate([], { relativeTo: this.route, queryParams: { view: view === 'list' ? 'list' : null }, queryParamsHandling: 'merge' });
  }

  private confirmDiscard(): Promise<boolean> {
    return confirm(this.dialog, {
      title: 'Discard your changes?',
      text: 'This week has changes that are not saved. Save them first, or discard them and go on.',
      confirm: 'Discard changes',
      cancel: 'Keep editing',
      destructive: true,
    });
  }

  protected retry(): void {
    this.version.update((v) => v + 1);
  }

  // Rows -------------------------------------------------------------------------------------------------------

  protected async addRow(): Promise<void> {
    const data: AddRowData = { canPickTickets: this.config.isGranted('Psa.Tickets'), canPickClients: this.config.isGranted('Psa.Clients') };
    const ref = this.dialog.open<AddRowDialog, AddRowData, AddRowResult>(AddRowDialog, { data, width: '520px', maxWidth: '94vw' });
    const result = await firstValueFrom(ref.afterClosed());
    if (!result) return;
    const { rows, added } = addRow(this.rows(), emptyRow(result.target, result.billable, result.description));
    if (!added) {
      this.errors.success(`${rowName({ target: result.target, billable: result.billable })} already has a row this week.`);
      return;
    }
    this.rows.set(rows);
    this.focusCell(rows.length - 1, 0);
  }

  protected async copyLastWeek(): Promise<void> {
    this.busy.set(true);
    try {
      const lastWeek = await firstValueFrom(this.loadWeek(addDays(this.weekStart(), -7)));
      const { rows, added } = copyRows(this.rows(), lastWeek);
      this.rows.set(rows);
      this.errors.success(added === 0
        ? (lastWeek.length === 0 ? 'Last week has no time to copy rows from.' : 'This week already has every row of last week.')
        : `Copied ${added} ${added === 1 ? 'row' : 'rows'} from last week (rows only, no hours).`);
    } catch (error) {
      this.errors.handle(error);
    } finally {
      this.busy.set(false);
    }
  }

  protected removeRow(row: SheetRow): void {
    this.rows.set(removeRow(this.rows(), row.id));
    if (this.active()?.rowId === row.id) this.active.set(null);
  }

  protected toggleBillable(row: SheetRow, billable: boolean): void {
    const next = setRowBillable(this.rows(), row.id, billable);
    if (next === this.rows()) this.errors.success(`${rowName({ target: row.target, billable })} already has its own row this week.`);
    this.rows.set(next);
  }

  // Cells ------------------------------------------------------------------------------------------------------

  protected cellRef(row: SheetRow, day: number): CellRef {
    return { rowId: row.id, day };
  }

  protected errorOf(row: SheetRow, day: number): string {
    return this.cellErrors()[cellKey({ rowId: row.id, day })] ?? '';
  }

  protected cellLabel(row: SheetRow, day: number): string {
    return `${rowName(row)}, ${this.dayName(this.days()[day])}`;
  }

  protected readonly weekTitle = computed(() => {
    const [first, last] = [this.days()[0], this.days()[6]];
    const day = (date: string, options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(this.format.locale, { timeZone: 'UTC', ...options }).format(new Date(`${date}T00:00:00Z`));
    return `${day(first, { day: 'numeric', month: 'short' })} – ${day(last, { day: 'numeric', month: 'short', year: 'numeric' })}`;
  });

  protected weekday(date: string): string {
    return new Intl.DateTimeFormat(this.format.locale, { timeZone: 'UTC', weekday: 'short' }).format(new Date(`${date}T00:00:00Z`));
  }

  protected dayName(date: string): string {
    return new Intl.DateTimeFormat(this.format.locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${date}T00:00:00Z`));
  }

  /** What a screen reader hears after the cell's name: statuses, a rejection's reason, the cell's error. */
  protected cellDescriptionIds(r: number, day: number, cell: SheetCell, row: SheetRow): string | null {
    const ids = [];
    if (cell.entries.length > 0) ids.push(`cell-status-${r}-${day}`);
    if (this.errorOf(row, day)) ids.push(`cell-error-${r}-${day}`);
    return ids.length ? ids.join(' ') : null;
  }

  protected cellStatus(cell: SheetCell): string {
    if (cell.entries.length === 0) return '';
    const parts = cell.entries.map((e) => (e.status === 'Rejected' && e.rejectionReason ? `Rejected: ${e.rejectionReason}` : statusText(e)));
    const summary = [...new Set(parts)].join('; ');
    return cell.entries.length > 1 ? `${cell.entries.length} entries: ${summary}. Edit them one by one in the list.` : summary;
  }

  protected cellMarker(cell: SheetCell): string | null {
    if (cell.entries.length === 0) return null;
    if (cell.entries.some((e) => e.status === 'Rejected')) return 'Rejected';
    if (cell.entries.some((e) => e.invoiceId)) return 'Invoiced';
    if (cell.entries.every((e) => e.status === 'Approved')) return 'Approved';
    if (cell.entries.some((e) => e.status === 'Submitted')) return 'Submitted';
    return 'Draft';
  }

  protected onCellInput(row: SheetRow, day: number, value: string): void {
    this.rows.set(setCellInput(this.rows(), { rowId: row.id, day }, value));
    this.clearError(row, day);
  }

  /** A readable duration is shown the way totals are (`90m` → `1:30`) once the cell is left. */
  protected onCellBlur(row: SheetRow, day: number): void {
    const current = this.rows().find((r) => r.id === row.id)?.cells[day];
    if (!current || !isEditableCell(current)) return;
    const parsed = parseDuration(current.input);
    if (parsed.ok && formatDuration(parsed.minutes) !== current.input) {
      this.rows.set(setCellInput(this.rows(), { rowId: row.id, day }, formatDuration(parsed.minutes)));
    }
  }

  protected onDescriptionInput(value: string): void {
    const active = this.active();
    if (!active) return;
    this.rows.set(setCellDescription(this.rows(), active, value));
    const row = this.rows().find((r) => r.id === active.rowId);
    if (row) this.clearError(row, active.day);
  }

  private clearError(row: SheetRow, day: number): void {
    const key = cellKey({ rowId: row.id, day });
    if (this.cellErrors()[key]) {
      const { [key]: _, ...rest } = this.cellErrors();
      this.cellErrors.set(rest);
    }
  }

  protected onCellFocus(row: SheetRow, day: number, event: FocusEvent): void {
    this.active.set({ rowId: row.id, day });
    (event.target as HTMLInputElement).select();
  }

  /** Spreadsheet keys: arrows move (left/right once the caret is at the edge), Enter opens the description. */
  protected onCellKeydown(event: KeyboardEvent, r: number, day: number): void {
    const input = event.target as HTMLInputElement;
    const start = input.selectionStart ?? 0;
    const end = input.selectionEnd ?? 0;
    const whole = start === 0 && end === input.value.length;
    switch (event.key) {
      case 'ArrowUp':
        event.preventDefault();
        this.focusCell(r - 1, day);
        break;
      case 'ArrowDown':
        event.preventDefault();
        this.focusCell(r + 1, day);
        break;
      case 'ArrowLeft':
        if (whole || (start === 0 && end === 0)) {
          event.preventDefault();
          this.focusCell(r, day - 1);
        }
        break;
      case 'ArrowRight':
        if (whole || (start === input.value.length && end === start)) {
          event.preventDefault();
          this.focusCell(r, day + 1);
        }
        break;
      case 'Enter':
        event.preventDefault();
        this.focusDescription();
        break;
    }
  }

  protected onDescriptionKeydown(event: KeyboardEvent): void {
    if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Escape') {
      event.preventDefault();
      const active = this.activeCell();
      if (active) this.focusCell(active.r, active.ref.day);
    }
  }

  protected focusCell(r: number, day: number): void {
    if (r < 0 || r >= this.rows().length || day < 0 || day > 6) return;
    // At once, so keys typed straight after an arrow land in the new cell; a row just added is drawn first.
    const find = () => this.host.nativeElement.querySelector<HTMLInputElement>(`#cell-${r}-${day}`);
    const cell = find();
    if (cell) cell.focus();
    else setTimeout(() => find()?.focus());
  }

  private focusDescription(): void {
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('#cell-description')?.focus());
  }

  // Saving -----------------------------------------------------------------------------------------------------

  protected async save(): Promise<void> {
    await this.send(planSave(this.rows(), this.days()), 'saved');
  }

  /** Saves and submits every Draft and Rejected entry of the week in one request. */
  protected async submitWeek(): Promise<void> {
    await this.send(planSave(this.rows(), this.days(), { submit: true }), 'submitted');
  }

  private async send(plan: SavePlan, outcome: 'saved' | 'submitted'): Promise<void> {
    this.saveProblems.set([]);
    if (Object.keys(plan.problems).length > 0) {
      this.cellErrors.set(plan.problems);
      this.focusFirstError();
      return;
    }
    if (plan.request.entries.length + plan.request.deletes.length === 0) {
      this.errors.success(outcome === 'submitted' ? 'Nothing in this week is waiting to be submitted.' : 'Nothing to save: the week is as it was.');
      return;
    }
    this.busy.set(true);
    try {
      const response = await firstValueFrom(this.timesheetApi.save(plan.request));
      this.cellErrors.set({});
      const count = response.entries.length;
      this.errors.success(outcome === 'submitted'
        ? `Submitted ${count} ${count === 1 ? 'entry' : 'entries'} for approval.`
        : `Saved: ${count} ${count === 1 ? 'entry' : 'entries'} written${response.deletedIds.length ? `, ${response.deletedIds.length} cleared` : ''}.`);
      this.version.update((v) => v + 1);
    } catch (error) {
      const problem = toProblem(error);
      if (problem.errors && Object.keys(problem.errors).length > 0 && problem.status !== 401) {
        const mapped = mapSaveErrors(problem.errors, plan);
        this.cellErrors.set(mapped.cells);
        this.saveProblems.set([
          Object.keys(mapped.cells).length > 0 ? 'Nothing was saved. Fix the cells marked below and save again.' : (problem.detail ?? 'Nothing was saved.'),
          ...mapped.unmatched,
        ]);
        this.focusFirstError();
      } else {
        this.errors.handle(error, { reload: () => this.retry() });
      }
    } finally {
      this.busy.set(false);
    }
  }

  private focusFirstError(): void {
    const first = this.errorList()[0];
    if (first) this.focusCell(first.r, first.day);
  }

  protected readonly isLocked = isLocked;
}
