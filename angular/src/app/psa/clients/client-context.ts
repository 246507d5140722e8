import { Injectable, signal } from '@angular/core';
import { ClientDto } from '../api/psa.models';

/**
 * The client the client page shows, shared with its tabs (provided by ClientDetailPage, so each tab's component can
 * `inject(ClientContext)`). `reload()` reads it again; `set()` takes one the API just answered with.
 */
@Injectable()
export class ClientContext {
  readonly client = signal<ClientDto | undefined>(undefined);
  reload: () => void = () => undefined;

  set(client: ClientDto): void {
    this.client.set(client);
  }
}
