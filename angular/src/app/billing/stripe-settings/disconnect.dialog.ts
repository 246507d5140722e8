import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';

/** Asks before the keys are forgotten, saying what stops working. Closes with true to disconnect. */
@Component({
  selector: 'app-stripe-disconnect-dialog',
  imports: [MatButtonModule, MatDialogModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Disconnect Stripe?</h2>
    <mat-dialog-content>
      <p>Regentra forgets the keys of <strong>{{ data.accountName }}</strong>. Then:</p>
      <ul>
        <li>pay links no longer offer “Pay now”, and Checkout pages still open are closed;</li>
        <li>the webhook endpoint Regentra registered is deleted from your Stripe account where the key allows;</li>
        <li>payments already recorded stay on their invoices.</li>
      </ul>
      <p>You can connect again at any time; the webhook URL will be a new one.</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">Keep connected</button>
      <button mat-flat-button type="button" class="danger" [mat-dialog-close]="true">Disconnect</button>
    </mat-dialog-actions>
  `,
  styles: `
    ul { padding-left: 20px; }
    li { margin-bottom: 4px; }
    .danger { --mat-button-filled-container-color: var(--mat-sys-error); --mat-button-filled-label-text-color: var(--mat-sys-on-error); }
  `,
})
export class StripeDisconnectDialog {
  protected readonly data = inject<{ accountName: string }>(MAT_DIALOG_DATA);
}
