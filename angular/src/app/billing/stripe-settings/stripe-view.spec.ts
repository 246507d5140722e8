import { StripeConnectionDto } from './stripe.models';
import { maskedKey, stripeProblem, stripeView } from './stripe-view';

const connection = (patch: Partial<StripeConnectionDto> = {}): StripeConnectionDto => ({
  connected: true, mode: 'Test', accountId: 'acct_1', accountName: 'Northwind', publishableKey: 'pk_test_abc', keyType: 'Secret',
  secretKeyLast4: 'wxyz', webhookStatus: 'Registered', webhookUrl: 'https://app.example/api/public/stripe/webhooks/t', webhookEndpointId: 'we_1',
  webhookEvents: ['checkout.session.completed'], webhookApiVersion: '2026-10-28.endive', setupInstructions: null, connectedAt: '2026-12-01T10:00:00Z',
  lastTestedAt: null, lastTestSucceeded: null, lastTestError: null, lastWebhookAt: null, ...patch,
});

describe('Stripe settings view', () => {
  it('asks for keys when nothing is connected', () => {
    const view = stripeView(connection({ connected: false, webhookStatus: 'NotConnected', mode: null }));
    expect(view.stage).toBe('not-connected');
    expect(view.showForm).toBe(true);
    expect(view.submitLabel).toBe('Connect Stripe');
    expect(view.canTest).toBe(false);
    expect(stripeView(null).stage).toBe('not-connected');
  });

  it('shows a working connection without the form, the key masked to its last 4', () => {
    const view = stripeView(connection());
    expect(view.stage).toBe('connected');
    expect(view.showForm).toBe(false);
    expect(view.modeLabel).toBe('Test mode');
    expect(view.maskedKey).toBe('sk_test_••••wxyz');
    expect(view.webhook).toEqual(expect.objectContaining({ label: 'Registered', tone: 'ok' }));
    expect(view.paymentsReady).toBe(true);
  });

  it('shows the form again to replace working keys', () => {
    expect(stripeView(connection(), true).showForm).toBe(true);
    expect(stripeView(connection(), true).submitLabel).toBe('Save new keys');
  });

  it('asks for the signing secret when the key could not register the webhook', () => {
    const view = stripeView(connection({ keyType: 'Restricted', webhookStatus: 'ManualSetupRequired', webhookEndpointId: null }));
    expect(view.stage).toBe('manual-setup');
    expect(view.askSigningSecret).toBe(true);
    expect(view.submitLabel).toBe('Finish set-up');
    expect(view.maskedKey).toBe('rk_test_••••wxyz');
    expect(view.paymentsReady).toBe(false);
    expect(view.webhook?.tone).toBe('warn');
  });

  it('counts an endpoint added by hand as ready, and a missing one as broken', () => {
    expect(stripeView(connection({ webhookStatus: 'Manual' })).paymentsReady).toBe(true);
    const missing = stripeView(connection({ webhookStatus: 'Missing' }));
    expect(missing.stage).toBe('missing');
    expect(missing.submitLabel).toBe('Reconnect');
    expect(missing.webhook?.tone).toBe('error');
  });

  it('shows live mode and the last test', () => {
    expect(stripeView(connection({ mode: 'Live' })).modeLabel).toBe('Live mode');
    expect(maskedKey({ keyType: 'Secret', mode: 'Live', secretKeyLast4: '1234' })).toBe('sk_live_••••1234');
    expect(stripeView(connection({ lastTestedAt: '2026-12-01T11:00:00Z', lastTestSucceeded: true })).lastTest).toEqual({ tone: 'ok', text: 'Succeeded' });
    expect(stripeView(connection({ lastTestedAt: '2026-12-01T11:00:00Z', lastTestSucceeded: false, lastTestError: 'Invalid API Key provided' })).lastTest)
      .toEqual({ tone: 'error', text: 'Failed: Invalid API Key provided' });
  });

  it('puts a rejected key beside the secret key field, and says what to do for each refusal', () => {
    expect(stripeProblem({ status: 400, code: 'Billing:Stripe.InvalidKey', detail: 'Stripe did not accept the secret key: Invalid API Key provided: sk_test_****abcd' }))
      .toEqual({ field: 'secretKey', message: expect.stringContaining('Invalid API Key provided') });
    expect(stripeProblem({ status: 502, code: 'Billing:Stripe.Unavailable', detail: 'Stripe timed out.' }).field).toBeNull();
    expect(stripeProblem({ status: 502, code: 'Billing:Stripe.Refused', detail: 'No such thing' }).message).toBe('No such thing');
  });
});
