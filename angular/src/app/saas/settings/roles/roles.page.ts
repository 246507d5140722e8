import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import { firstValueFrom, forkJoin, map, switchMap } from 'rxjs';
import { AppConfigService } from '../../../core/config/app-config.service';
import { ErrorService } from '../../../core/errors/error.service';
import { injectLoader } from '../../../core/http/loader';
import { EmptyState } from '../../../core/ui/empty-state';
import { Loading } from '../../../core/ui/loading';
import { PageHeader } from '../../../core/ui/page-header';
import { ROLE_LABELS, RoleDto } from '../../api/saas.models';
import { RolesApi } from '../../api/roles.api';
import { MatrixGroup, RoleColumn, buildMatrix, grantList, groupState, isChanged, setPermission, toggleGroup } from './roles.model';

/**
 * Settings → Roles (/settings/roles): permissions (grouped by module, as the API names the groups) × roles, with
 * select-all per group. Admin holds everything and is read-only. Saving sends each changed role with the stamp it was
 * read with, so a save over someone else's answers 409 with Reload; afterwards the app configuration is reloaded, so
 * the menus follow at once for anyone in a changed role (here: after their next load).
 */
@Component({
  selector: 'app-roles-page',
  imports: [EmptyState, Loading, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatIconModule, MatSelectModule, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './roles.page.html',
  styleUrl: './roles.page.scss',
})
export class RolesPage {
  private readonly api = inject(RolesApi);
  private readonly config = inject(AppConfigService);
  private readonly errors = inject(ErrorService);

  protected readonly canEdit = computed(() => this.config.isGranted('Saas.Roles.Manage'));
  protected readonly matrix = injectLoader(() =>
    this.api.list().pipe(
      switchMap((roles) => forkJoin(roles.map((role) => this.api.permissions(role.name))).pipe(map((permissions) => ({ roles, permissions })))),
      map(({ roles, permissions }) => ({ roles, ...buildMatrix(permissions) })),
    ),
  );
  /** Edits on top of what was loaded: role → its column as the person has it now. */
  private readonly edits = signal<Record<string, RoleColumn>>({});
  protected readonly busy = signal(false);

  protected readonly groups = computed<MatrixGroup[]>(() => this.matrix.value()?.groups ?? []);
  protected readonly allColumns = computed<RoleColumn[]>(() => (this.matrix.value()?.columns ?? []).map((c) => this.edits()[c.role] ?? c));
  /** A phone shows one role's column at a time, chosen above the matrix. */
  protected readonly phone = toSignal(inject(BreakpointObserver).observe('(max-width: 599.98px)').pipe(map((state) => state.matches)), { initialValue: false });
  protected readonly phoneRole = signal('Technician');
  protected readonly columns = computed<RoleColumn[]>(() => {
    const all = this.allColumns();
    if (!this.phone()) return all;
    const chosen = all.filter((c) => c.role === this.phoneRole());
    return chosen.length ? chosen : all.slice(0, 1);
  });
  protected readonly changed = computed(() => this.allColumns().filter(isChanged));
  protected readonly memberCounts = computed(() => new Map((this.matrix.value()?.roles ?? []).map((r: RoleDto) => [r.name, r.userCount])));

  protected roleLabel(role: string): string {
    return ROLE_LABELS[role] ?? role;
  }

  protected groupState(column: RoleColumn, group: MatrixGroup) {
    return groupState(column.granted, group);
  }

  protected toggle(column: RoleColumn, permission: string, on: boolean): void {
    this.update(column, setPermission(column.granted, permission, on, this.groups()));
  }

  protected toggleGroup(column: RoleColumn, group: MatrixGroup): void {
    this.update(column, toggleGroup(column.granted, group));
  }

  private update(column: RoleColumn, granted: ReadonlySet<string>): void {
    if (!column.isEditable || !this.canEdit()) return;
    this.edits.update((edits) => ({ ...edits, [column.role]: { ...column, granted } }));
  }

  protected discard(): void {
    this.edits.set({});
  }

  protected async save(): Promise<void> {
    const changed = this.changed();
    if (changed.length === 0) return;
    this.busy.set(true);
    const saved: string[] = [];
    try {
      // One role after another, each with the stamp it was read with: a stale one stops here with 409.
      for (const column of changed) {
        await firstValueFrom(this.api.update(column.role, grantList(column, this.groups()), column.concurrencyStamp));
        saved.push(column.role);
      }
      this.errors.success(`Saved the permissions of ${saved.map((r) => this.roleLabel(r)).join(', ')}. Members see the change on their next page load.`);
    } catch (error) {
      this.errors.handle(error, {
        reload: () => {
          this.edits.set({});
          this.matrix.reload();
        },
      });
    } finally {
      // Saved roles come back from the server with new stamps; unsaved edits stay on screen.
      if (saved.length > 0) {
        const rest = { ...this.edits() };
        saved.forEach((role) => delete rest[role]);
        this.edits.set(rest);
        this.matrix.reload();
        // My own permissions may have changed: menus, guards and buttons follow the configuration.
        await this.config.load();
      }
      this.busy.set(false);
    }
  }
}
