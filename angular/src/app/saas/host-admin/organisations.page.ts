import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { debounceTime, distinctUntilChanged, firstValueFrom } from 'rxjs';
import { ErrorService } from '../../core/errors/error.service';
import { OrgDateTimePipe } from '../../core/format/format.pipes';
import { injectListState, injectPagedList } from '../../core/list/list-state';
import { PermissionDirective } from '../../core/permissions/permission.directive';
import { EmptyState } from '../../core/ui/empty-state';
import { Loading } from '../../core/ui/loading';
import { PageHeader } from '../../core/ui/page-header';
import { TenantActionDialog, TenantActionData } from './tenant-action.dialog';
import { TenantDto } from '../api/saas.models';
import { TenantsApi } from '../api/tenants.api';

/** Host administration: every organisation with its status and size; suspend and reactivate; the background jobs. */
@Component({
  selector: 'app-organisations-page',
  imports: [
    EmptyState, Loading, MatButtonModule, MatButtonToggleModule, MatFormFieldModule, MatIconModule, MatInputModule, MatPaginatorModule,
    MatSortModule, MatTableModule, MatTooltipModule, OrgDateTimePipe, PageHeader, PermissionDirective, ReactiveFormsModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './organisations.page.html',
  styleUrl: './organisations.page.scss',
})
export class OrganisationsPage {
  private readonly api = inject(TenantsApi);
  private readonly dialog = inject(MatDialog);
  private readonly errors = inject(ErrorService);

  protected readonly list = injectListState({ sort: 'creationTime desc', filters: { search: '', isActive: '' } });
  protected readonly page = injectPagedList(this.list, (params) => this.api.list(params));
  protected readonly columns = ['name', 'status', 'userCount', 'creationTime', 'actions'];
  protected readonly search = new FormControl(this.list.filters().search, { nonNullable: true });

  constructor() {
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((search) => this.list.setFilters({ search: search.trim() }));
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.list.resetFilters();
  }

  protected async act(tenant: TenantDto, action: TenantActionData['action']): Promise<void> {
    const result = await firstValueFrom(
      this.dialog.open<TenantActionDialog, TenantActionData, string>(TenantActionDialog, { data: { action, tenant }, width: '520px' }).afterClosed(),
    );
    if (result === undefined) return;
    try {
      const changed = await firstValueFrom(action === 'suspend' ? this.api.suspend(tenant.id, result) : this.api.reactivate(tenant.id));
      this.errors.success(changed.isActive ? `${changed.name} is active again.` : `${changed.name} is suspended; its users are signed out.`);
      this.page.reload();
    } catch (error) {
      this.errors.handle(error);
    }
  }
}
