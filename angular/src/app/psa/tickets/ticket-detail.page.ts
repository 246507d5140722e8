import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, viewChild } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AppConfigService } from '../../core/config/app-config.service';
import { ErrorService } from '../../core/errors/error.service';
import { controlError } from '../../core/errors/form-errors';
import { OrgDateTimePipe } from '../../core/format/format.pipes';
import { toProblem } from '../../core/http/problem';
import { injectListState } from '../../core/list/list-state';
import { PermissionDirective } from '../../core/permissions/permission.directive';
import { confirm } from '../../core/ui/confirm-dialog';
import { EmptyState } from '../../core/ui/empty-state';
import { Loading } from '../../core/ui/loading';
import { TICKET_PRIORITIES, TICKET_STATUS_LABELS, TicketDetailDto, TicketPriority, TicketStatus } from '../api/psa.models';
import { TicketsApi } from '../api/tickets.api';
import { AssigneePicker } from '../shared/assignee-picker';
import { Chip } from '../shared/chips';
import { ClientPicker } from '../shared/client-picker';
import { LogTimeData } from '../time-entries/log-time.form';
import { openLogTime } from '../time-entries/log-time.dialog';
import { TimeEntriesTable } from '../time-entries/time-entries-table';
import { ticketActions } from './ticket-lifecycle';
import { TicketTimers, formatElapsed } from './ticket-timer';

/**
 * One ticket: its fields (saved with the concurrency stamp: a stale save says someone else saved, with Reload), the
 * lifecycle buttons the API allows next, a start/stop timer, and its time with totals and Log time.
 */
@Component({
  selector: 'app-ticket-detail-page',
  imports: [
    AssigneePicker, Chip, ClientPicker, EmptyState, Loading, MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule,
    MatInputModule, MatSelectModule, OrgDateTimePipe, PermissionDirective, ReactiveFormsModule, RouterLink, TimeEntriesTable,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './ticket-detail.page.html',
  styleUrl: './ticket-detail.page.scss',
})
export class TicketDetailPage {
  private readonly api = inject(TicketsApi);
  private readonly config = inject(AppConfigService);
  private readonly errors = inject(ErrorService);
  private readonly dialog = inject(MatDialog);
  private readonly timers = inject(TicketTimers);
  private readonly title = inject(Title);

  /** The route's :id (component input binding). */
  readonly id = input.required<string>();

  protected readonly ticket = signal<TicketDetailDto | undefined>(undefined);
  protected readonly loading = signal(true);
  protected readonly missing = signal(false);
  protected readonly failed = signal(false);
  protected readonly saving = signal(false);
  protected readonly moving = signal<TicketStatus | null>(null);
  protected readonly priorities = TICKET_PRIORITIES;
  protected readonly errorOf = controlError;
  protected readonly canManage = computed(() => this.config.isGranted('Psa.Tickets.Manage'));
  protected readonly actions = computed(() => {
    const t = this.ticket();
    return t ? ticketActions(t.status, t.allowedTransitions) : [];
  });
  protected readonly statusLabel = (status: TicketStatus) => TICKET_STATUS_LABELS[status];
  protected readonly clientLocked = computed(() => (this.ticket()?.time.totalMinutes ?? 0) > 0);

  readonly timeList = injectListState({ sort: 'workDate desc', filters: {} });
  private readonly timeTable = viewChild(TimeEntriesTable);

  private readonly fb = inject(FormBuilder);
  protected readonly form = this.fb.group({
    clientId: this.fb.control<string | null>(null, Validators.required),
    title: this.fb.nonNullable.control('', [Validators.required, Validators.maxLength(200)]),
    description: this.fb.nonNullable.control('', Validators.maxLength(8000)),
    priority: this.fb.nonNullable.control<TicketPriority>('Normal'),
    assigneeId: this.fb.control<string | null>(null),
  });

  // The timer: when it started (localStorage, per person and ticket) and a clock ticking while it runs.
  protected readonly timerStartedAt = computed(() => this.timers.startedAt(this.id()));
  private readonly now = signal(Date.now());
  protected readonly elapsed = computed(() => {
    const started = this.timerStartedAt();
    return started === null ? '' : formatElapsed(this.now() - started);
  });

  constructor() {
    effect(() => {
      this.id();
      void this.load(true);
    });
    effect((onCleanup) => {
      if (this.timerStartedAt() === null) return;
      this.now.set(Date.now());
      const handle = setInterval(() => this.now.set(Date.now()), 1000);
      onCleanup(() => clearInterval(handle));
    });
    inject(DestroyRef).onDestroy(() => this.dialog.closeAll());
  }

  /** Reads the ticket; `resetForm` also puts its values back into the form (first load, Reload after a conflict). */
  protected async load(resetForm: boolean): Promise<void> {
    this.loading.set(true);
    try {
      this.apply(await firstValueFrom(this.api.get(this.id())), resetForm);
      this.failed.set(false);
      this.missing.set(false);
    } catch (error) {
      const problem = toProblem(error);
      if (problem.status === 404) this.missing.set(true);
      else {
        this.errors.handle(error);
        this.failed.set(true);
      }
    } finally {
      this.loading.set(false);
    }
  }

  protected async save(): Promise<void> {
    const ticket = this.ticket();
    if (!ticket) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    const value = this.form.getRawValue();
    try {
      const saved = await firstValueFrom(this.api.update(ticket.id, {
        clientId: value.clientId!, title: value.title.trim(), description: value.description.trim() || null, priority: value.priority,
        assigneeId: value.assigneeId, concurrencyStamp: ticket.concurrencyStamp,
      }));
      this.apply(saved, true);
      this.errors.success('Ticket saved.');
    } catch (error) {
      this.errors.handle(error, { form: this.form, reload: () => void this.load(true) });
    } finally {
      this.saving.set(false);
    }
  }

  protected discard(): void {
    const ticket = this.ticket();
    if (ticket) this.apply(ticket, true);
  }

  protected async move(to: TicketStatus): Promise<void> {
    const ticket = this.ticket();
    if (!ticket) return;
    this.moving.set(to);
    try {
      this.apply(await firstValueFrom(this.api.changeStatus(ticket.id, to, ticket.concurrencyStamp)), this.form.pristine);
    } catch (error) {
      this.errors.handle(error, { reload: () => void this.load(true) });
    } finally {
      this.moving.set(null);
    }
  }

  protected async logTime(minutes?: number): Promise<boolean> {
    const ticket = this.ticket();
    if (!ticket) return false;
    const data: LogTimeData = {
      ticket: { id: ticket.id, number: ticket.number, title: ticket.title, clientId: ticket.clientId, clientName: ticket.clientName },
      minutes,
    };
    const saved = await openLogTime(this.dialog, data);
    if (saved) this.timeChanged();
    return !!saved;
  }

  protected startTimer(): void {
    this.timers.start(this.id());
  }

  /** Stops the timer into the Log time dialog; if the dialog is cancelled the timer keeps running, so no time is lost. */
  protected async stopTimer(): Promise<void> {
    const minutes = this.timers.minutes(this.id());
    if (minutes === null) return;
    if (await this.logTime(minutes)) {
      this.timers.clear(this.id());
    } else {
      this.errors.success('The timer is still running. Stop it again to log the time, or discard it.');
    }
  }

  protected async discardTimer(): Promise<void> {
    const confirmed = await confirm(this.dialog, {
      title: 'Discard the timer?', text: `The ${this.elapsed()} on the timer will not be logged.`, confirm: 'Discard timer', destructive: true,
    });
    if (confirmed) this.timers.clear(this.id());
  }

  /** Time was logged or changed: the table and the ticket's own summary (which locks its client) both move. */
  protected timeChanged(): void {
    this.timeTable()?.reload();
    void this.refreshSummary();
  }

  private async refreshSummary(): Promise<void> {
    try {
      this.apply(await firstValueFrom(this.api.get(this.id())), this.form.pristine);
    } catch {
      // The page already shows what it has; the next save or reload reports any problem.
    }
  }

  private apply(ticket: TicketDetailDto, resetForm: boolean): void {
    this.ticket.set(ticket);
    this.title.setTitle(`${ticket.number} ${ticket.title} · Regentra`);
    if (resetForm) {
      this.form.reset({
        clientId: ticket.clientId, title: ticket.title, description: ticket.description ?? '', priority: ticket.priority, assigneeId: ticket.assigneeId,
      });
    }
    if (!this.canManage()) this.form.disable({ emitEvent: false });
    const client = this.form.controls.clientId;
    if (this.canManage() && ticket.time.totalMinutes > 0 && client.enabled) client.disable();
    if (this.canManage() && ticket.time.totalMinutes === 0 && client.disabled) client.enable();
  }
}
