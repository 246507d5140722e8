import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { catchError, of, switchMap, tap } from 'rxjs';
import { ErrorService } from '../../../core/errors/error.service';
import { OrgDateTimePipe } from '../../../core/format/format.pipes';
import { Loading } from '../../../core/ui/loading';
import { TimeEntryTransitionDto } from '../../api/psa.models';
import { TimeEntriesApi } from '../../api/time-entries.api';
import { STATUS_LABELS } from './entry-status';

/** Every step of an entry's workflow, oldest first: who, when, from → to, and why. `<app-entry-history [entryId]="e.id" [revision]="e.concurrencyStamp" />`. */
@Component({
  selector: 'app-entry-history',
  imports: [Loading, MatButtonModule, OrgDateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (loading()) {
      <app-loading label="Loading the history" />
    } @else if (failed()) {
      <p class="muted">The history could not be loaded. <button mat-button type="button" (click)="retry()">Try again</button></p>
    } @else {
      <ol class="steps" aria-label="History">
        @for (step of steps(); track $index) {
          <li>
            <span class="action">{{ step.action }}</span>
            <span class="move">{{ step.from ? label(step.from) + ' → ' : '' }}{{ label(step.to) }}</span>
            <span class="muted">{{ step.actorName }} · {{ step.at | orgDateTime }}</span>
            @if (step.reason) { <span class="reason">“{{ step.reason }}”</span> }
          </li>
        }
      </ol>
    }
  `,
  styles: `
    .steps { list-style: none; margin: 0; padding: 0 0 0 14px; border-left: 2px solid var(--mat-sys-outline-variant); }
    li { position: relative; display: flex; flex-direction: column; gap: 2px; padding: 0 0 14px 12px; }
    li::before { content: ''; position: absolute; left: -21px; top: 4px; width: 10px; height: 10px; border-radius: 50%; background: var(--mat-sys-primary); }
    .action { font: var(--mat-sys-title-small); }
    .reason { color: var(--mat-sys-error); overflow-wrap: anywhere; }
  `,
})
export class EntryHistory {
  private readonly api = inject(TimeEntriesApi);
  private readonly errors = inject(ErrorService);
  private readonly version = signal(0);

  readonly entryId = input.required<string>();
  /** Anything that changes when the entry moves (its concurrencyStamp): the history is read again. */
  readonly revision = input<string | null>(null);
  protected readonly steps = signal<TimeEntryTransitionDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);

  constructor() {
    toObservable(computed(() => ({ id: this.entryId(), revision: this.revision(), version: this.version() })))
      .pipe(
        tap(() => this.loading.set(true)),
        switchMap(({ id }) => this.api.history(id).pipe(catchError((error: unknown) => {
          this.errors.handle(error);
          return of(null);
        }))),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((steps) => {
        this.failed.set(steps === null);
        this.steps.set(steps ?? []);
        this.loading.set(false);
      });
  }

  protected label(status: keyof typeof STATUS_LABELS): string {
    return STATUS_LABELS[status];
  }

  protected retry(): void {
    this.version.update((v) => v + 1);
  }
}
