import { InvoicePreviewDto, InvoiceWarningDto } from '../api/billing.models';
import { AppLink, LINKS } from '../links';

export type WarningTone = 'error' | 'warning' | 'info';

/** A warning of the preview as the wizard shows it: a headline, plain words, and links to what it is about. */
export interface WarningView {
  code: string;
  tone: WarningTone;
  title: string;
  text: string;
  links: { label: string; link: AppLink }[];
}

/** Billable time in the period that is not approved yet, per status (from the time-entry list). */
export interface PendingTime {
  status: 'Draft' | 'Submitted' | 'Rejected';
  count: number;
  minutes: number;
  technicians: string[];
}

export interface WarningContext {
  /** The not-approved time by status, when the person may see everyone's time; otherwise the API's sentence is shown. */
  pending?: PendingTime[] | null;
  canApprove: boolean;
}

const TONE_ORDER: Record<WarningTone, number> = { error: 0, warning: 1, info: 2 };

/** Codes that stop the invoice from being generated. */
export const BLOCKING_CODES = new Set(['AlreadyInvoiced', 'NoRateForCurrency', 'AgreementCurrencyMismatch']);

export function hoursText(hours: number): string {
  return `${Number(hours.toFixed(2))} h`;
}

const entries = (count: number) => `${count} ${count === 1 ? 'entry' : 'entries'}`;
const by = (names: string[]) => (names.length === 0 ? '' : names.length <= 2 ? ` by ${names.join(' and ')}` : ` by ${names.length} people`);

/**
 * Every warning of a preview, most serious first, each with what it means in plain words and a link to the entries
 * or the setting it is about. "Why is this 0" comes right after anything that blocks the invoice.
 */
export function warningViews(preview: Pick<InvoicePreviewDto, 'clientId' | 'from' | 'to' | 'warnings'>, context: WarningContext): WarningView[] {
  const views: WarningView[] = [];
  const { clientId, from, to } = preview;
  const time = (query: Record<string, string>) => LINKS.clientTime(clientId, { from, to, ...query });

  for (const warning of preview.warnings) {
    switch (warning.code) {
      case 'NotApproved':
        views.push(...notApproved(warning, context, time));
        break;
      case 'ZeroTotal':
        views.push({ code: warning.code, tone: 'warning', title: 'Why is the total 0?', text: warning.message, links: [] });
        break;
      case 'AlreadyInvoiced':
        views.push({ code: warning.code, tone: 'error', title: 'Already invoiced', text: warning.message,
          links: [{ label: "See the client's invoices", link: LINKS.invoices({ clientId }) }] });
        break;
      case 'NoRateForCurrency':
      case 'AgreementCurrencyMismatch':
        views.push({ code: warning.code, tone: 'error', title: 'No rate in the client’s currency', text: warning.message,
          links: [{ label: 'Set an agreement', link: LINKS.agreement(clientId) }] });
        break;
      case 'NoAgreement':
        views.push({ code: warning.code, tone: 'info', title: 'Billed at the default rate', text: warning.message,
          links: [{ label: 'Set an agreement', link: LINKS.agreement(clientId) }] });
        break;
      case 'NonBillable':
        views.push({ code: warning.code, tone: 'info', title: 'Non-billable time', text: warning.message,
          links: [{ label: 'See the entries', link: time({ billable: 'false' }) }] });
        break;
      case 'CoveredByFee':
        views.push({ code: warning.code, tone: 'info', title: 'Covered by the monthly fee', text: warning.message, links: [] });
        break;
      case 'NoBillingEmail':
        views.push({ code: warning.code, tone: 'warning', title: 'No billing email', text: warning.message,
          links: [{ label: 'Open the client', link: LINKS.client(clientId) }] });
        break;
      default:
        views.push({ code: warning.code, tone: 'warning', title: 'Check this', text: warning.message, links: [] });
    }
  }

  const rank = (v: WarningView) => TONE_ORDER[v.tone] * 10 + (v.code === 'ZeroTotal' ? 0 : 1);
  return views.map((view, index) => ({ view, index }))
    .sort((a, b) => rank(a.view) - rank(b.view) || a.index - b.index)
    .map(({ view }) => view);
}

function notApproved(warning: InvoiceWarningDto, context: WarningContext, time: (query: Record<string, string>) => AppLink): WarningView[] {
  const approvals = context.canApprove ? [{ label: 'Review them', link: LINKS.approvals() }] : [];
  const pending = context.pending?.filter((p) => p.count > 0);
  if (!pending || pending.length === 0) {
    return [{ code: warning.code, tone: 'warning', title: 'Time not approved yet', text: warning.message,
      links: [...approvals, { label: 'See the entries', link: time({ status: 'Draft,Submitted,Rejected' }) }] }];
  }

  return pending.map((p): WarningView => {
    const amount = `${entries(p.count)} (${hoursText(p.minutes / 60)})`;
    const verb = p.count === 1 ? 'is' : 'are';
    switch (p.status) {
      case 'Submitted':
        return { code: warning.code, tone: 'warning', title: 'Waiting for approval',
          text: `${amount}${by(p.technicians)} ${verb} still Submitted, so not on this invoice. Approve ${p.count === 1 ? 'it' : 'them'}, then preview again.`,
          links: context.canApprove ? approvals : [{ label: 'See the entries', link: time({ status: 'Submitted' }) }] };
      case 'Draft':
        return { code: warning.code, tone: 'warning', title: 'Not submitted yet',
          text: `${amount}${by(p.technicians)} ${verb} still Draft: ${p.count === 1 ? 'it is' : 'they are'} billed once submitted by whoever logged ${p.count === 1 ? 'it' : 'them'} and approved.`,
          links: [{ label: 'See the entries', link: time({ status: 'Draft' }) }] };
      case 'Rejected':
        return { code: warning.code, tone: 'warning', title: 'Rejected time',
          text: `${amount}${by(p.technicians)} ${p.count === 1 ? 'was' : 'were'} Rejected: ${p.count === 1 ? 'it is' : 'they are'} billed once corrected, submitted again and approved.`,
          links: [{ label: 'See the entries', link: time({ status: 'Rejected' }) }] };
    }
  });
}

/** Whether the API will refuse to generate this invoice (nothing on it, or a blocking warning). */
export function cannotGenerate(preview: Pick<InvoicePreviewDto, 'lines' | 'warnings'>): string | null {
  const blocking = preview.warnings.find((w) => BLOCKING_CODES.has(w.code));
  if (blocking) return blocking.message;
  if (preview.lines.length === 0) return 'Nothing to invoice: no fee and no approved billable time in the period.';
  return null;
}
