import { ChangeDetectionStrategy, Component, DestroyRef, DoCheck, OnInit, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { catchError, debounceTime, distinctUntilChanged, map, of, startWith, switchMap } from 'rxjs';
import { controlError } from '../../core/errors/form-errors';
import { ClientsApi } from '../api/clients.api';
import { ClientDto } from '../api/psa.models';

/**
 * Picks a client by typing part of its name (searched on the server, active clients only unless told otherwise).
 * Bind it to a control holding the client's id: `<app-client-picker [control]="form.controls.clientId" />`; the
 * control's errors (required, or the API's `clientId` message) show beneath it. `picked` emits the whole client, for
 * defaults that depend on it (currency, billable). With `clearable` it also offers an × (for filters).
 */
@Component({
  selector: 'app-client-picker',
  imports: [MatAutocompleteModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="field">
      <mat-label>{{ label() }}</mat-label>
      <input matInput [formControl]="text" [matAutocomplete]="auto" [errorStateMatcher]="matcher" (blur)="blurred()"
        autocomplete="off" spellcheck="false" [placeholder]="placeholder()" />
      @if (clearable() && control().value && !control().disabled) {
        <button matIconSuffix mat-icon-button type="button" [attr.aria-label]="'Clear ' + label().toLowerCase()" (click)="clear()">
          <mat-icon>close</mat-icon>
        </button>
      }
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="display" (optionSelected)="pick($event)" autoActiveFirstOption>
        @for (client of options(); track client.id) {
          <mat-option [value]="client">{{ client.name }}@if (!client.isActive) { <span class="muted"> (inactive)</span> }</mat-option>
        } @empty {
          @if (!searching()) { <mat-option disabled>No client matches</mat-option> }
        }
      </mat-autocomplete>
      @if (hint()) { <mat-hint>{{ hint() }}</mat-hint> }
      <mat-error>{{ error() }}</mat-error>
    </mat-form-field>
  `,
  styles: `:host { display: block; } .field { width: 100%; }`,
})
export class ClientPicker implements OnInit, DoCheck {
  private readonly api = inject(ClientsApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly control = input.required<FormControl<string | null>>();
  readonly label = input('Client');
  readonly hint = input<string>();
  readonly placeholder = input('Type to search');
  /** The chosen client's name when the caller already knows it (saves a request). */
  readonly selectedName = input<string | null>(null);
  readonly includeInactive = input(false);
  readonly clearable = input(false);
  readonly picked = output<ClientDto | null>();

  protected readonly text = new FormControl<string | ClientDto>('', { nonNullable: true });
  protected readonly options = signal<ClientDto[]>([]);
  protected readonly searching = signal(false);
  private readonly errorsVersion = signal(0);
  protected readonly error = computed(() => {
    this.errorsVersion();
    return controlError(this.control());
  });
  private chosen: { id: string; name: string } | null = null;
  private shownId: string | null | undefined = undefined;

  /** The field shows the bound control's errors, not its own text's. */
  protected readonly matcher: ErrorStateMatcher = { isErrorState: () => !!this.control().invalid && (this.control().touched || this.control().dirty) };
  protected readonly display = (value: string | ClientDto | null) => (typeof value === 'string' ? value : value?.name ?? '');

  ngOnInit(): void {
    const control = this.control();
    this.syncDisabled();
    control.statusChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => {
      this.syncDisabled();
      this.errorsVersion.update((v) => v + 1);
    });
    control.valueChanges.pipe(startWith(control.value), takeUntilDestroyed(this.destroyRef)).subscribe((id) => this.show(id));

    // The first page of clients is there on focus; typing searches the server.
    this.text.valueChanges
      .pipe(
        startWith(''),
        map((value) => (typeof value === 'string' ? value : value.name)),
        debounceTime(200),
        distinctUntilChanged(),
        switchMap((search) => {
          this.searching.set(true);
          return this.api.list({ search: search.trim() || undefined, isActive: this.includeInactive() ? undefined : true, take: 20, sort: 'name' })
            .pipe(map((page) => page.items), catchError(() => of([] as ClientDto[])));
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((clients) => {
        this.options.set(clients);
        this.searching.set(false);
      });
  }

  /** A value set without an event (a list following its URL back and forward) still shows its client's name. */
  ngDoCheck(): void {
    const id = this.control().value;
    if (this.shownId !== undefined && id !== this.shownId) this.show(id);
  }

  protected pick(event: MatAutocompleteSelectedEvent): void {
    const client = event.option.value as ClientDto;
    this.chosen = { id: client.id, name: client.name };
    const control = this.control();
    control.setValue(client.id);
    control.markAsDirty();
    control.markAsTouched();
    this.picked.emit(client);
  }

  protected clear(): void {
    this.chosen = null;
    this.text.setValue('', { emitEvent: false });
    this.control().setValue(null);
    this.control().markAsDirty();
    this.picked.emit(null);
  }

  /** Typing without picking leaves no client chosen (so "required" says so); leaving the field restores a pick. */
  protected blurred(): void {
    this.control().markAsTouched();
    const typed = this.text.value;
    if (typeof typed !== 'string') return;
    if (typed.trim() === '') {
      if (this.control().value !== null) this.clear();
    } else if (this.chosen && typed.trim() === this.chosen.name) {
      return;
    } else if (this.chosen) {
      this.text.setValue(this.chosen.name, { emitEvent: false });
    }
    this.errorsVersion.update((v) => v + 1);
  }

  private show(id: string | null): void {
    this.shownId = id;
    if (!id) {
      this.chosen = null;
      if (typeof this.text.value !== 'string' || this.text.value) this.text.setValue('', { emitEvent: false });
      return;
    }
    if (this.chosen?.id === id) return;
    const known = this.selectedName();
    if (known) {
      this.chosen = { id, name: known };
      this.text.setValue(known, { emitEvent: false });
      return;
    }
    this.api.get(id).pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (client) => {
        if (this.control().value !== id) return;
        this.chosen = { id, name: client.name };
        this.text.setValue(client.name, { emitEvent: false });
      },
      error: () => this.text.setValue('(unknown client)', { emitEvent: false }),
    });
  }

  private syncDisabled(): void {
    const disabled = this.control().disabled;
    if (disabled && this.text.enabled) this.text.disable({ emitEvent: false });
    if (!disabled && this.text.disabled) this.text.enable({ emitEvent: false });
  }
}
