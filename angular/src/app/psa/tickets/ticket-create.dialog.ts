import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom } from 'rxjs';
import { ErrorService } from '../../core/errors/error.service';
import { controlError } from '../../core/errors/form-errors';
import { TICKET_PRIORITIES, TicketDetailDto, TicketPriority } from '../api/psa.models';
import { TicketsApi } from '../api/tickets.api';
import { AssigneePicker } from '../shared/assignee-picker';
import { ClientPicker } from '../shared/client-picker';

export interface TicketCreateData {
  /** Open the ticket for this client (from the client's page). */
  client?: { id: string; name: string };
}

/** Opens a ticket: client, title, description, priority (Normal) and assignee. Closes with the new ticket. */
@Component({
  selector: 'app-ticket-create-dialog',
  imports: [AssigneePicker, ClientPicker, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>New ticket</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <div class="form-grid two">
          <app-client-picker class="span-all" [control]="form.controls.clientId" [selectedName]="data.client?.name ?? null" />
          <mat-form-field class="span-all">
            <mat-label>Title</mat-label>
            <input matInput formControlName="title" maxlength="200" [attr.cdkFocusInitial]="data.client ? '' : null" />
            <mat-error>{{ errorOf(form.controls.title) }}</mat-error>
          </mat-form-field>
          <mat-form-field class="span-all">
            <mat-label>Description</mat-label>
            <textarea matInput formControlName="description" rows="4"></textarea>
            <mat-error>{{ errorOf(form.controls.description) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Priority</mat-label>
            <mat-select formControlName="priority">
              @for (p of priorities; track p) { <mat-option [value]="p">{{ p }}</mat-option> }
            </mat-select>
            <mat-error>{{ errorOf(form.controls.priority) }}</mat-error>
          </mat-form-field>
          <app-assignee-picker [control]="form.controls.assigneeId" />
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()">Create ticket</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `form { display: contents; } .form-grid { align-items: start; }`,
})
export class TicketCreateDialog {
  protected readonly data = inject<TicketCreateData | null>(MAT_DIALOG_DATA) ?? {};
  private readonly ref = inject<MatDialogRef<TicketCreateDialog, TicketDetailDto>>(MatDialogRef);
  private readonly api = inject(TicketsApi);
  private readonly errors = inject(ErrorService);
  protected readonly priorities = TICKET_PRIORITIES;
  protected readonly busy = signal(false);
  protected readonly errorOf = controlError;

  private readonly fb = inject(FormBuilder);
  protected readonly form = this.fb.group({
    clientId: this.fb.control<string | null>(this.data.client?.id ?? null, Validators.required),
    title: this.fb.nonNullable.control('', [Validators.required, Validators.maxLength(200)]),
    description: this.fb.nonNullable.control('', Validators.maxLength(8000)),
    priority: this.fb.nonNullable.control<TicketPriority>('Normal'),
    assigneeId: this.fb.control<string | null>(null),
  });

  protected async save(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    const value = this.form.getRawValue();
    try {
      const ticket = await firstValueFrom(this.api.create({
        clientId: value.clientId!, title: value.title.trim(), description: value.description.trim() || null, priority: value.priority, assigneeId: value.assigneeId,
      }));
      this.errors.success(`Ticket ${ticket.number} created.`);
      this.ref.close(ticket);
    } catch (error) {
      this.errors.handle(error, { form: this.form });
    } finally {
      this.busy.set(false);
    }
  }
}

export function openTicketCreate(dialog: MatDialog, data: TicketCreateData = {}): Promise<TicketDetailDto | undefined> {
  return firstValueFrom(dialog.open<TicketCreateDialog, TicketCreateData, TicketDetailDto>(TicketCreateDialog, { data, width: '640px', maxWidth: '95vw' }).afterClosed());
}
