import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { of } from 'rxjs';
import { AppConfigService } from '../../core/config/app-config.service';
import { injectLoader } from '../../core/http/loader';
import { PageHeader } from '../../core/ui/page-header';
import { ClientsApi } from '../../psa/api/clients.api';
import { ClientAgreementTabComponent } from '../agreements/client-agreement-tab.component';
import { ClientInvoicesTabComponent } from '../invoices/client-invoices-tab.component';
import { LINKS } from '../links';

/**
 * The client's Agreement and Invoices tabs on a page of their own (/billing/clients/:clientId/agreement|invoices),
 * until the client page takes them as tabs; then this page goes.
 */
@Component({
  selector: 'app-client-billing-page',
  imports: [ClientAgreementTabComponent, ClientInvoicesTabComponent, MatButtonModule, MatIconModule, MatTabsModule, PageHeader, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <app-page-header [title]="client.value()?.name ?? 'Client'" [subtitle]="subtitle()">
        @if (canSeeClient) {
          <a mat-stroked-button [routerLink]="links.client(clientId()).commands"><mat-icon>business</mat-icon>Client page</a>
        }
      </app-page-header>
      <nav mat-tab-nav-bar [tabPanel]="panel" aria-label="Client billing">
        @if (canSeeAgreement) {
          <a mat-tab-link [routerLink]="links.agreement(clientId()).commands" [active]="tab() === 'agreement'">Agreement</a>
        }
        @if (canSeeInvoices) {
          <a mat-tab-link [routerLink]="links.clientInvoices(clientId()).commands" [active]="tab() === 'invoices'">Invoices</a>
        }
      </nav>
      <mat-tab-nav-panel #panel class="panel">
        @if (tab() === 'agreement') {
          <app-client-agreement-tab [clientId]="clientId()" />
        } @else {
          <app-client-invoices-tab [clientId]="clientId()" />
        }
      </mat-tab-nav-panel>
    </div>
  `,
  styles: `
    .panel { display: block; padding-top: 16px; }
  `,
})
export class ClientBillingPage {
  readonly clientId = input.required<string>();
  /** From the route's data: which tab this route shows. */
  readonly tab = input<'agreement' | 'invoices'>('agreement');

  private readonly config = inject(AppConfigService);
  private readonly clients = inject(ClientsApi);
  protected readonly links = LINKS;
  protected readonly canSeeClient = this.config.isGranted('Psa.Clients');
  protected readonly canSeeAgreement = this.config.isGranted('Billing.Agreements');
  protected readonly canSeeInvoices = this.config.isGranted('Billing.Invoices');
  protected readonly client = injectLoader(() => (this.canSeeClient ? this.clients.get(this.clientId()) : of(null)));
  protected readonly subtitle = computed(() => {
    const client = this.client.value();
    return client ? `${client.currency}${client.billingEmail ? ' · bills to ' + client.billingEmail : ' · no billing email yet'}` : '';
  });
}
