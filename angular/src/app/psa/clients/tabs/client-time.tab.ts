import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { AppConfigService } from '../../../core/config/app-config.service';
import { injectListState } from '../../../core/list/list-state';
import { PermissionDirective } from '../../../core/permissions/permission.directive';
import { TIME_ENTRY_STATUSES, TimeEntryStatus } from '../../api/psa.models';
import { readList, writeList } from '../../tickets/ticket-filters';
import { openLogTime } from '../../time-entries/log-time.dialog';
import { TimeEntriesTable } from '../../time-entries/time-entries-table';
import { ClientContext } from '../client-context';

/** The client's time (on its tickets and without one), with totals, filtered by status and billable (in the URL). */
@Component({
  selector: 'app-client-time-tab',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatSelectModule, PermissionDirective, ReactiveFormsModule, TimeEntriesTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bar">
      <div class="filters">
        <mat-form-field>
          <mat-label>Status</mat-label>
          <mat-select [formControl]="status" multiple>
            @for (s of statuses; track s) { <mat-option [value]="s">{{ s }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Billable</mat-label>
          <mat-select [formControl]="billable">
            <mat-option value="">Billable and not</mat-option>
            <mat-option value="true">Billable only</mat-option>
            <mat-option value="false">Non-billable only</mat-option>
          </mat-select>
        </mat-form-field>
      </div>
      @if (client()?.isActive) {
        <button mat-stroked-button type="button" *appPermission="'Psa.TimeEntries'" (click)="logTime()"><mat-icon>more_time</mat-icon>Log time without a ticket</button>
      }
    </div>
    @if (!seesEveryone()) { <p class="muted note">You see your own time for this client.</p> }
    @if (client(); as c) {
      <app-time-entries-table [list]="list" [scope]="{ clientId: c.id }" label="The client's time entries"
        [columns]="['workDate', 'technician', 'target', 'description', 'durationMinutes', 'billable', 'status', 'actions']"
        emptyTitle="No time logged for this client" emptyText="Time logged on the client's tickets, or for the client without a ticket, shows here with totals." />
    }
  `,
  styles: `
    .bar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: flex-start; justify-content: space-between; margin-bottom: 8px; }
    .filters { display: flex; flex-wrap: wrap; gap: 0 12px; }
    .filters mat-form-field { width: 220px; max-width: 100%; }
    .bar button { margin-top: 8px; }
    .note { margin: 0 0 12px; }
    @media (max-width: 599.98px) { .filters, .filters mat-form-field { width: 100%; } }
  `,
})
export class ClientTimeTab {
  private readonly context = inject(ClientContext);
  private readonly dialog = inject(MatDialog);
  private readonly config = inject(AppConfigService);
  private readonly table = viewChild(TimeEntriesTable);
  protected readonly client = this.context.client;
  protected readonly statuses = TIME_ENTRY_STATUSES;
  protected readonly seesEveryone = computed(() => this.config.isGranted('Psa.TimeEntries.ViewAll || Psa.TimeEntries.Approve'));

  readonly list = injectListState({ sort: 'workDate desc', filters: { status: '', billable: '' } });
  protected readonly status = new FormControl<TimeEntryStatus[]>([], { nonNullable: true });
  protected readonly billable = new FormControl('', { nonNullable: true });

  constructor() {
    effect(() => {
      const f = this.list.filters();
      this.status.setValue(readList(f.status, TIME_ENTRY_STATUSES), { emitEvent: false });
      this.billable.setValue(f.billable, { emitEvent: false });
    });
    const destroy = inject(DestroyRef);
    this.status.valueChanges.pipe(takeUntilDestroyed(destroy)).subscribe((values) => this.list.setFilters({ status: writeList(values, TIME_ENTRY_STATUSES) }));
    this.billable.valueChanges.pipe(takeUntilDestroyed(destroy)).subscribe((billable) => this.list.setFilters({ billable }));
  }

  protected async logTime(): Promise<void> {
    const client = this.client();
    if (!client) return;
    if (await openLogTime(this.dialog, { client: { id: client.id, name: client.name } })) this.table()?.reload();
  }
}
