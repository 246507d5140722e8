import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import { ErrorService } from '../../core/errors/error.service';
import { confirm } from '../../core/ui/confirm-dialog';
import { ClientsApi } from '../api/clients.api';
import { ClientDto } from '../api/psa.models';

/** Deactivating and reactivating a client, each after saying what it means; shared by the list and the client page. */
@Injectable({ providedIn: 'root' })
export class ClientActions {
  private readonly api = inject(ClientsApi);
  private readonly dialog = inject(MatDialog);
  private readonly errors = inject(ErrorService);

  /** Resolves with the changed client, or undefined when the person cancelled or it failed (already reported). */
  async setActive(client: ClientDto, active: boolean): Promise<ClientDto | undefined> {
    const confirmed = await confirm(this.dialog, active
      ? {
          title: `Reactivate ${client.name}?`,
          text: 'New tickets and time can be logged for it again.',
          confirm: 'Reactivate',
        }
      : {
          title: `Deactivate ${client.name}?`,
          text: 'No new tickets or time can be logged for it. Its tickets, time and invoices stay as they are, and you can reactivate it at any time.',
          confirm: 'Deactivate',
          destructive: true,
        });
    if (!confirmed) return undefined;
    try {
      const changed = await firstValueFrom(active ? this.api.reactivate(client.id) : this.api.deactivate(client.id));
      this.errors.success(active ? `${changed.name} is active again.` : `${changed.name} is deactivated.`);
      return changed;
    } catch (error) {
      this.errors.handle(error);
      return undefined;
    }
  }
}
