import { Problem } from '../../core/http/problem';
import { StripeConnectionDto } from './stripe.models';

export type StripeStage = 'not-connected' | 'connected' | 'manual-setup' | 'missing';
export type Tone = 'ok' | 'warn' | 'error';

/** What the Stripe settings screen shows for a connection: one place decides, the template only follows. */
export interface StripeView {
  stage: StripeStage;
  /** The key form: to connect, to finish a manual set-up, to reconnect after the endpoint went missing, or to replace keys. */
  showForm: boolean;
  /** The manual set-up needs the signing secret of the endpoint added by hand. */
  askSigningSecret: boolean;
  submitLabel: string;
  modeLabel: string | null;
  /** The secret key as it may be shown: its kind and mode, then only its last four characters. */
  maskedKey: string | null;
  webhook: { label: string; tone: Tone; text: string } | null;
  /** Whether pay links can open Stripe Checkout now (the webhook can be verified). */
  paymentsReady: boolean;
  canTest: boolean;
  lastTest: { tone: Tone; text: string } | null;
}

/** The screen for a connection; `replacing` is true while the person replaces working keys. */
export function stripeView(c: StripeConnectionDto | null, replacing = false): StripeView {
  if (!c || !c.connected) {
    return {
      stage: 'not-connected', showForm: true, askSigningSecret: false, submitLabel: 'Connect Stripe', modeLabel: null, maskedKey: null,
      webhook: null, paymentsReady: false, canTest: false, lastTest: null,
    };
  }
  const stage: StripeStage = c.webhookStatus === 'ManualSetupRequired' ? 'manual-setup' : c.webhookStatus === 'Missing' ? 'missing' : 'connected';
  return {
    stage,
    showForm: stage !== 'connected' || replacing,
    askSigningSecret: stage === 'manual-setup',
    submitLabel: stage === 'manual-setup' ? 'Finish set-up' : stage === 'missing' ? 'Reconnect' : 'Save new keys',
    modeLabel: c.mode === 'Live' ? 'Live mode' : c.mode === 'Test' ? 'Test mode' : null,
    maskedKey: maskedKey(c),
    webhook: webhookState(c),
    paymentsReady: c.webhookStatus === 'Registered' || c.webhookStatus === 'Manual',
    canTest: true,
    lastTest: c.lastTestedAt === null ? null
      : c.lastTestSucceeded ? { tone: 'ok', text: 'Succeeded' }
      : { tone: 'error', text: `Failed: ${c.lastTestError ?? 'Stripe refused the key.'}` },
  };
}

/** `sk_test_••••abcd`: the kind and mode are not secret; the rest of the key never leaves the server. */
export function maskedKey(c: Pick<StripeConnectionDto, 'keyType' | 'mode' | 'secretKeyLast4'>): string | null {
  if (!c.secretKeyLast4) return null;
  const prefix = `${c.keyType === 'Restricted' ? 'rk' : 'sk'}_${c.mode === 'Live' ? 'live' : 'test'}_`;
  return `${prefix}••••${c.secretKeyLast4}`;
}

function webhookState(c: StripeConnectionDto): StripeView['webhook'] {
  switch (c.webhookStatus) {
    case 'Registered':
      return { label: 'Registered', tone: 'ok', text: 'Regentra added the endpoint to your Stripe account; payments are recorded as Stripe reports them.' };
    case 'Manual':
      return { label: 'Added by hand', tone: 'ok', text: 'The endpoint you added in Stripe is verified with its signing secret; payments are recorded.' };
    case 'ManualSetupRequired':
      return { label: 'Needs setting up', tone: 'warn', text: 'This key may not create webhook endpoints: add the endpoint in Stripe by hand (steps below). Until then pay links do not offer online payment.' };
    case 'Missing':
      return { label: 'Missing in Stripe', tone: 'error', text: 'The endpoint Regentra registered is no longer in your Stripe account, so payments are not recorded. Reconnect to register a new one.' };
    default:
      return null;
  }
}

/** Stripe's refusals, said for the person who pasted the keys; the field a message belongs beside, if any. */
export function stripeProblem(problem: Problem): { message: string; field: 'secretKey' | null } {
  const detail = problem.detail ?? 'Stripe did not answer as expected.';
  switch (problem.code) {
    case 'Billing:Stripe.InvalidKey':
      return { message: `${detail} Check that you copied the whole secret key from Stripe → Developers → API keys.`, field: 'secretKey' };
    case 'Billing:Stripe.PermissionDenied':
      return { message: `${detail} Give the restricted key read access to the account, or use a secret key.`, field: 'secretKey' };
    case 'Billing:Stripe.Unavailable':
      return { message: `${detail} Stripe could not be reached; nothing was changed. Try again in a moment.`, field: null };
    default:
      return { message: detail, field: null };
  }
}
