import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom, tap } from 'rxjs';
import { AppConfigService } from '../../../core/config/app-config.service';
import { ErrorService } from '../../../core/errors/error.service';
import { DurationPipe, WorkDatePipe } from '../../../core/format/format.pipes';
import { formatDuration } from '../../../core/format/duration';
import { toProblem } from '../../../core/http/problem';
import { injectListState, injectPagedList } from '../../../core/list/list-state';
import { EmptyState } from '../../../core/ui/empty-state';
import { Loading } from '../../../core/ui/loading';
import { ApprovalsApi } from '../../api/approvals.api';
import { ApprovalQueueDto, TimeEntryDto } from '../../api/psa.models';
import { TimeEntriesApi } from '../../api/time-entries.api';
import { workLabel } from '../shared/entry-status';
import {
  QueueGroup, SELF_APPROVAL_CODE, groupQueue, keepShown, refusalsByEntry, selectionState, selectionTotals, selfApprovalExplanation, toggleEntry,
  toggleMany,
} from './approvals.model';
import { RejectData, RejectDialog } from './reject.dialog';

/**
 * The Submitted queue grouped by technician (server totals per technician, this page's entries under each): select
 * one, a group or everything shown, approve, or reject with a reason. Paging, sorting and the technician filter are
 * in the URL. A refusal (own time without self-approval, an entry someone else already reviewed) names its entries.
 */
@Component({
  selector: 'app-approval-queue',
  imports: [
    DurationPipe, EmptyState, Loading, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatIconModule, MatPaginatorModule, MatSelectModule,
    WorkDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './approval-queue.html',
  styleUrl: './approval-queue.scss',
})
export class ApprovalQueue {
  private readonly api = inject(ApprovalsApi);
  private readonly entries = inject(TimeEntriesApi);
  private readonly errors = inject(ErrorService);
  private readonly dialog = inject(MatDialog);
  private readonly config = inject(AppConfigService);

  /** Bumped by the page when something elsewhere changed the queue (a reopen). */
  readonly refresh = input(0);
  readonly historyOf = output<TimeEntryDto>();
  readonly showApproved = output<void>();
  readonly historyId = input<string | null>(null);

  protected readonly sorts = [
    { value: 'workDate', label: 'Oldest work first' },
    { value: 'workDate desc', label: 'Newest work first' },
    { value: 'durationMinutes desc', label: 'Longest first' },
    { value: 'creationTime', label: 'Logged first' },
  ];
  protected readonly list = injectListState({ sort: 'workDate', take: 100, filters: { technicianId: '' } });
  private readonly queue = signal<ApprovalQueueDto>({ groups: [], items: [], totalCount: 0 });
  protected readonly page = injectPagedList(this.list, (params) => this.api.queue(params).pipe(tap((queue) => this.queue.set(queue))));

  /** Every technician with time waiting, for the filter, whatever the filter shows. */
  protected readonly technicians = computed(() => this.queue().groups);
  protected readonly groups = computed(() => {
    const technician = this.list.filters().technicianId;
    return groupQueue(this.queue()).filter((g) => !technician || g.technicianId === technician);
  });
  protected readonly waiting = computed(() => this.queue().groups.reduce((sum, g) => sum + g.entryCount, 0));

  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly busy = signal(false);
  protected readonly refused = signal<Record<string, string>>({});
  protected readonly explanation = signal<string | null>(null);
  protected readonly totals = computed(() => selectionTotals(this.selected(), this.page.items()));
  protected readonly allState = computed(() => selectionState(this.selected(), this.page.items()));

  protected readonly label = workLabel;

  constructor() {
    // A new page keeps only the selections still on it.
    effect(() => {
      const items = this.page.items();
      untracked(() => {
        const kept = keepShown(this.selected(), items);
        if (kept.size !== this.selected().size) this.selected.set(kept);
      });
    });
    let first = true;
    effect(() => {
      this.refresh();
      if (first) first = false;
      else untracked(() => this.page.reload());
    });
  }

  protected groupState(group: QueueGroup) {
    return selectionState(this.selected(), group.entries);
  }

  protected toggle(entry: TimeEntryDto): void {
    this.selected.set(toggleEntry(this.selected(), entry.id));
  }

  protected toggleGroup(group: QueueGroup): void {
    this.selected.set(toggleMany(this.selected(), group.entries));
  }

  protected toggleAll(): void {
    this.selected.set(toggleMany(this.selected(), this.page.items()));
  }

  protected async approve(): Promise<void> {
    const { ids, count } = this.totals();
    if (count === 0) return;
    await this.act(ids, () => this.entries.approve(ids), `Approved ${count} ${count === 1 ? 'entry' : 'entries'}.`);
  }

  protected async reject(): Promise<void> {
    const { ids, count, minutes } = this.totals();
    if (count === 0) return;
    const people = [...new Set(this.page.items().filter((e) => this.selected().has(e.id)).map((e) => e.technicianName))];
    const summary = `${count} ${count === 1 ? 'entry' : 'entries'} (${formatDuration(minutes)}) from ${people.join(', ')}`;
    const ref = this.dialog.open<RejectDialog, RejectData, string>(RejectDialog, { data: { summary }, width: '520px', maxWidth: '94vw' });
    const reason = await firstValueFrom(ref.afterClosed());
    if (!reason) return;
    await this.act(ids, () => this.entries.reject(ids, reason), `Rejected ${count} ${count === 1 ? 'entry' : 'entries'}; the technician sees your reason.`);
  }

  private async act(ids: string[], call: () => ReturnType<TimeEntriesApi['approve']>, done: string): Promise<void> {
    this.busy.set(true);
    this.refused.set({});
    this.explanation.set(null);
    try {
      await firstValueFrom(call());
      this.errors.success(done);
      this.selected.set(new Set());
      this.page.reload();
    } catch (error) {
      const problem = toProblem(error);
      this.refused.set(refusalsByEntry(problem.errors, ids));
      if (problem.code === SELF_APPROVAL_CODE) {
        this.explanation.set(`Nothing was changed. ${selfApprovalExplanation(this.config.isGranted('Saas.Settings.Manage'))}`);
      } else if (Object.keys(this.refused()).length > 0) {
        this.explanation.set(`Nothing was changed. ${problem.detail ?? ''} The entries concerned are marked below.`);
        if (problem.code === 'NotFound' || problem.code === 'Psa:TimeEntry.TransitionNotAllowed') this.page.reload();
      } else {
        this.errors.handle(error, { reload: () => this.page.reload() });
      }
    } finally {
      this.busy.set(false);
    }
  }

  /** Selects only the entries the last refusal did not name, so the rest can go through. */
  protected deselectRefused(): void {
    const refused = this.refused();
    this.selected.set(new Set([...this.selected()].filter((id) => !refused[id])));
    this.explanation.set(null);
  }

  protected hasRefusals(): boolean {
    return Object.keys(this.refused()).length > 0;
  }

  protected describe(entry: TimeEntryDto): string {
    return `${entry.technicianName}, ${workLabel(entry)}, ${entry.workDate}, ${formatDuration(entry.durationMinutes)}`;
  }
}
