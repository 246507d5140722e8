import { InvoiceEmailDto } from '../api/billing.models';
import { emailChip, emailNeedsWatching, emailNote, emailTitle } from './invoice-emails';

const time = (iso: string) => `«${iso.slice(11, 16)}»`;

function email(overrides: Partial<InvoiceEmailDto>): InvoiceEmailDto {
  return {
    id: 'e1', send: 1, messageId: 'invoice.abc.1@regentra.local', to: 'ap@client.test', subject: 'Invoice INV-2026-00001 from Acme',
    status: 'Delivered', queuedAt: '2026-12-02T10:00:00Z', attempts: 1, lastAttemptAt: '2026-12-02T10:00:00Z',
    deliveredAt: '2026-12-02T10:00:01Z', nextAttemptAt: null, lastError: null, possiblyRepeated: false, ...overrides,
  };
}

describe('invoice emails', () => {
  it('says plainly where each email stands', () => {
    expect(emailChip(email({})).label).toBe('Delivered');
    expect(emailChip(email({ possiblyRepeated: true })).label).toBe('Delivered, maybe twice');
    expect(emailChip(email({ status: 'Pending', deliveredAt: null })).label).toBe('On its way');
    expect(emailChip(email({ status: 'Pending', lastError: 'Connection refused' })).label).toBe('Retrying');
    expect(emailChip(email({ status: 'Failed', lastError: '550 No such user' })).label).toBe('Not delivered');
    expect(emailChip(email({ status: 'Cancelled' })).label).toBe('Not sent');
  });

  it('colours a problem so it is seen: a failure red, a retry or a possible repeat amber', () => {
    expect(emailChip(email({ status: 'Failed' })).tone).toBe('error');
    expect(emailChip(email({ status: 'Pending', lastError: 'x' })).tone).toBe('warning');
    expect(emailChip(email({ possiblyRepeated: true })).tone).toBe('warning');
    expect(emailChip(email({})).tone).toBe('success');
  });

  it('names the first send and the resends', () => {
    expect([1, 2, 3].map((send) => emailTitle(email({ send })))).toEqual(['Sent', 'Sent again', 'Sent again (2)']);
  });

  it('explains a retry with the error and the next try, and a refusal with what to do', () => {
    expect(emailNote(email({ status: 'Pending', attempts: 2, lastError: 'Connection refused.', nextAttemptAt: '2026-12-02T10:06:00Z' }), time))
      .toBe('Attempt 2 failed: Connection refused. Tried again automatically «10:06»; Resend tries now.');
    expect(emailNote(email({ status: 'Failed', attempts: 1, lastError: '550 5.1.1 No such user' }), time))
      .toBe("Not delivered after 1 attempt: 550 5.1.1 No such user. Check the client's billing email, then resend.");
  });

  it('tells the manager a client may have an email twice, and why that is harmless', () => {
    const note = emailNote(email({ attempts: 2, possiblyRepeated: true }), time);
    expect(note).toContain('Delivered «10:00»');
    expect(note).toContain('may have it twice');
    expect(note).toContain('same Message-ID');
  });

  it('counts the attempts of an email that went through on a retry', () => {
    expect(emailNote(email({}), time)).toBe('Delivered «10:00».');
    expect(emailNote(email({ attempts: 3 }), time)).toBe('Delivered «10:00» (3 attempts).');
  });

  it('watches an email being delivered or retried within two minutes, not one that waits for hours', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    expect(emailNeedsWatching(email({ status: 'Pending', lastError: null }), now)).toBe(true);
    expect(emailNeedsWatching(email({ status: 'Pending', lastError: 'x', nextAttemptAt: '2026-12-02T10:01:00Z' }), now)).toBe(true);
    expect(emailNeedsWatching(email({ status: 'Pending', lastError: 'x', nextAttemptAt: '2026-12-02T12:00:00Z' }), now)).toBe(false);
    expect(emailNeedsWatching(email({}), now)).toBe(false);
  });
});
