import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatTabsModule } from '@angular/material/tabs';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AppConfigService } from '../../core/config/app-config.service';
import { ErrorService } from '../../core/errors/error.service';
import { toProblem } from '../../core/http/problem';
import { PermissionDirective } from '../../core/permissions/permission.directive';
import { EmptyState } from '../../core/ui/empty-state';
import { Loading } from '../../core/ui/loading';
import { ClientsApi } from '../api/clients.api';
import { Chip } from '../shared/chips';
import { openTicketCreate } from '../tickets/ticket-create.dialog';
import { ClientActions } from './client-actions';
import { ClientContext } from './client-context';
import { openClientForm } from './client-form.dialog';
import { CLIENT_TABS } from './client-tabs';

/** A client: its name and state, Edit / Deactivate, and its tabs (CLIENT_TABS), each at /clients/:id/<tab>. */
@Component({
  selector: 'app-client-detail-page',
  imports: [Chip, EmptyState, Loading, MatButtonModule, MatIconModule, MatMenuModule, MatTabsModule, PermissionDirective, RouterLink, RouterLinkActive, RouterOutlet],
  providers: [ClientContext],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <a class="back" routerLink="/clients"><mat-icon aria-hidden="true" inline>arrow_back</mat-icon> Clients</a>
      @if (loading() && !client()) {
        <app-loading label="Loading the client" />
      } @else if (missing()) {
        <app-empty-state icon="search_off" title="Client not found" text="It may have been mistyped, deleted, or it belongs to another organisation.">
          <a mat-stroked-button routerLink="/clients">All clients</a>
        </app-empty-state>
      } @else if (failed() && !client()) {
        <app-empty-state icon="error" title="The client could not be loaded"><button mat-stroked-button type="button" (click)="load()">Try again</button></app-empty-state>
      } @else if (client(); as c) {
        <header class="head">
          <div class="titles">
            <h1>{{ c.name }}</h1>
            <p class="muted meta">
              <app-chip [tone]="c.isActive ? 'success' : 'neutral'" [value]="c.isActive ? 'Active' : 'Inactive'" />
              <span>{{ c.currency }}</span>
              @if (c.billingEmail) { <span>{{ c.billingEmail }}</span> }
            </p>
          </div>
          <div class="actions">
            @if (c.isActive) {
              <button mat-stroked-button type="button" *appPermission="'Psa.Tickets.Manage'" (click)="newTicket()"><mat-icon>add</mat-icon>New ticket</button>
            }
            <ng-container *appPermission="'Psa.Clients.Manage'">
              <button mat-flat-button type="button" (click)="edit()"><mat-icon>edit</mat-icon>Edit client</button>
              @if (c.isActive) {
                <button mat-button type="button" (click)="setActive(false)">Deactivate</button>
              } @else {
                <button mat-button type="button" (click)="setActive(true)">Reactivate</button>
              }
            </ng-container>
          </div>
        </header>
        @if (!c.isActive) {
          <div class="form-alert info" role="status"><mat-icon aria-hidden="true">info</mat-icon><span>This client is inactive: no new tickets or time can be logged for it until it is reactivated.</span></div>
        }
        <nav mat-tab-nav-bar [tabPanel]="panel" mat-stretch-tabs="false" mat-align-tabs="start" aria-label="Client sections">
          @for (tab of tabs(); track tab.path) {
            <a mat-tab-link [routerLink]="tab.path" routerLinkActive #rla="routerLinkActive" [active]="rla.isActive">{{ tab.label }}</a>
          }
        </nav>
        <mat-tab-nav-panel #panel class="panel"><router-outlet /></mat-tab-nav-panel>
      }
    </div>
  `,
  styles: `
    .back { display: inline-flex; align-items: center; gap: 4px; margin-bottom: 12px; text-decoration: none; }
    .head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: flex-end; gap: 12px 24px; margin-bottom: 16px; }
    .titles { min-width: 0; }
    h1 { margin: 0; font: var(--mat-sys-headline-small); overflow-wrap: anywhere; }
    .meta { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; margin: 8px 0 0; }
    .actions { display: flex; flex-wrap: wrap; gap: 8px; }
    .panel { display: block; padding-top: 20px; }
  `,
})
export class ClientDetailPage {
  private readonly api = inject(ClientsApi);
  private readonly config = inject(AppConfigService);
  private readonly errors = inject(ErrorService);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly actions = inject(ClientActions);
  private readonly title = inject(Title);
  private readonly context = inject(ClientContext);

  readonly id = input.required<string>();
  protected readonly client = this.context.client;
  protected readonly loading = signal(true);
  protected readonly missing = signal(false);
  protected readonly failed = signal(false);
  protected readonly tabs = computed(() => {
    this.config.permissions();
    return CLIENT_TABS.filter((tab) => this.config.isGranted(tab.permission));
  });

  constructor() {
    this.context.reload = () => void this.load();
    effect(() => {
      this.id();
      void this.load();
    });
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    try {
      const client = await firstValueFrom(this.api.get(this.id()));
      this.context.set(client);
      this.title.setTitle(`${client.name} · Regentra`);
      this.missing.set(false);
      this.failed.set(false);
    } catch (error) {
      if (toProblem(error).status === 404) this.missing.set(true);
      else {
        this.errors.handle(error);
        this.failed.set(true);
      }
    } finally {
      this.loading.set(false);
    }
  }

  protected async edit(): Promise<void> {
    const client = this.client();
    if (!client) return;
    const saved = await openClientForm(this.dialog, client);
    if (saved) this.context.set(saved);
    else void this.load();
  }

  protected async setActive(active: boolean): Promise<void> {
    const client = this.client();
    const changed = client && (await this.actions.setActive(client, active));
    if (changed) this.context.set(changed);
  }

  protected async newTicket(): Promise<void> {
    const client = this.client();
    if (!client) return;
    const ticket = await openTicketCreate(this.dialog, { client: { id: client.id, name: client.name } });
    if (ticket) void this.router.navigate(['/tickets', ticket.id]);
  }
}
