import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import { AppConfigService } from '../../core/config/app-config.service';
import { ErrorService } from '../../core/errors/error.service';
import { controlError } from '../../core/errors/form-errors';
import { formatDuration, parseDuration } from '../../core/format/duration';
import { durationValidator } from '../../core/format/duration.validator';
import { OrgFormat } from '../../core/format/org-format.service';
import { ClientsApi } from '../api/clients.api';
import { TimeEntryDto } from '../api/psa.models';
import { TimeEntriesApi } from '../api/time-entries.api';
import { LogTimeData, latestWorkDate, logTimeDefaults, targetLabel, toLogRequest, toUpdateRequest } from './log-time.form';

/**
 * Logs time (or changes a Draft or Rejected entry): work date (today in the organisation's time zone), a duration
 * typed as people say it, a description and billable (the client's default). "Save as draft" or "Save and submit".
 * Open it with `openLogTime(dialog, { ticket })`; it closes with the saved entry, or undefined when cancelled.
 */
@Component({
  selector: 'app-log-time-dialog',
  imports: [MatButtonModule, MatCheckboxModule, MatDialogModule, MatFormFieldModule, MatIconModule, MatInputModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ editing ? 'Change time entry' : 'Log time' }}</h2>
    <form [formGroup]="form" (ngSubmit)="save(false)" novalidate>
      <mat-dialog-content>
        <p class="target"><mat-icon aria-hidden="true" inline>{{ data.ticket || data.entry?.ticketId ? 'confirmation_number' : data.client || data.entry?.clientId ? 'business' : 'school' }}</mat-icon>
          <span><span class="visually-hidden">For: </span>{{ target }}</span></p>
        @if (data.entry?.status === 'Rejected' && data.entry?.rejectionReason) {
          <div class="form-alert" role="note"><mat-icon aria-hidden="true">feedback</mat-icon><span>Rejected: {{ data.entry?.rejectionReason }}</span></div>
        }
        <div class="form-grid two">
          <mat-form-field>
            <mat-label>Work date</mat-label>
            <input matInput type="date" formControlName="workDate" [max]="latest" required />
            <mat-hint>{{ dateHint() }}</mat-hint>
            <mat-error>{{ errorOf(form.controls.workDate) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Duration</mat-label>
            <input matInput formControlName="durationMinutes" autocomplete="off" spellcheck="false" placeholder="1h 30m" cdkFocusInitial />
            <mat-hint>{{ durationHint() }}</mat-hint>
            <mat-error>{{ errorOf(form.controls.durationMinutes) }}</mat-error>
          </mat-form-field>
          <mat-form-field class="span-all">
            <mat-label>Description</mat-label>
            <textarea matInput formControlName="description" rows="3" placeholder="What did you do?"></textarea>
            <mat-error>{{ errorOf(form.controls.description) }}</mat-error>
          </mat-form-field>
          <div class="span-all billable">
            <mat-checkbox formControlName="billable">Billable</mat-checkbox>
            <span class="muted">{{ billableHint() }}</span>
            @if (errorOf(form.controls.billable)) { <mat-error>{{ errorOf(form.controls.billable) }}</mat-error> }
          </div>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-stroked-button type="submit" [disabled]="busy()">{{ editing ? 'Save' : 'Save as draft' }}</button>
        @if (canSubmit) {
          <button mat-flat-button type="button" [disabled]="busy()" (click)="save(true)">Save and submit</button>
        }
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .target { display: flex; gap: 8px; align-items: center; margin: 0 0 16px; font: var(--mat-sys-title-small); }
    .billable { display: flex; flex-wrap: wrap; align-items: center; gap: 0 12px; }
    .billable mat-error { flex-basis: 100%; font: var(--mat-sys-body-small); }
    form { display: contents; }
    .form-grid { align-items: start; }
  `,
})
export class LogTimeDialog {
  protected readonly data = inject<LogTimeData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<LogTimeDialog, TimeEntryDto>>(MatDialogRef);
  private readonly api = inject(TimeEntriesApi);
  private readonly clients = inject(ClientsApi);
  private readonly config = inject(AppConfigService);
  private readonly errors = inject(ErrorService);
  private readonly format = inject(OrgFormat);

  protected readonly editing = !!this.data.entry;
  protected readonly canSubmit = !this.data.entry || this.data.entry.status === 'Draft' || this.data.entry.status === 'Rejected';
  protected readonly target = targetLabel(this.data);
  protected readonly timeZone = this.format.timeZone;
  protected readonly latest = latestWorkDate(this.format.today());
  protected readonly busy = signal(false);
  protected readonly errorOf = controlError;
  private readonly clientName = this.data.ticket?.clientName ?? this.data.client?.name ?? this.data.entry?.clientName ?? null;
  private readonly clientBillable = signal<boolean | null>(null);
  private readonly defaults = logTimeDefaults(this.data, this.format.today(), null);
  private billableKnown = this.defaults.billableKnown;

  // Control names are the API's field names: its errors (durationMinutes, workDate, billable...) land beside them.
  protected readonly form = inject(FormBuilder).nonNullable.group({
    workDate: [this.defaults.workDate, Validators.required],
    durationMinutes: [this.defaults.durationMinutes, durationValidator],
    description: [this.defaults.description, [Validators.required, Validators.maxLength(4000)]],
    billable: [{ value: this.defaults.billable, disabled: this.defaults.internal }],
  });

  private readonly typed = toSignal(this.form.controls.durationMinutes.valueChanges, { initialValue: this.defaults.durationMinutes });
  private readonly date = toSignal(this.form.controls.workDate.valueChanges, { initialValue: this.defaults.workDate });
  protected readonly dateHint = computed(() => {
    const date = this.date();
    return date ? `${this.format.workDate(date)} (${this.timeZone()})` : `In ${this.timeZone()}`;
  });
  protected readonly durationHint = computed(() => {
    const parsed = parseDuration(this.typed());
    return parsed.ok ? `= ${formatDuration(parsed.minutes, 'words')}` : 'Like 1:30, 1.5, 90m or 1h 30m';
  });
  protected readonly billableHint = computed(() => {
    if (this.defaults.internal) return 'Internal work is never billable.';
    const known = this.clientBillable();
    if (this.editing || known === null || !this.clientName) return '';
    return known ? `${this.clientName}'s time is billable by default.` : `${this.clientName}'s time is not billable by default.`;
  });

  constructor() {
    const clientId = this.data.ticket?.clientId ?? this.data.client?.id;
    if (!this.editing && clientId && this.config.isGranted('Psa.Clients')) {
      this.clients.get(clientId).subscribe({
        next: (client) => {
          this.clientBillable.set(client.billableByDefault);
          this.billableKnown = true;
          const billable = this.form.controls.billable;
          if (!billable.dirty) billable.setValue(client.billableByDefault);
        },
        error: () => undefined, // The API applies the client's default itself (billable sent as null).
      });
    }
  }

  protected async save(submit: boolean): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    const value = this.form.getRawValue();
    try {
      let saved: TimeEntryDto;
      if (this.data.entry) {
        saved = await firstValueFrom(this.api.update(this.data.entry.id, toUpdateRequest(this.data.entry, value)));
        if (submit) saved = (await firstValueFrom(this.api.submit([saved.id]))).entries[0] ?? saved;
      } else {
        const request = toLogRequest(this.data, value, { submit, billableKnown: this.billableKnown, billableTouched: this.form.controls.billable.dirty });
        saved = await firstValueFrom(this.api.log(request));
      }
      this.errors.success(submit ? 'Time saved and submitted for approval.' : this.editing ? 'Time entry saved.' : 'Time saved as a draft.');
      this.ref.close(saved);
    } catch (error) {
      this.errors.handle(error, { form: this.form });
    } finally {
      this.busy.set(false);
    }
  }
}

/** Opens the Log time dialog; resolves with the saved entry, or undefined when cancelled. */
export function openLogTime(dialog: MatDialog, data: LogTimeData): Promise<TimeEntryDto | undefined> {
  const ref = dialog.open<LogTimeDialog, LogTimeData, TimeEntryDto>(LogTimeDialog, { data, width: '600px', maxWidth: '95vw', autoFocus: 'first-tabbable' });
  return firstValueFrom(ref.afterClosed());
}
