/** Mirrors Regentra.Billing.Contracts.Payments.StripeWebhookStatus. */
export type StripeWebhookStatus = 'NotConnected' | 'Registered' | 'ManualSetupRequired' | 'Manual' | 'Missing';

/** Mirrors Regentra.Billing.Contracts.Payments.StripeConnectionDto: never a secret. */
export interface StripeConnectionDto {
  connected: boolean;
  /** Test or Live, from the keys. */
  mode: 'Test' | 'Live' | null;
  accountId: string | null;
  accountName: string | null;
  publishableKey: string | null;
  /** Secret (sk_) or Restricted (rk_). */
  keyType: 'Secret' | 'Restricted' | null;
  secretKeyLast4: string | null;
  webhookStatus: StripeWebhookStatus;
  webhookUrl: string | null;
  webhookEndpointId: string | null;
  webhookEvents: string[];
  webhookApiVersion: string | null;
  setupInstructions: string | null;
  connectedAt: string | null;
  lastTestedAt: string | null;
  lastTestSucceeded: boolean | null;
  lastTestError: string | null;
  lastWebhookAt: string | null;
}

/** Mirrors Regentra.Billing.Contracts.Payments.ConnectStripeRequest. */
export interface ConnectStripeRequest {
  publishableKey: string;
  secretKey: string;
  webhookSigningSecret?: string | null;
}

/** Mirrors Regentra.Billing.Contracts.Payments.DisconnectStripeResponse. */
export interface DisconnectStripeResponse {
  webhookEndpointDeleted: boolean;
  note: string | null;
}
