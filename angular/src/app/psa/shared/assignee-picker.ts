import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { AppConfigService } from '../../core/config/app-config.service';
import { controlError } from '../../core/errors/form-errors';
import { AssigneeDto } from '../api/psa.models';
import { TicketsApi } from '../api/tickets.api';

/**
 * Chooses a member (GET /api/psa/assignees: the active members, no team permission needed), the signed-in person
 * first as "Me". Bind it to a control holding the member's id or null:
 * `<app-assignee-picker [control]="form.controls.assigneeId" />`. `emptyLabel` names the null choice
 * ("Unassigned" on a ticket, "Anyone" in a filter); `current` keeps a member who has since left choosable.
 */
@Component({
  selector: 'app-assignee-picker',
  imports: [MatFormFieldModule, MatSelectModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="field" floatLabel="always">
      <mat-label>{{ label() }}</mat-label>
      <mat-select [formControl]="control()" [placeholder]="emptyLabel()">
        <mat-option [value]="null">{{ emptyLabel() }}</mat-option>
        @for (member of members(); track member.id) {
          <mat-option [value]="member.id">{{ member.id === me ? 'Me (' + member.name + ')' : member.name }}</mat-option>
        }
      </mat-select>
      @if (hint()) { <mat-hint>{{ hint() }}</mat-hint> }
      <mat-error>{{ error() }}</mat-error>
    </mat-form-field>
  `,
  styles: `:host { display: block; } .field { width: 100%; }`,
})
export class AssigneePicker implements OnInit {
  private readonly api = inject(TicketsApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly me = inject(AppConfigService).user()?.id ?? '';

  readonly control = input.required<FormControl<string | null>>();
  readonly label = input('Assignee');
  readonly emptyLabel = input('Unassigned');
  readonly hint = input<string>();
  readonly current = input<AssigneeDto | null>(null);

  private readonly loaded = signal<AssigneeDto[]>([]);
  private readonly errorsVersion = signal(0);
  protected readonly error = computed(() => {
    this.errorsVersion();
    return controlError(this.control());
  });
  protected readonly members = computed(() => {
    const members = [...this.loaded()];
    const current = this.current();
    if (current && !members.some((m) => m.id === current.id)) members.push(current);
    const mine = members.filter((m) => m.id === this.me);
    return [...mine, ...members.filter((m) => m.id !== this.me)];
  });

  ngOnInit(): void {
    this.control().statusChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.errorsVersion.update((v) => v + 1));
    this.api.assignees({ take: 1000 }).pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (page) => this.loaded.set(page.items),
      error: () => this.loaded.set([]),
    });
  }
}
