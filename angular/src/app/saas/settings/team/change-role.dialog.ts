import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom } from 'rxjs';
import { ErrorService } from '../../../core/errors/error.service';
import { toProblem } from '../../../core/http/problem';
import { ROLE_LABELS, UserDto } from '../../api/saas.models';
import { TeamApi } from '../../api/team.api';
import { explainTeamRefusal, isTeamRefusal } from './team-refusals';

export interface ChangeRoleData {
  member: UserDto;
  roles: string[];
}

/** Gives a member another role; a refusal (the last Admin, your own role, a role above yours) is explained here. */
@Component({
  selector: 'app-change-role-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatIconModule, MatSelectModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Change {{ data.member.name }}'s role</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="content">
        @if (refusal()) { <div class="form-alert" role="alert"><mat-icon aria-hidden="true">block</mat-icon><span>{{ refusal() }}</span></div> }
        <p>{{ data.member.email }} is {{ label(data.member.role) }} now. A new role applies at once, on their next click.</p>
        <mat-form-field>
          <mat-label>Role</mat-label>
          <mat-select formControlName="role">
            @for (role of data.roles; track role) { <mat-option [value]="role">{{ label(role) }}</mat-option> }
          </mat-select>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy() || form.controls.role.value === data.member.role">Change role</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .content { display: flex; flex-direction: column; gap: 8px; min-width: min(420px, 80vw); }
    p { margin: 0 0 8px; max-width: 56ch; }
    mat-form-field { width: 100%; }
  `,
})
export class ChangeRoleDialog {
  protected readonly data = inject<ChangeRoleData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<ChangeRoleDialog, UserDto>);
  private readonly api = inject(TeamApi);
  private readonly errors = inject(ErrorService);
  protected readonly busy = signal(false);
  protected readonly refusal = signal<string | null>(null);
  protected readonly form = inject(FormBuilder).nonNullable.group({ role: [this.data.member.role] });

  protected label(role: string): string {
    return ROLE_LABELS[role] ?? role;
  }

  protected async save(): Promise<void> {
    this.busy.set(true);
    this.refusal.set(null);
    try {
      this.ref.close(await firstValueFrom(this.api.changeRole(this.data.member.id, this.form.controls.role.value)));
    } catch (error) {
      const problem = toProblem(error);
      if (isTeamRefusal(problem)) this.refusal.set(explainTeamRefusal(problem));
      else this.errors.handle(error, { form: this.form });
    } finally {
      this.busy.set(false);
    }
  }
}
