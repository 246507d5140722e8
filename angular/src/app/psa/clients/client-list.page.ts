import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, effect, inject } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
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
import { Router, RouterLink } from '@angular/router';
import { debounceTime, map } from 'rxjs';
import { OrgDateTimePipe } from '../../core/format/format.pipes';
import { injectListState, injectPagedList } from '../../core/list/list-state';
import { PermissionDirective } from '../../core/permissions/permission.directive';
import { EmptyState } from '../../core/ui/empty-state';
import { Loading } from '../../core/ui/loading';
import { PageHeader } from '../../core/ui/page-header';
import { ClientsApi } from '../api/clients.api';
import { ClientDto } from '../api/psa.models';
import { Chip } from '../shared/chips';
import { ClientActions } from './client-actions';
import { openClientForm } from './client-form.dialog';

export const CLIENT_LIST_DEFAULTS = { sort: 'name', filters: { search: '', isActive: 'true' } };

/** The MSP's clients: search by name, active / inactive / all (in the URL), sorted and paged on the server. */
@Component({
  selector: 'app-client-list-page',
  imports: [
    Chip, EmptyState, Loading, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatMenuModule, MatPaginatorModule,
    MatSelectModule, MatSortModule, MatTableModule, OrgDateTimePipe, PageHeader, PermissionDirective, ReactiveFormsModule, RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-list.page.html',
  styleUrl: './client-list.page.scss',
})
export class ClientListPage {
  private readonly api = inject(ClientsApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly actions = inject(ClientActions);

  readonly list = injectListState(CLIENT_LIST_DEFAULTS);
  readonly page = injectPagedList<ClientDto, typeof CLIENT_LIST_DEFAULTS.filters>(this.list, (params) => this.api.list(params));

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly status = new FormControl('true', { nonNullable: true });
  private readonly phone = toSignal(inject(BreakpointObserver).observe('(max-width: 719.98px)').pipe(map((s) => s.matches)), { initialValue: false });
  protected readonly columns = computed(() => (this.phone() ? ['name', 'actions'] : ['name', 'billingEmail', 'currency', 'isActive', 'creationTime', 'actions']));

  constructor() {
    effect(() => {
      const f = this.list.filters();
      if (this.search.value.trim() !== f.search) this.search.setValue(f.search, { emitEvent: false });
      if (this.status.value !== f.isActive) this.status.setValue(f.isActive, { emitEvent: false });
    });
    this.search.valueChanges.pipe(debounceTime(300), takeUntilDestroyed()).subscribe((search) => this.list.setFilters({ search: search.trim() }));
    this.status.valueChanges.pipe(takeUntilDestroyed()).subscribe((isActive) => this.list.setFilters({ isActive }));
  }

  protected async create(): Promise<void> {
    const client = await openClientForm(this.dialog);
    if (client) void this.router.navigate(['/clients', client.id]);
  }

  protected async edit(client: ClientDto): Promise<void> {
    await openClientForm(this.dialog, client);
    this.page.reload();
  }

  protected async setActive(client: ClientDto, active: boolean): Promise<void> {
    if (await this.actions.setActive(client, active)) this.page.reload();
  }
}
