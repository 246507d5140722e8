import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { Subject, catchError, debounceTime, firstValueFrom, map, of } from 'rxjs';
import { AppConfigService } from '../../../core/config/app-config.service';
import { ErrorService } from '../../../core/errors/error.service';
import { OrgDateTimePipe } from '../../../core/format/format.pipes';
import { injectLoader } from '../../../core/http/loader';
import { toProblem } from '../../../core/http/problem';
import { injectListState, injectPagedList } from '../../../core/list/list-state';
import { PermissionDirective } from '../../../core/permissions/permission.directive';
import { confirm } from '../../../core/ui/confirm-dialog';
import { EmptyState } from '../../../core/ui/empty-state';
import { Loading } from '../../../core/ui/loading';
import { PageHeader } from '../../../core/ui/page-header';
import { InvitationDto, ROLE_LABELS, STANDARD_ROLES, UserDto } from '../../api/saas.models';
import { RolesApi } from '../../api/roles.api';
import { TeamApi } from '../../api/team.api';
import { ChangeRoleData, ChangeRoleDialog } from './change-role.dialog';
import { InviteData, InviteDialog } from './invite.dialog';
import { explainTeamRefusal, isTeamRefusal } from './team-refusals';

/**
 * Settings → Team (/settings/team): members with role and status (search, role and status filters, paging and sorting
 * in the URL), invitations not yet accepted, and for Saas.Users.Manage: invite, change role, deactivate and reactivate.
 * The API's rules (last Admin, not yourself, no escalation) are explained when it refuses.
 */
@Component({
  selector: 'app-team-page',
  imports: [
    EmptyState, Loading, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatMenuModule, MatPaginatorModule, MatSelectModule,
    MatSortModule, MatTableModule, OrgDateTimePipe, PageHeader, PermissionDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './team.page.html',
  styleUrl: './team.page.scss',
})
export class TeamPage {
  private readonly api = inject(TeamApi);
  private readonly config = inject(AppConfigService);
  private readonly errors = inject(ErrorService);
  private readonly dialog = inject(MatDialog);

  protected readonly me = this.config.user()?.id ?? '';
  protected readonly canManage = computed(() => this.config.isGranted('Saas.Users.Manage'));
  /** On a phone the email and status go under the name, and the last sign-in is left out. */
  protected readonly phone = toSignal(inject(BreakpointObserver).observe('(max-width: 599.98px)').pipe(map((state) => state.matches)), { initialValue: false });
  protected readonly columns = computed(() => [
    ...(this.phone() ? ['name', 'role'] : ['name', 'email', 'role', 'isActive', 'lastLoginTime']),
    ...(this.canManage() ? ['actions'] : []),
  ]);

  protected readonly list = injectListState({ sort: 'name', filters: { search: '', role: '', isActive: '' } });
  protected readonly page = injectPagedList(this.list, (params) => this.api.users(params));
  protected readonly invitations = injectLoader(() => this.api.invitations());
  protected readonly pendingInvitations = computed(() => (this.invitations.value() ?? []).filter((i) => i.status === 'Pending'));
  protected readonly otherInvitations = computed(() => (this.invitations.value() ?? []).filter((i) => i.status !== 'Pending').slice(0, 10));

  /** The roles to choose from: the organisation's when this person may read them, else the standard four. */
  protected readonly roles = toSignal(
    this.config.isGranted('Saas.Roles')
      ? inject(RolesApi).list().pipe(map((roles) => roles.map((r) => r.name)), catchError(() => of([...STANDARD_ROLES])))
      : of([...STANDARD_ROLES]),
    { initialValue: [...STANDARD_ROLES] as string[] },
  );

  protected readonly refusal = signal<string | null>(null);
  protected readonly busy = signal(false);
  private readonly search$ = new Subject<string>();

  constructor() {
    this.search$.pipe(debounceTime(300), takeUntilDestroyed(inject(DestroyRef))).subscribe((search) => this.list.setFilters({ search }));
  }

  protected roleLabel(role: string): string {
    return ROLE_LABELS[role] ?? role;
  }

  protected onSearch(value: string): void {
    this.search$.next(value.trim());
  }

  protected async invite(): Promise<void> {
    const ref = this.dialog.open<InviteDialog, InviteData, InvitationDto>(InviteDialog, { data: { roles: this.roles() }, width: '520px', maxWidth: '94vw' });
    await firstValueFrom(ref.afterClosed());
    // Sent or not, the list shows the truth (the dialog may have sent before being closed).
    this.invitations.reload();
  }

  protected async changeRole(member: UserDto): Promise<void> {
    this.refusal.set(null);
    const ref = this.dialog.open<ChangeRoleDialog, ChangeRoleData, UserDto>(ChangeRoleDialog, { data: { member, roles: this.roles() }, width: '480px', maxWidth: '94vw' });
    const changed = await firstValueFrom(ref.afterClosed());
    if (!changed) return;
    this.errors.success(`${changed.name} is now ${this.roleLabel(changed.role)}.`);
    this.page.reload();
    // What I may do follows my role: menus and buttons must follow it too.
    if (changed.id === this.me) await this.config.load();
  }

  protected async deactivate(member: UserDto): Promise<void> {
    const yes = await confirm(this.dialog, {
      title: `Deactivate ${member.name}?`,
      text: `${member.name} is signed out at once and can no longer sign in. Their time, tickets and history stay; you can reactivate them later.`,
      confirm: 'Deactivate',
      destructive: true,
    });
    if (yes) await this.run(member, () => this.api.deactivate(member.id), `${member.name} is deactivated and signed out.`);
  }

  protected async reactivate(member: UserDto): Promise<void> {
    await this.run(member, () => this.api.reactivate(member.id), `${member.name} can sign in again.`);
  }

  private async run(member: UserDto, call: () => ReturnType<TeamApi['deactivate']>, done: string): Promise<void> {
    this.busy.set(true);
    this.refusal.set(null);
    try {
      await firstValueFrom(call());
      this.errors.success(done);
      this.page.reload();
    } catch (error) {
      const problem = toProblem(error);
      if (isTeamRefusal(problem)) this.refusal.set(explainTeamRefusal(problem));
      else this.errors.handle(error, { reload: () => this.page.reload() });
    } finally {
      this.busy.set(false);
    }
  }

  protected async revoke(invitation: InvitationDto): Promise<void> {
    const yes = await confirm(this.dialog, {
      title: `Revoke the invitation to ${invitation.email}?`,
      text: 'The link in their email stops working. You can invite them again at any time.',
      confirm: 'Revoke invitation',
      destructive: true,
    });
    if (!yes) return;
    try {
      await firstValueFrom(this.api.revoke(invitation.id));
      this.errors.success(`The invitation to ${invitation.email} is revoked.`);
      this.invitations.reload();
    } catch (error) {
      this.errors.handle(error, { reload: () => this.invitations.reload() });
    }
  }
}
