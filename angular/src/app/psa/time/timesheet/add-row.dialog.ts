import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { catchError, combineLatest, debounceTime, distinctUntilChanged, map, of, startWith, switchMap } from 'rxjs';
import { controlError } from '../../../core/errors/form-errors';
import { ClientsApi } from '../../api/clients.api';
import { ClientDto, OPEN_TICKET_STATUSES, TicketDto, TimeEntryKind } from '../../api/psa.models';
import { TicketsApi } from '../../api/tickets.api';
import { INTERNAL, RowTarget } from './timesheet.model';

export interface AddRowData {
  canPickTickets: boolean;
  canPickClients: boolean;
}

export interface AddRowResult {
  target: RowTarget;
  billable: boolean;
  description: string;
}

/** Picks what a new timesheet row is for: a ticket, a client without a ticket, or internal work. */
@Component({
  selector: 'app-add-row-dialog',
  imports: [MatAutocompleteModule, MatButtonModule, MatCheckboxModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatRadioModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Add a row</h2>
    <form [formGroup]="form" (ngSubmit)="add()" novalidate>
      <mat-dialog-content class="content">
        <mat-radio-group formControlName="kind" aria-label="What the time is for" class="kinds">
          <mat-radio-button value="Ticket" [disabled]="!data.canPickTickets">A ticket</mat-radio-button>
          <mat-radio-button value="Client" [disabled]="!data.canPickClients">A client, without a ticket</mat-radio-button>
          <mat-radio-button value="Internal">Internal work (never billable)</mat-radio-button>
        </mat-radio-group>

        @if (kind() === 'Ticket') {
          <mat-form-field>
            <mat-label>Ticket</mat-label>
            <input matInput formControlName="search" [matAutocomplete]="tickets" placeholder="Number, title or client" />
            <mat-autocomplete #tickets="matAutocomplete" (optionSelected)="pickTicket($event.option.value)">
              @for (ticket of ticketOptions(); track ticket.id) {
                <mat-option [value]="ticket">{{ ticket.number }} · {{ ticket.title }} <span class="muted">· {{ ticket.clientName }}</span></mat-option>
              } @empty {
                <mat-option disabled>No open ticket matches</mat-option>
              }
            </mat-autocomplete>
            @if (picked()) { <mat-hint>{{ picked()!.label }}</mat-hint> }
            <mat-error>{{ pickError() }}</mat-error>
          </mat-form-field>
        } @else if (kind() === 'Client') {
          <mat-form-field>
            <mat-label>Client</mat-label>
            <input matInput formControlName="search" [matAutocomplete]="clients" placeholder="Client name" />
            <mat-autocomplete #clients="matAutocomplete" (optionSelected)="pickClient($event.option.value)">
              @for (client of clientOptions(); track client.id) {
                <mat-option [value]="client">{{ client.name }}</mat-option>
              } @empty {
                <mat-option disabled>No active client matches</mat-option>
              }
            </mat-autocomplete>
            <mat-error>{{ pickError() }}</mat-error>
          </mat-form-field>
        }

        <mat-form-field>
          <mat-label>Description</mat-label>
          <input matInput formControlName="description" maxlength="4000" />
          <mat-hint>Used for the row's new entries; change it per day in the entry details.</mat-hint>
          <mat-error>{{ errorOf(form.controls.description) }}</mat-error>
        </mat-form-field>

        <mat-checkbox formControlName="billable">Billable</mat-checkbox>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit">Add row</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .content { display: flex; flex-direction: column; gap: 12px; min-width: min(440px, 80vw); }
    .kinds { display: flex; flex-direction: column; gap: 4px; margin-bottom: 8px; }
    mat-form-field { width: 100%; }
  `,
})
export class AddRowDialog {
  protected readonly data = inject<AddRowData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<AddRowDialog, AddRowResult>);
  private readonly ticketsApi = inject(TicketsApi);
  private readonly clientsApi = inject(ClientsApi);
  protected readonly errorOf = controlError;

  protected readonly form = inject(FormBuilder).nonNullable.group({
    kind: [(this.data.canPickTickets ? 'Ticket' : this.data.canPickClients ? 'Client' : 'Internal') as TimeEntryKind],
    search: [''],
    description: ['', [Validators.required, Validators.maxLength(4000)]],
    billable: [true],
  });
  protected readonly kind = toSignal(this.form.controls.kind.valueChanges, { initialValue: this.form.controls.kind.value });
  protected readonly picked = signal<{ target: RowTarget; label: string } | null>(null);
  protected readonly pickError = signal('');

  // What to look up: the kind chosen and the text typed (a new kind looks up again, even with nothing typed).
  private readonly query$ = combineLatest([
    this.form.controls.kind.valueChanges.pipe(startWith(this.form.controls.kind.value)),
    this.form.controls.search.valueChanges.pipe(startWith(''), map((value) => (typeof value === 'string' ? value.trim() : '')), debounceTime(200)),
  ]).pipe(distinctUntilChanged((a, b) => a[0] === b[0] && a[1] === b[1]));
  protected readonly ticketOptions = toSignal(this.query$.pipe(
    switchMap(([kind, text]) => kind !== 'Ticket' ? of([] as TicketDto[])
      : this.ticketsApi.list({ text: text || undefined, status: OPEN_TICKET_STATUSES.join(','), sort: 'number desc', take: 10 }).pipe(map((p) => p.items), catchError(() => of([] as TicketDto[])))),
  ), { initialValue: [] as TicketDto[] });
  protected readonly clientOptions = toSignal(this.query$.pipe(
    switchMap(([kind, search]) => kind !== 'Client' ? of([] as ClientDto[])
      : this.clientsApi.list({ search: search || undefined, isActive: true, sort: 'name', take: 10 }).pipe(map((p) => p.items), catchError(() => of([] as ClientDto[])))),
  ), { initialValue: [] as ClientDto[] });

  constructor() {
    this.form.controls.kind.valueChanges.pipe(takeUntilDestroyed()).subscribe((kind) => {
      this.picked.set(null);
      this.pickError.set('');
      this.form.controls.search.setValue('');
      const billable = this.form.controls.billable;
      if (kind === 'Internal') {
        billable.setValue(false);
        billable.disable();
      } else {
        billable.enable();
        billable.setValue(true);
      }
    });
    // Typing after a pick means the pick no longer holds.
    this.form.controls.search.valueChanges.pipe(takeUntilDestroyed()).subscribe((value) => {
      if (typeof value === 'string' && this.picked() && value !== this.picked()!.label) this.picked.set(null);
    });
  }

  protected pickTicket(ticket: TicketDto): void {
    const label = `${ticket.number} · ${ticket.title}`;
    this.picked.set({
      target: { kind: 'Ticket', ticketId: ticket.id, ticketNumber: ticket.number, ticketTitle: ticket.title, clientId: ticket.clientId, clientName: ticket.clientName },
      label,
    });
    this.form.controls.search.setValue(label, { emitEvent: false });
    this.setPickError('');
  }

  protected pickClient(client: ClientDto): void {
    this.picked.set({ target: { kind: 'Client', ticketId: null, ticketNumber: null, ticketTitle: null, clientId: client.id, clientName: client.name }, label: client.name });
    this.form.controls.search.setValue(client.name, { emitEvent: false });
    this.setPickError('');
  }

  protected add(): void {
    const kind = this.form.controls.kind.value;
    const target = kind === 'Internal' ? INTERNAL : this.picked()?.target ?? null;
    if (!target) this.setPickError(kind === 'Ticket' ? 'Choose a ticket from the list.' : 'Choose a client from the list.');
    if (this.form.controls.description.invalid) this.form.controls.description.markAsTouched();
    if (!target || this.form.controls.description.invalid) return;
    this.ref.close({ target, billable: kind !== 'Internal' && this.form.controls.billable.value, description: this.form.controls.description.value.trim() });
  }

  private setPickError(message: string): void {
    this.pickError.set(message);
    const search = this.form.controls.search;
    search.setErrors(message ? { message } : null);
    if (message) search.markAsTouched();
  }
}
