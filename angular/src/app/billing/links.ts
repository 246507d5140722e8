import { Params } from '@angular/router';

/** A place in the app: `[routerLink]="link.commands" [queryParams]="link.queryParams"`. */
export interface AppLink {
  commands: string[];
  queryParams?: Params;
}

/** Where billing screens send people, in one place. A client's Agreement and Invoices are tabs of the client page. */
export const LINKS = {
  invoices: (queryParams?: Params): AppLink => ({ commands: ['/billing/invoices'], queryParams }),
  invoice: (id: string): AppLink => ({ commands: ['/billing/invoices', id] }),
  newInvoice: (queryParams?: Params): AppLink => ({ commands: ['/billing/new-invoice'], queryParams }),
  runs: (queryParams?: Params): AppLink => ({ commands: ['/billing/runs'], queryParams }),
  agreement: (clientId: string): AppLink => ({ commands: ['/clients', clientId, 'agreement'] }),
  clientInvoices: (clientId: string): AppLink => ({ commands: ['/clients', clientId, 'invoices'] }),
  client: (clientId: string): AppLink => ({ commands: ['/clients', clientId] }),
  /** The client's time, filtered (status comma-separated, work dates from ≤ day < to). */
  clientTime: (clientId: string, queryParams?: Params): AppLink => ({ commands: ['/clients', clientId, 'time'], queryParams }),
  approvals: (): AppLink => ({ commands: ['/time/approvals'] }),
};
