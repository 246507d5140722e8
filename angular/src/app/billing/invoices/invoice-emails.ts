import { InvoiceEmailDto } from '../api/billing.models';
import { StatusChip } from '../ui/invoice-status';

/** The chip of an invoice email: delivered, on its way, retrying, not delivered, or not sent (voided first). */
export function emailChip(email: InvoiceEmailDto): StatusChip {
  switch (email.status) {
    case 'Delivered':
      return email.possiblyRepeated
        ? { label: 'Delivered, maybe twice', tone: 'warning', icon: 'mark_email_read', description: 'Delivered after an interrupted attempt that may also have reached the client.' }
        : { label: 'Delivered', tone: 'success', icon: 'mark_email_read', description: 'Handed to the mail server.' };
    case 'Pending':
      return email.lastError
        ? { label: 'Retrying', tone: 'warning', icon: 'schedule_send', description: 'The last attempt failed; it is tried again automatically.' }
        : { label: 'On its way', tone: 'info', icon: 'forward_to_inbox', description: 'Recorded with the send and being delivered now.' };
    case 'Failed':
      return { label: 'Not delivered', tone: 'error', icon: 'unsubscribe', description: 'The mail server refused it, or every retry failed. Resend once the address is right.' };
    case 'Cancelled':
      return { label: 'Not sent', tone: 'muted', icon: 'cancel_schedule_send', description: 'The invoice was voided before this email went out.' };
    default:
      return { label: email.status, tone: 'neutral', icon: 'help', description: '' };
  }
}

/** "Sent" for the first email, "Sent again" for each resend. */
export function emailTitle(email: InvoiceEmailDto): string {
  return email.send === 1 ? 'Sent' : email.send === 2 ? 'Sent again' : `Sent again (${email.send - 1})`;
}

/** What happened to the email, in a sentence or two; times through the organisation's formatter. */
export function emailNote(email: InvoiceEmailDto, time: (iso: string) => string): string {
  const attempts = email.attempts === 1 ? '1 attempt' : `${email.attempts} attempts`;
  const error = sentence(email.lastError);
  switch (email.status) {
    case 'Delivered':
      return email.possiblyRepeated
        ? `Delivered ${time(email.deliveredAt!)} after an attempt that was interrupted (its server stopped) once it may already have gone out. ` +
          'The client may have it twice; both copies carry the same Message-ID, so most mail programs show one.'
        : `Delivered ${time(email.deliveredAt!)}${email.attempts > 1 ? ` (${attempts})` : ''}.`;
    case 'Pending':
      return email.lastError
        ? `Attempt ${email.attempts} failed: ${error} Tried again automatically ${email.nextAttemptAt ? time(email.nextAttemptAt) : 'soon'}; Resend tries now.`
        : 'Being delivered now.';
    case 'Failed':
      return `Not delivered after ${attempts}: ${error} Check the client's billing email, then resend.`;
    case 'Cancelled':
      return 'Not sent: the invoice was voided before this email went out.';
    default:
      return '';
  }
}

/** Whether the page should look again soon: the email is being delivered, or its next try is within two minutes. */
export function emailNeedsWatching(email: InvoiceEmailDto, now: Date): boolean {
  if (email.status !== 'Pending') return false;
  if (!email.lastError || !email.nextAttemptAt) return true;
  return new Date(email.nextAttemptAt).getTime() - now.getTime() <= 2 * 60_000;
}

function sentence(text: string | null): string {
  const trimmed = (text ?? 'no reason given').trim().replace(/\.+$/, '');
  return `${trimmed}.`;
}
